package io.secondcall.google;

import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.extensions.java6.auth.oauth2.AuthorizationCodeInstalledApp;
import com.google.api.client.http.javanet.NetHttpTransport;
import io.secondcall.config.GoogleSettings;
import io.secondcall.port.ServerAccessException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code secondcall auth google}: the OAuth flow of an installed app, by google-oauth-client's
 * {@link AuthorizationCodeInstalledApp} over a {@link ConsentFlow} (PKCE, offline access), with
 * the answer coming back over a loopback redirect or pasted by hand. The grant is written to the
 * token file only once Google issued it with every scope asked for, so a failed or partial
 * consent leaves a working grant in place.
 *
 * <p>The flow stores nothing itself: {@code AuthorizationCodeInstalledApp} would return a stored
 * grant without asking Google, and this command is run precisely to replace one.
 */
public final class GoogleSignIn {

  /** The flow's user id; secondcall serves one user, and the flow keeps no store to look it up in. */
  private static final String USER = "secondcall";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final OAuthClient client;
  private final GoogleSettings settings;
  private final List<String> scopes;
  private final Path tokenFile;
  private final PrintWriter out;
  private final Clock clock;
  private final Duration patience;

  /**
   * @param scopes what to ask for, {@link GoogleScopes#needed}
   * @param tokenFile where the grant goes, {@link GoogleTokens#fileIn}
   * @param out where the user is told what to do
   */
  public GoogleSignIn(OAuthClient client, GoogleSettings settings, List<String> scopes, Path tokenFile,
      PrintWriter out, Clock clock) {
    this(client, settings, scopes, tokenFile, out, clock, LoopbackReceiver.PATIENCE);
  }

  GoogleSignIn(OAuthClient client, GoogleSettings settings, List<String> scopes, Path tokenFile, PrintWriter out,
      Clock clock, Duration patience) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.scopes = List.copyOf(scopes);
    if (this.scopes.isEmpty()) {
      throw new IllegalArgumentException("no scopes to ask Google for");
    }
    this.tokenFile = Objects.requireNonNull(tokenFile, "tokenFile");
    this.out = Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.patience = patience;
  }

  /**
   * Prints the consent URL and waits for Google's redirect on 127.0.0.1.
   *
   * @return the grant, already written to the token file
   * @throws ServerAccessException when Google refused (not transient) or could not be reached
   * @throws IllegalStateException when no answer came in time
   */
  public GoogleTokens overLoopback() {
    return authorise(new LoopbackReceiver(patience));
  }

  /**
   * Prints the consent URL and reads the redirected address, or the bare code, from {@code in}.
   *
   * @throws IllegalArgumentException when the pasted text holds no code
   * @throws ServerAccessException as {@link #overLoopback()}
   */
  public GoogleTokens byPaste(BufferedReader in) {
    return authorise(new PastedAnswer(in));
  }

  private GoogleTokens authorise(ConsentReceiver receiver) {
    AtomicReference<String> granted = new AtomicReference<>();
    ConsentFlow flow = ConsentFlow.create(client, settings, scopes, new NetHttpTransport(), new Timeouts(TIMEOUT),
        clock, (credential, response) -> granted.set(response.getScope()));
    Credential credential;
    try {
      credential = new AuthorizationCodeInstalledApp(flow, receiver, url -> receiver.instruct(out, url))
          .authorize(USER);
    } catch (ConsentDeclinedException e) {
      throw refused(settings.auth(), e.getMessage() + "; run `secondcall auth google` again and allow access", e);
    } catch (TokenResponseException e) {
      if (e.getStatusCode() >= 500) {
        throw new ServerAccessException("Google's token endpoint answered HTTP " + e.getStatusCode()
            + "; try again later", settings.token().getHost(), GoogleFailures.port(settings.token()), true, e);
      }
      throw refused(settings.token(), "Google refused the authorisation code (" + GrantRefusedException.reason(e)
          + "); run `secondcall auth google` again", e);
    } catch (IOException e) {
      throw new ServerAccessException("cannot reach Google's token endpoint " + settings.token() + ": "
          + ServerAccessException.reason(e), settings.token().getHost(), GoogleFailures.port(settings.token()), true, e);
    }
    // RFC 6749 section 5.1: a token response without scope grants exactly what was asked for.
    String scope = granted.get() == null ? String.join(" ", scopes) : granted.get();
    List<String> missing = GoogleScopes.missing(scope, scopes);
    if (!missing.isEmpty()) {
      throw refused(settings.auth(), "Google granted only " + GoogleScopes.names(scope) + ", but secondcall also"
          + " needs " + GoogleScopes.names(missing) + "; nothing was saved: run `secondcall auth google` again"
          + " and allow every access it asks for", null);
    }
    if (credential.getRefreshToken() == null) {
      throw refused(settings.token(), "Google sent no refresh token, so access would end within the hour;"
          + " nothing was saved: run `secondcall auth google` again", null);
    }
    Long expires = credential.getExpirationTimeMilliseconds();
    GoogleTokens tokens = new GoogleTokens(credential.getAccessToken(), credential.getRefreshToken(),
        expires == null ? null : Instant.ofEpochMilli(expires), scope);
    try {
      tokens.write(tokenFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Google granted access, but it cannot be saved to " + tokenFile + ": " + e, e);
    }
    return tokens;
  }

  private static ServerAccessException refused(URI endpoint, String message, Throwable cause) {
    return new ServerAccessException(message, endpoint.getHost(), GoogleFailures.port(endpoint), false, cause);
  }
}
