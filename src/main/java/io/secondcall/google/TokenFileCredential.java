package io.secondcall.google;

import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * google-oauth-client's {@link Credential} over the token file: it sends the access token as a
 * bearer header, renews it at the configured token endpoint when it is about to expire or the API
 * answers 401, and writes each renewed token back. Three things it adds to the library's:
 *
 * <ul>
 *   <li>A 5xx or an unreachable token endpoint is a {@link TokenEndpointException}: the library
 *       would swallow a 5xx and go on with the expired token, and the API's 401 would then look
 *       like a revoked grant.
 *   <li>A grant Google refused (revoked, expired) is not offered to Google again: until the file
 *       holds a new grant every renewal fails at once with {@link GrantRefusedException}, so a
 *       daemon that retries with backoff sends Google nothing it knows to be dead.
 *   <li>Before each renewal the file is read again: a new grant from {@code secondcall auth google}
 *       is taken up by a running daemon without a restart.
 * </ul>
 */
final class TokenFileCredential extends Credential {

  private static final Logger log = LoggerFactory.getLogger(TokenFileCredential.class);

  private final Path file;
  private volatile String scope;
  /** The refresh token Google refused, and why; null while none was. Used under the credential's lock. */
  private String refused;
  private GrantRefusedException refusal;

  /**
   * @param tokenRequests sets the timeouts of the renewal requests themselves
   */
  TokenFileCredential(OAuthClient client, GoogleTokens tokens, Path file, String tokenEndpoint,
      HttpTransport transport, HttpRequestInitializer tokenRequests, Clock clock) {
    super(new Credential.Builder(BearerToken.authorizationHeaderAccessMethod())
        .setTransport(transport)
        .setJsonFactory(GsonFactory.getDefaultInstance())
        .setTokenServerUrl(new GenericUrl(tokenEndpoint))
        .setClientAuthentication(new ClientParametersAuthentication(client.clientId(), client.clientSecret()))
        .setRequestInitializer(tokenRequests)
        .setClock(clock::millis));
    this.file = Objects.requireNonNull(file, "file");
    take(tokens);
  }

  private void take(GoogleTokens tokens) {
    setAccessToken(tokens.accessToken());
    setRefreshToken(tokens.refreshToken());
    setExpirationTimeMilliseconds(tokens.expiresAt() == null ? null : tokens.expiresAt().toEpochMilli());
    scope = tokens.scope();
  }

  /** The scopes of the grant, space-separated, as Google last stated them; null when unknown. */
  String scope() {
    return scope;
  }

  @Override
  protected TokenResponse executeRefreshToken() throws IOException {
    takeNewGrant();
    if (getRefreshToken().equals(refused)) {
      throw refusal.again();
    }
    try {
      return super.executeRefreshToken();
    } catch (TokenResponseException e) {
      if (e.getStatusCode() >= 500) {
        throw new TokenEndpointException("the token endpoint answered HTTP " + e.getStatusCode(), e);
      }
      if (e.getStatusCode() == 400 || e.getStatusCode() == 401) {
        refused = getRefreshToken();
        refusal = GrantRefusedException.of(e);
        // The caller logs the failure with the account it concerns; this says only what happens next.
        log.debug("{}: {}; nothing more is sent to Google until `secondcall auth google` writes a new grant",
            file, refusal.getMessage());
        throw refusal;
      }
      throw e;
    } catch (IOException e) {
      throw new TokenEndpointException("the token endpoint could not be reached: " + e, e);
    }
  }

  /** Takes up the file's grant when it is not the one in memory: the user authorised again. */
  private void takeNewGrant() {
    GoogleTokens onDisk;
    try {
      onDisk = GoogleTokens.read(file);
    } catch (IOException | IllegalArgumentException e) {
      // The grant in memory is all there is; the next renewal looks again.
      log.debug("Google token file {} unreadable, going on with the authorisation in memory: {}", file, e.toString());
      return;
    }
    if (!onDisk.refreshToken().equals(getRefreshToken())) {
      take(onDisk);
      log.info("new Google authorisation found in {}, scopes {}", file, GoogleScopes.names(onDisk.scope()));
    }
  }

  /**
   * After a 401: renews the access token unless another request already did, and says whether the
   * request is worth repeating. Unlike {@link Credential#handleResponse}, a refused renewal is
   * thrown, not logged and swallowed, so the caller learns that the grant is gone rather than
   * seeing a bare 401.
   */
  boolean renewAfter401(HttpRequest request) throws IOException {
    String sent = getMethod().getAccessTokenFromRequest(request);
    return !Objects.equals(getAccessToken(), sent) || refreshToken();
  }

  /** Keeps the token file current, so that a restart does not begin with a stale token. */
  @Override
  public Credential setFromTokenResponse(TokenResponse response) {
    super.setFromTokenResponse(response);
    Long expires = getExpirationTimeMilliseconds();
    scope = response.getScope() == null ? scope : response.getScope();
    GoogleTokens renewed = new GoogleTokens(getAccessToken(), getRefreshToken(),
        expires == null ? null : Instant.ofEpochMilli(expires), scope);
    try {
      renewed.write(file);
      log.debug("Google access token renewed, valid until {}", renewed.expiresAt());
    } catch (IOException e) {
      // The renewed token still works in memory; the next start just renews once more.
      log.warn("Google access token renewed but not saved to {}: {}", file, e.toString());
    }
    return this;
  }
}
