package io.secondcall.google;

import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.CredentialRefreshListener;
import com.google.api.client.auth.oauth2.TokenErrorResponse;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A google-oauth-client {@link Credential} over the token file: it sends the access token as a
 * bearer header, renews it at the configured token endpoint when it is about to expire or when
 * the API answers 401 with {@code error="invalid_token"}, and writes each renewed token back.
 */
final class TokenFileCredential {

  private static final Logger log = LoggerFactory.getLogger(TokenFileCredential.class);

  private TokenFileCredential() {}

  /**
   * @param tokenRequests sets the timeouts of the refresh requests themselves
   */
  static Credential create(OAuthClient client, GoogleTokens tokens, Path tokenFile, String tokenEndpoint,
      HttpTransport transport, HttpRequestInitializer tokenRequests, Clock clock) {
    Credential.Builder builder = new Credential.Builder(BearerToken.authorizationHeaderAccessMethod())
        .setTransport(transport)
        .setJsonFactory(GsonFactory.getDefaultInstance())
        .setTokenServerUrl(new GenericUrl(tokenEndpoint))
        .setClientAuthentication(new ClientParametersAuthentication(client.clientId(), client.clientSecret()))
        .setRequestInitializer(tokenRequests)
        .setClock(clock::millis)
        .addRefreshListener(new SaveOnRefresh(tokenFile, tokens));
    Credential credential = new Credential(builder) {
      @Override
      public TokenResponse executeRefreshToken() throws IOException {
        try {
          return super.executeRefreshToken();
        } catch (TokenResponseException e) {
          if (e.getStatusCode() >= 500) {
            throw new TokenEndpointException("the token endpoint answered HTTP " + e.getStatusCode(), e);
          }
          throw e;
        } catch (IOException e) {
          throw new TokenEndpointException("the token endpoint could not be reached: " + e, e);
        }
      }
    };
    credential.setAccessToken(tokens.accessToken());
    credential.setRefreshToken(tokens.refreshToken());
    credential.setExpirationTimeMilliseconds(tokens.expiresAt() == null ? null : tokens.expiresAt().toEpochMilli());
    return credential;
  }

  /** Keeps the token file current, so that a restart does not start with a stale token. */
  private static final class SaveOnRefresh implements CredentialRefreshListener {

    private final Path file;
    private GoogleTokens saved;

    SaveOnRefresh(Path file, GoogleTokens saved) {
      this.file = file;
      this.saved = saved;
    }

    @Override
    public void onTokenResponse(Credential credential, TokenResponse response) {
      Long expires = credential.getExpirationTimeMilliseconds();
      GoogleTokens renewed = new GoogleTokens(credential.getAccessToken(), credential.getRefreshToken(),
          expires == null ? null : Instant.ofEpochMilli(expires),
          response.getScope() == null ? saved.scope() : response.getScope());
      try {
        renewed.write(file);
        saved = renewed;
        log.debug("Google access token renewed, valid until {}", renewed.expiresAt());
      } catch (IOException e) {
        // The renewed token still works in memory; the next start just renews once more.
        log.warn("Google access token renewed but not saved to {}: {}", file, e.toString());
      }
    }

    @Override
    public void onTokenErrorResponse(Credential credential, TokenErrorResponse error) {
      if (error != null) {
        log.warn("Google refused to renew the access token: {}{}", error.getError(),
            error.getErrorDescription() == null ? "" : " (" + error.getErrorDescription() + ")");
      }
    }
  }
}
