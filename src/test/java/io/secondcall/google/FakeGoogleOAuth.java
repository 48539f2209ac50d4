package io.secondcall.google;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Google's OAuth endpoints on 127.0.0.1, as a Desktop app client meets them. {@code /auth} plays
 * a user who consents at once: it checks the request (client, loopback redirect, PKCE S256
 * challenge) and redirects to the redirect URI with a code. {@code /token} redeems a code only
 * with the matching PKCE verifier, client secret and redirect URI, and renews access tokens for
 * the refresh tokens it issued (and one preset). Switches let a test decline the consent, grant
 * only some scopes, revoke the grant or make the token endpoint fail.
 */
public final class FakeGoogleOAuth implements AutoCloseable {

  public static final String CLIENT_ID = "1234-fake.apps.googleusercontent.com";
  public static final String CLIENT_SECRET = "fake-client-secret";
  /** A refresh token the fake knows from the start, as if `auth google` had run before. */
  public static final String REFRESH_TOKEN = "1//fake-refresh-token";

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Pending(String challenge, String redirectUri, String scope) {}

  private final HttpServer ownServer;
  private final int port;
  private final Set<String> validAccessTokens = ConcurrentHashMap.newKeySet();
  /** Refresh token to the scope it grants. */
  private final Map<String, String> grants = new ConcurrentHashMap<>();
  private final Map<String, Pending> codes = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger refreshes = new AtomicInteger();
  private final AtomicInteger exchanges = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private volatile Map<String, String> lastConsentRequest = Map.of();
  private volatile int tokenEndpointStatus;
  private volatile boolean declineConsent;
  private volatile List<String> grantOnly;

  /** Serves {@code /auth} and {@code /token} on {@code server}; the preset refresh token grants {@code presetScope}. */
  public FakeGoogleOAuth(HttpServer server, String presetScope) {
    this(server, null, presetScope);
  }

  private FakeGoogleOAuth(HttpServer server, HttpServer ownServer, String presetScope) {
    this.ownServer = ownServer;
    this.port = server.getAddress().getPort();
    grants.put(REFRESH_TOKEN, presetScope);
    server.createContext("/auth", this::consent);
    server.createContext("/token", this::token);
  }

  /** The endpoints on a server of their own, for tests that need no API. */
  public static FakeGoogleOAuth start(String presetScope) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakeGoogleOAuth fake = new FakeGoogleOAuth(server, server, presetScope);
    server.start();
    return fake;
  }

  /** Writes the OAuth client file of this fake as the Google Cloud console would download it. */
  public static Path writeClientFile(Path file) throws IOException {
    return Files.writeString(file, """
        {"installed": {"client_id": "%s", "client_secret": "%s", "project_id": "secondcall-test",
         "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token",
         "redirect_uris": ["http://localhost"]}}
        """.formatted(CLIENT_ID, CLIENT_SECRET));
  }

  public URI authEndpoint() {
    return URI.create("http://127.0.0.1:" + port + "/auth");
  }

  public URI tokenEndpoint() {
    return URI.create("http://127.0.0.1:" + port + "/token");
  }

  public int port() {
    return port;
  }

  /** A fresh access token the API accepts. */
  public String issueAccessToken() {
    String token = "ya29.fake-" + issued.incrementAndGet();
    validAccessTokens.add(token);
    return token;
  }

  /** Whether an API request's {@code Authorization} header carries a token issued here and still valid. */
  public boolean authorises(String header) {
    return header != null && header.startsWith("Bearer ") && validAccessTokens.contains(header.substring(7));
  }

  /** Every access token issued so far stops working (the API answers 401 invalid_token). */
  public void expireAccessTokens() {
    validAccessTokens.clear();
  }

  /** A new grant of {@code scope}, as `auth google` would get it: its refresh token. */
  public String grant(String scope) {
    String refresh = "1//fake-refresh-" + issued.incrementAndGet();
    grants.put(refresh, scope);
    return refresh;
  }

  /** The preset refresh token grants {@code scope} from now on (the user consented to less, or more). */
  public void grantPreset(String scope) {
    grants.put(REFRESH_TOKEN, scope);
  }

  /** The user revokes access: every grant so far is refused with 400 invalid_grant. */
  public void revokeRefreshToken() {
    grants.clear();
  }

  /** The token endpoint answers this status until told otherwise; 0 to recover. */
  public void tokenEndpointAnswers(int status) {
    tokenEndpointStatus = status;
  }

  /** The user clicks "Cancel" on the consent screen: Google redirects with error=access_denied. */
  public void declineConsent() {
    declineConsent = true;
  }

  /** The user unticks all but these scopes on the consent screen. */
  public void grantOnly(String... scopes) {
    grantOnly = List.of(scopes);
  }

  /** How many times the token endpoint renewed an access token. */
  public int refreshes() {
    return refreshes.get();
  }

  /** How many requests reached the token endpoint, refused ones included. */
  public int tokenRequests() {
    return tokenRequests.get();
  }

  /** How many authorisation codes were redeemed. */
  public int codeExchanges() {
    return exchanges.get();
  }

  /** The parameters of the last consent request. */
  public Map<String, String> lastConsentRequest() {
    return lastConsentRequest;
  }

  /** The refresh tokens that work now. */
  public Set<String> validRefreshTokens() {
    return new HashSet<>(grants.keySet());
  }

  @Override
  public void close() {
    if (ownServer != null) {
      ownServer.stop(0);
    }
  }

  private void consent(HttpExchange x) throws IOException {
    try {
      Map<String, String> q = FakeHttp.firstValues(FakeHttp.query(x.getRequestURI().getRawQuery()));
      lastConsentRequest = Map.copyOf(q);
      String redirect = q.getOrDefault("redirect_uri", "");
      if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
          || !redirect.startsWith("http://127.0.0.1:") || !"S256".equals(q.get("code_challenge_method"))
          || q.get("code_challenge") == null || q.get("scope") == null) {
        FakeHttp.sendJson(x, 400, "{\"error\": \"invalid_request\"}");
      } else if (declineConsent) {
        FakeHttp.redirect(x, redirect + "?error=access_denied");
      } else {
        String scope = grantOnly == null ? q.get("scope") : String.join(" ", grantOnly);
        String code = "4/fake-code-" + issued.incrementAndGet();
        codes.put(code, new Pending(q.get("code_challenge"), redirect, scope));
        FakeHttp.redirect(x, redirect + "?code=" + FakeHttp.encode(code) + "&scope=" + FakeHttp.encode(scope));
      }
    } finally {
      x.close();
    }
  }

  private void token(HttpExchange x) throws IOException {
    tokenRequests.incrementAndGet();
    try {
      Map<String, String> form = FakeHttp.firstValues(FakeHttp.query(new String(FakeHttp.body(x),
          StandardCharsets.UTF_8)));
      String grantType = form.get("grant_type");
      if (tokenEndpointStatus != 0) {
        FakeHttp.sendJson(x, tokenEndpointStatus, "{\"error\": \"internal_failure\"}");
      } else if (!"POST".equals(x.getRequestMethod())) {
        FakeHttp.sendJson(x, 405, "{\"error\": \"invalid_request\"}");
      } else if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
        refuse(x, 401, "invalid_client", "The OAuth client was not found.");
      } else if ("authorization_code".equals(grantType)) {
        redeem(x, form);
      } else if ("refresh_token".equals(grantType)) {
        String scope = grants.get(String.valueOf(form.get("refresh_token")));
        if (scope == null) {
          refuse(x, 400, "invalid_grant", "Token has been expired or revoked.");
        } else {
          refreshes.incrementAndGet();
          FakeHttp.sendJson(x, 200, tokens(null, scope).toString());
        }
      } else {
        refuse(x, 400, "unsupported_grant_type", null);
      }
    } finally {
      x.close();
    }
  }

  private void redeem(HttpExchange x, Map<String, String> form) throws IOException {
    Pending pending = codes.remove(String.valueOf(form.get("code")));
    if (pending == null) {
      refuse(x, 400, "invalid_grant", "Malformed auth code.");
    } else if (!pending.redirectUri().equals(form.get("redirect_uri"))) {
      refuse(x, 400, "redirect_uri_mismatch", "Bad Request");
    } else if (form.get("code_verifier") == null || !pending.challenge().equals(s256(form.get("code_verifier")))) {
      refuse(x, 400, "invalid_grant", "Invalid code verifier.");
    } else {
      exchanges.incrementAndGet();
      FakeHttp.sendJson(x, 200, tokens(grant(pending.scope()), pending.scope()).toString());
    }
  }

  private ObjectNode tokens(String refreshToken, String scope) {
    ObjectNode answer = JSON.createObjectNode().put("access_token", issueAccessToken()).put("expires_in", 3599)
        .put("scope", scope).put("token_type", "Bearer");
    if (refreshToken != null) {
      answer.put("refresh_token", refreshToken);
    }
    return answer;
  }

  private static void refuse(HttpExchange x, int status, String error, String description) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("error", error);
    if (description != null) {
      body.put("error_description", description);
    }
    FakeHttp.sendJson(x, status, body.toString());
  }

  /** RFC 7636: BASE64URL(SHA256(ASCII(verifier))), without padding. */
  static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
