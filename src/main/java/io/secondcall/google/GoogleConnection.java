package io.secondcall.google;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import io.secondcall.config.GoogleSettings;
import io.secondcall.port.ServerAccessException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What every Google API client of secondcall shares: one HTTP transport, the user's credential
 * from the token file, timeouts on every request, the API root URL (Google's or a test fake's)
 * and the mapping of failures. Build a service client with
 * {@code new Calendar.Builder(c.transport(), c.jsonFactory(), c.initializer()).setRootUrl(c.rootUrl())}.
 */
public final class GoogleConnection {

  /** Connect and read timeout of every request when none is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final HttpTransport transport;
  private final TokenFileCredential credential;
  private final HttpRequestInitializer initializer;
  private final String rootUrl;
  private final GoogleFailures failures;

  private GoogleConnection(HttpTransport transport, TokenFileCredential credential, HttpRequestInitializer initializer,
      String rootUrl, GoogleFailures failures) {
    this.transport = transport;
    this.credential = credential;
    this.initializer = initializer;
    this.rootUrl = rootUrl;
    this.failures = failures;
  }

  /**
   * Reads the OAuth client ({@link GoogleSettings#credentialsFile()}) and the token file, and
   * prepares authorised requests. Nothing goes over the network yet.
   *
   * @param tokenFile usually {@link GoogleTokens#fileIn(Path) GoogleTokens.fileIn(stateDir)}
   * @param timeout connect and read timeout of every request; null means {@link #DEFAULT_TIMEOUT}
   * @param clock decides when the access token has expired
   * @throws ServerAccessException (not transient) when the client or token file is missing or unusable
   */
  public static GoogleConnection open(GoogleSettings settings, Path tokenFile, Duration timeout, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(tokenFile, "tokenFile");
    Objects.requireNonNull(clock, "clock");
    Duration t = timeout == null ? DEFAULT_TIMEOUT : timeout;
    GoogleFailures failures = new GoogleFailures(settings.api(), settings.token());
    if (settings.credentialsFile() == null) {
      throw failures.notAuthorised("google.credentials_file is not set: Google needs an OAuth client", null);
    }
    OAuthClient client;
    try {
      client = OAuthClient.read(settings.credentialsFile());
    } catch (IOException | IllegalArgumentException e) {
      throw failures.notAuthorised("cannot use the Google OAuth client " + settings.credentialsFile() + ": "
          + e.getMessage(), e);
    }
    GoogleTokens tokens;
    try {
      tokens = GoogleTokens.read(tokenFile);
    } catch (IOException | IllegalArgumentException e) {
      throw failures.notAuthorised("no usable Google authorisation in " + tokenFile + " (" + e.getMessage()
          + "): run `secondcall auth google`", e);
    }
    HttpTransport transport = new NetHttpTransport();
    HttpRequestInitializer timeouts = new Timeouts(t);
    TokenFileCredential credential = new TokenFileCredential(client, tokens, tokenFile, settings.token().toString(),
        transport, timeouts, clock);
    return new GoogleConnection(transport, credential, new Authorised(credential, timeouts), rootUrl(settings.api()),
        failures);
  }

  /** The API root with exactly one trailing slash, as the generated clients expect. */
  static String rootUrl(URI api) {
    String s = api.toString();
    return s.endsWith("/") ? s : s + "/";
  }

  public HttpTransport transport() {
    return transport;
  }

  public JsonFactory jsonFactory() {
    return GsonFactory.getDefaultInstance();
  }

  /** Authorises each request and sets its timeouts. */
  public HttpRequestInitializer initializer() {
    return initializer;
  }

  /** The API root URL ending in {@code /}, e.g. {@code https://www.googleapis.com/}. */
  public String rootUrl() {
    return rootUrl;
  }

  /** Maps failed calls to {@link ServerAccessException}. */
  public GoogleFailures failures() {
    return failures;
  }

  /**
   * Renews the access token once at the token endpoint, whether it expired or not, and says what
   * the grant allows: whether the stored authorisation still works, as {@code check} asks.
   *
   * @param needed the scopes the config needs ({@link GoogleScopes#needed})
   * @return the granted scopes, for people
   * @throws ServerAccessException when Google refuses the grant (not transient), the token
   *     endpoint cannot be reached (transient), or the grant lacks a needed scope (not transient)
   */
  public String renewAndCheck(List<String> needed) {
    try {
      credential.refreshToken();
    } catch (IOException e) {
      throw failures.of("Google sign-in", e);
    }
    List<String> missing = GoogleScopes.missing(credential.scope(), needed);
    if (!missing.isEmpty()) {
      throw failures.notAuthorised("the Google authorisation lacks " + GoogleScopes.names(missing)
          + " (granted: " + GoogleScopes.names(credential.scope()) + "); run `secondcall auth google` again"
          + " and allow every access it asks for", null);
    }
    return GoogleScopes.names(credential.scope());
  }

  private record Authorised(TokenFileCredential credential, HttpRequestInitializer timeouts)
      implements HttpRequestInitializer {
    @Override
    public void initialize(HttpRequest request) throws IOException {
      credential.initialize(request);
      timeouts.initialize(request);
      // One retry: the one after a token renewal on 401. A second 401 means the grant does not
      // allow the call, and renewing the token again for a request that will not be repeated
      // would be wasted.
      request.setNumberOfRetries(1);
      request.setUnsuccessfulResponseHandler((req, response, supportsRetry) ->
          supportsRetry && response.getStatusCode() == 401 && credential.renewAfter401(req));
    }
  }
}
