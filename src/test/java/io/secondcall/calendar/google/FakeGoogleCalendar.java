package io.secondcall.calendar.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.secondcall.calendar.google.FakeCalendarStore.ApiError;
import io.secondcall.google.FakeGoogleOAuth;
import io.secondcall.google.FakeHttp;
import io.secondcall.google.GoogleScopes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Google Calendar v3 API and Google's OAuth endpoints ({@link FakeGoogleOAuth}) on 127.0.0.1, speaking the JSON the
 * real Java client sends (gzip-compressed, chunked bodies; PATCH as POST with
 * {@code X-HTTP-Method-Override}). API calls need {@code Authorization: Bearer} with a token the
 * OAuth fake issued. Switches let a
 * test expire tokens, revoke the grant or make the next call fail. events.list hands out sync
 * tokens and answers them with the changes since, as Google does; counters tell a test how much
 * was read. Other Google APIs (the Gmail fake) are served beside it through {@link #serve},
 * behind the same tokens.
 */
public final class FakeGoogleCalendar implements AutoCloseable {

  static final String CLIENT_ID = FakeGoogleOAuth.CLIENT_ID;
  static final String CLIENT_SECRET = FakeGoogleOAuth.CLIENT_SECRET;
  static final String REFRESH_TOKEN = FakeGoogleOAuth.REFRESH_TOKEN;
  static final String SCOPE = GoogleScopes.CALENDAR_EVENTS;
  private static final String PREFIX = "/calendar/v3/calendars/";

  final FakeCalendarStore store = new FakeCalendarStore();
  private final FakeEventsList list = new FakeEventsList(store);
  private final HttpServer server;
  /** The OAuth endpoints on the same server: auth, token, and the access tokens the API accepts. */
  public final FakeGoogleOAuth oauth;
  private final AtomicInteger gzipBodies = new AtomicInteger();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean rejectEveryToken;
  private volatile int failNextWith;
  private volatile String failNextReason;

  public FakeGoogleCalendar() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/calendar/v3/", this::api);
    oauth = new FakeGoogleOAuth(server, SCOPE);
    server.start();
  }

  public URI apiRoot() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  public URI tokenEndpoint() {
    return oauth.tokenEndpoint();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** A fresh access token the API accepts. */
  public String issueAccessToken() {
    return oauth.issueAccessToken();
  }

  /** Every access token issued so far stops working (the API answers 401 invalid_token). */
  public void expireAccessTokens() {
    oauth.expireAccessTokens();
  }

  /** The grant is revoked: the token endpoint answers 400 invalid_grant. */
  public void revokeRefreshToken() {
    oauth.revokeRefreshToken();
  }

  /** The token endpoint answers this status (5xx: Google is having trouble) until told otherwise; 0 to recover. */
  void tokenEndpointAnswers(int status) {
    oauth.tokenEndpointAnswers(status);
  }

  /** The API answers 401 whatever the token, as when the user withdrew the calendar scope. */
  public void rejectEveryToken() {
    rejectEveryToken = true;
  }

  /** The next API call answers this status with Google's error JSON. */
  public void failNextWith(int status, String reason) {
    failNextReason = reason;
    failNextWith = status;
  }

  /** The events of a calendar that are not deleted, as stored (unexpanded). */
  public List<ObjectNode> events(String calendarId) {
    return store.all(calendarId).stream().filter(e -> !"cancelled".equals(e.path("status").asText())).toList();
  }

  /** At most this many events per events.list page. */
  void pageSize(int size) {
    list.pageSize(size);
  }

  /** Every sync token issued so far is refused with 410 fullSyncRequired. */
  public void expireSyncTokens() {
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
    return oauth.refreshes();
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

  public boolean authorised(String header) {
    return !rejectEveryToken && oauth.authorises(header);
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
    String calendar = FakeHttp.decode(parts[0]);
    if (parts.length == 2) {
      switch (method) {
        case "POST" -> FakeHttp.sendJson(x, 200, store.insert(calendar, object(body)).toString());
        case "GET" -> FakeHttp.sendJson(x, 200, list.answer(calendar, FakeHttp.query(x.getRequestURI().getRawQuery())).toString());
        default -> throw new ApiError(405, "methodNotAllowed", method);
      }
      return;
    }
    String id = FakeHttp.decode(parts[2]);
    switch (method) {
      case "GET" -> FakeHttp.sendJson(x, 200, store.get(calendar, id).toString());
      case "PUT" -> FakeHttp.sendJson(x, 200, store.update(calendar, id, object(body), false).toString());
      case "PATCH" -> FakeHttp.sendJson(x, 200, store.update(calendar, id, object(body), true).toString());
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
    if (FakeHttp.gzipped(x)) {
      gzipBodies.incrementAndGet();
    }
    return FakeHttp.body(x);
  }

  private static void sendError(HttpExchange x, ApiError e) throws IOException {
    ObjectNode root = FakeCalendarStore.JSON.createObjectNode();
    ObjectNode error = root.putObject("error").put("code", e.status).put("message", e.getMessage());
    error.putArray("errors").addObject().put("domain", e.domain).put("reason", e.reason).put("message", e.getMessage());
    FakeHttp.sendJson(x, e.status, root.toString());
  }


  static String first(Map<String, List<String>> q, String key) {
    List<String> values = q.get(key);
    return values == null ? null : values.get(0);
  }
}
