package io.secondcall.google;

import com.google.api.client.auth.oauth2.AuthorizationCodeFlow;
import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import io.secondcall.config.GoogleSettings;
import java.time.Clock;
import java.util.List;

/**
 * google-oauth-client's authorization code flow with PKCE (S256) at the configured endpoints,
 * asking Google for a refresh token every time ({@code access_type=offline}) and for a consent
 * screen even when the user agreed before ({@code prompt=consent}): Google sends a refresh token
 * only with a consent, and {@code auth google} is run precisely to get a new one.
 *
 * <p>Not google-api-client's {@code GoogleAuthorizationCodeFlow}: its authorization URL drops
 * the PKCE challenge and asks with the deprecated {@code approval_prompt=force}.
 */
final class ConsentFlow extends AuthorizationCodeFlow {

  private ConsentFlow(Builder builder) {
    super(builder);
  }

  /**
   * A flow that stores nothing itself: {@link GoogleSignIn} writes the grant, with the scopes
   * the listener is told.
   */
  static ConsentFlow create(OAuthClient client, GoogleSettings settings, List<String> scopes, HttpTransport transport,
      HttpRequestInitializer timeouts, Clock clock, CredentialCreatedListener listener) {
    Builder builder = new Builder(BearerToken.authorizationHeaderAccessMethod(), transport,
        GsonFactory.getDefaultInstance(), new GenericUrl(settings.token()),
        new ClientParametersAuthentication(client.clientId(), client.clientSecret()), client.clientId(),
        settings.auth().toString())
        .setScopes(scopes)
        .enablePKCE()
        .setRequestInitializer(timeouts)
        .setClock(clock::millis)
        .setCredentialCreatedListener(listener);
    return new ConsentFlow(builder);
  }

  @Override
  public AuthorizationCodeRequestUrl newAuthorizationUrl() {
    AuthorizationCodeRequestUrl url = super.newAuthorizationUrl();
    url.set("access_type", "offline");
    url.set("prompt", "consent");
    return url;
  }
}
