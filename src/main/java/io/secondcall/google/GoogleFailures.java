package io.secondcall.google;

import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import io.secondcall.port.ServerAccessException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns what the Google clients throw into {@link ServerAccessException}: transient when waiting
 * may help (network trouble, timeouts, 5xx, 429, rate limits), permanent when the user must act
 * (a refused or revoked grant, a 401 even after a token refresh, a missing permission). Messages
 * carry Google's error codes and descriptions, never a token.
 */
public final class GoogleFailures {

  /** 403 reasons that mean "slow down", not "forbidden". */
  private static final Set<String> RATE_LIMIT_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded");

  private final URI api;
  private final URI token;

  public GoogleFailures(URI api, URI token) {
    this.api = Objects.requireNonNull(api, "api");
    this.token = Objects.requireNonNull(token, "token");
  }

  /**
   * The failure of one call.
   *
   * @param action what was being done, for the message: {@code "Google Calendar events.list"}
   */
  public ServerAccessException of(String action, IOException e) {
    if (e instanceof TokenResponseException t && t.getStatusCode() < 500) {
      return refused(action, GrantRefusedException.of(t));
    }
    if (e instanceof GrantRefusedException g) {
      return refused(action, g);
    }
    if (e instanceof TokenResponseException || e instanceof TokenEndpointException) {
      return new ServerAccessException(action + ": renewing the Google access token failed: " + e.getMessage(),
          token.getHost(), port(token), true, e);
    }
    if (e instanceof HttpResponseException h) {
      int status = h.getStatusCode();
      return new ServerAccessException(action + " failed: HTTP " + status + describe(h), api.getHost(), port(api),
          isTransient(h), e);
    }
    return new ServerAccessException(action + " failed: " + e, api.getHost(), port(api), true, e);
  }

  private ServerAccessException refused(String action, GrantRefusedException e) {
    return new ServerAccessException(action + ": " + e.getMessage() + "; run `secondcall auth google` again",
        token.getHost(), port(token), false, e);
  }

  /** A problem with the local authorisation material (client file, token file): the user must fix it. */
  public ServerAccessException notAuthorised(String message, Throwable cause) {
    return new ServerAccessException(message, token.getHost(), port(token), false, cause);
  }

  static boolean isTransient(HttpResponseException e) {
    return isTransient(e.getStatusCode(), reasons(e));
  }

  /**
   * Whether a call that failed with this status and these error reasons may succeed later:
   * network-side statuses, 429, 5xx, and the 403s that mean "slow down".
   */
  public static boolean isTransient(int status, List<String> reasons) {
    if (status == 403) {
      return reasons.stream().anyMatch(RATE_LIMIT_REASONS::contains);
    }
    return status == 408 || status == 429 || status >= 500;
  }

  /** The {@code reason} of each error Google listed in its answer. */
  public static List<String> reasons(HttpResponseException e) {
    if (e instanceof GoogleJsonResponseException g && g.getDetails() != null && g.getDetails().getErrors() != null) {
      return g.getDetails().getErrors().stream().map(GoogleJsonError.ErrorInfo::getReason).filter(Objects::nonNull)
          .toList();
    }
    return List.of();
  }

  private static String describe(HttpResponseException e) {
    if (e instanceof GoogleJsonResponseException g && g.getDetails() != null && g.getDetails().getMessage() != null) {
      return " " + g.getDetails().getMessage();
    }
    return e.getStatusMessage() == null ? "" : " " + e.getStatusMessage();
  }

  static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
  }
}
