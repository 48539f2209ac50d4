package io.secondcall.calendar.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.secondcall.calendar.google.FakeCalendarStore.ApiError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A local Google Calendar v3 API and OAuth token endpoint on 127.0.0.1, speaking the JSON the
 * real Java client sends (gzip-compressed, chunked bodies; PATCH as POST with
 * {@code X-HTTP-Method-Override}). API calls need {@code Authorization: Bearer} with a token it
 * issued; the token endpoint renews tokens for the one refresh token it knows. Switches let a
 * test expire tokens, revoke the grant or make the next call fail. events.list hands out sync
 * tokens and answers them with the changes since, as Google does; counters tell a test how much
 * was read. Other Google APIs (the Gmail fake) are served beside it through {@link #serve},
 * behind the same tokens.
 */
public final class FakeGoogleCalendar implements AutoCloseable {

  static final String CLIENT_ID = "1234-fake.apps.googleusercontent.com";
  static final String CLIENT_SECRET = "fake-client-secret";
  static final String REFRESH_TOKEN = "1//fake-refresh-token";
  static final String SCOPE = "https://www.googleapis.com/auth/calendar";
  private static final String PREFIX = "/calendar/v3/calendars/";

  final FakeCalendarStore store = new FakeCalendarStore();
  private final FakeEventsList list = new FakeEventsList(store);
  private final HttpServer server;
  private final Set<String> validTokens = new HashSet<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger tokenRefreshes = new AtomicInteger();
  private final AtomicInteger gzipBodies = new AtomicInteger();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean refreshRevoked;
  private volatile int tokenEndpointStatus;
  private volatile boolean rejectEveryToken;
  private volatile int failNextWith;
  private volatile String failNextReason;

  public FakeGoogleCalendar() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/calendar/v3/", this::api);
    server.createContext("/token", this::token);
    server.start();
  }

  public URI apiRoot() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  public URI tokenEndpoint() {
    return URI.create("http://127.0.0.1:" + port() + "/token");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** A fresh access token the API accepts. */
  public synchronized String issueAccessToken() {
    String token = "ya29.fake-" + issued.incrementAndGet();
    validTokens.add(token);
    return token;
  }

  /** Every access token issued so far stops working (the API answers 401 invalid_token). */
  public synchronized void expireAccessTokens() {
    validTokens.clear();
  }

  /** The grant is revoked: the token endpoint answers 400 invalid_grant. */
  public void revokeRefreshToken() {
    refreshRevoked = true;
  }

  /** The token endpoint answers this status (5xx: Google is having trouble) until told otherwise; 0 to recover. */
  void tokenEndpointAnswers(int status) {
    tokenEndpointStatus = status;
  }

  /** The API answers 401 whatever the token, as when the user withdrew the calendar scope. */
  public void rejectEveryToken() {
    rejectEveryToken = true;
  }

  /** The next API call answers this status with Google's error JSON. */
  void failNextWith(int status, String reason) {
    failNextReason = reason;
    failNextWith = status;
  }

  /** At most this many events per events.list page. */
  void pageSize(int size) {
    list.pageSize(size);
  }

  /** Every sync token issued so far is refused with 410 fullSyncRequired. */
  void expireSyncTokens() {
    store.expireSyncTokens();
  }

  /** How many events.list pages were asked for without a sync token (full reads). */
  int fullLists() {
    return list.fullLists();
  }

  /** How many events.list pages were asked for with a sync token (incremental reads). */
  int syncLists() {
    return list.syncLists();
  }

  /** How many events all events.list answers carried together. */
  int eventsListed() {
    return list.eventsListed();
  }

  /** How many times the token endpoint renewed an access token. */
  public int refreshes() {
    return tokenRefreshes.get();
  }

  /** How many request bodies arrived gzip-compressed. */
  public int gzipBodies() {
    return gzipBodies.get();
  }

  /** "METHOD path" of every API call, in order. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Serves another API under {@code path} on this server (the Gmail fake); it checks tokens with {@link #authorised}. */
  public void serve(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void token(HttpExchange x) throws IOException {
    try {
      Map<String, String> form = firstValues(query(new String(body(x), StandardCharsets.UTF_8)));
      if (tokenEndpointStatus != 0) {
        send(x, tokenEndpointStatus, "{\"error\": \"internal_failure\"}");
      } else if (!"POST".equals(x.getRequestMethod()) || !"refresh_token".equals(form.get("grant_type"))) {
        send(x, 400, "{\"error\": \"unsupported_grant_type\"}");
      } else if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
        send(x, 401, "{\"error\": \"invalid_client\", \"error_description\": \"The OAuth client was not found.\"}");
      } else if (refreshRevoked || !REFRESH_TOKEN.equals(form.get("refresh_token"))) {
        send(x, 400, "{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}");
      } else {
        tokenRefreshes.incrementAndGet();
        ObjectNode answer = FakeCalendarStore.JSON.createObjectNode()
            .put("access_token", issueAccessToken()).put("expires_in", 3599).put("scope", SCOPE)
            .put("token_type", "Bearer");
        send(x, 200, answer.toString());
      }
    } finally {
      x.close();
    }
  }

  private void api(HttpExchange x) throws IOException {
    try {
      String method = x.getRequestMethod();
      String override = x.getRequestHeaders().getFirst("X-HTTP-Method-Override");
      if ("POST".equals(method) && override != null) {
        method = override;
      }
      byte[] body = body(x);
      requests.add(method + " " + x.getRequestURI().getRawPath());
      if (!authorised(x.getRequestHeaders().getFirst("Authorization"))) {
        x.getResponseHeaders().add("WWW-Authenticate",
            "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
        sendError(x, new ApiError(401, "authError", "Invalid Credentials"));
        return;
      }
      int fail = failNextWith;
      if (fail != 0) {
        failNextWith = 0;
        sendError(x, new ApiError(fail, failNextReason, "injected failure"));
        return;
      }
      try {
        route(x, method, body);
      } catch (ApiError e) {
        sendError(x, e);
      }
    } finally {
      x.close();
    }
  }

  /** Whether an {@code Authorization} header carries a token this fake issued and still accepts. */
  public synchronized boolean authorised(String header) {
    return header != null && header.startsWith("Bearer ") && !rejectEveryToken
        && validTokens.contains(header.substring("Bearer ".length()));
  }

  private void route(HttpExchange x, String method, byte[] body) throws IOException {
    String path = x.getRequestURI().getRawPath();
    if (!path.startsWith(PREFIX)) {
      throw new ApiError(404, "notFound", "Not Found");
    }
    String[] parts = path.substring(PREFIX.length()).split("/");
    if (parts.length < 2 || !parts[1].equals("events") || parts.length > 3) {
      throw new ApiError(404, "notFound", "Not Found");
    }
    String calendar = decode(parts[0]);
    if (parts.length == 2) {
      switch (method) {
        case "POST" -> send(x, 200, store.insert(calendar, object(body)).toString());
        case "GET" -> send(x, 200, list.answer(calendar, query(x.getRequestURI().getRawQuery())).toString());
        default -> throw new ApiError(405, "methodNotAllowed", method);
      }
      return;
    }
    String id = decode(parts[2]);
    switch (method) {
      case "GET" -> send(x, 200, store.get(calendar, id).toString());
      case "PUT" -> send(x, 200, store.update(calendar, id, object(body), false).toString());
      case "PATCH" -> send(x, 200, store.update(calendar, id, object(body), true).toString());
      case "DELETE" -> {
        store.delete(calendar, id);
        x.sendResponseHeaders(204, -1);
      }
      default -> throw new ApiError(405, "methodNotAllowed", method);
    }
  }

  private static ObjectNode object(byte[] body) throws IOException {
    if (!(FakeCalendarStore.JSON.readTree(body) instanceof ObjectNode o)) {
      throw new ApiError(400, "parseError", "Parse Error");
    }
    return o;
  }

  /** The request body, inflated when the client gzipped it (the Google client does). */
  public byte[] body(HttpExchange x) throws IOException {
    byte[] raw = x.getRequestBody().readAllBytes();
    if ("gzip".equalsIgnoreCase(x.getRequestHeaders().getFirst("Content-Encoding"))) {
      gzipBodies.incrementAndGet();
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        return in.readAllBytes();
      }
    }
    return raw;
  }

  private static void sendError(HttpExchange x, ApiError e) throws IOException {
    ObjectNode root = FakeCalendarStore.JSON.createObjectNode();
    ObjectNode error = root.putObject("error").put("code", e.status).put("message", e.getMessage());
    error.putArray("errors").addObject().put("domain", e.domain).put("reason", e.reason).put("message", e.getMessage());
    send(x, e.status, root.toString());
  }

  private static void send(HttpExchange x, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return out;
  }

  private static Map<String, String> firstValues(Map<String, List<String>> q) {
    Map<String, String> out = new LinkedHashMap<>();
    q.forEach((k, v) -> out.put(k, v.get(0)));
    return out;
  }

  static String first(Map<String, List<String>> q, String key) {
    List<String> values = q.get(key);
    return values == null ? null : values.get(0);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
