package io.secondcall.mail.gmail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.secondcall.calendar.google.FakeGoogleCalendar;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Gmail v1 API on the fake Google server (127.0.0.1), behind its tokens, speaking what
 * the real Java client sends: gzip-compressed JSON bodies, and batches as multipart/mixed at
 * {@code /batch/gmail/v1} whose parts carry absolute URLs. Switches make calls fail (429 with
 * Retry-After, 5xx), shrink pages or expire the history; counters tell a test which methods were
 * called, so it can add up the quota units. The mailbox itself is {@link #store}.
 */
public final class FakeGmail {

  static final String API = "/gmail/v1/users/me/";
  static final String BATCH = "/batch/gmail/v1";

  public final FakeGmailStore store = new FakeGmailStore();
  private final FakeGmailApi api = new FakeGmailApi(store);
  private final FakeGoogleCalendar server;
  private final Clock clock;
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger batches = new AtomicInteger();
  private volatile int largestBatch;
  private volatile int passes;
  private volatile int failures;
  private volatile int failStatus;
  private volatile String failReason;
  private volatile String retryAfter;

  /** Serves Gmail on {@code server}; the messages it stores are received at the clock's instant. */
  public FakeGmail(FakeGoogleCalendar server, Clock clock) {
    this.server = server;
    this.clock = clock;
    server.serve("/gmail/v1/", this::single);
    server.serve(BATCH, this::batch);
  }

  /** The next {@code count} calls (alone or in a batch) answer {@code status}, with Retry-After when not null. */
  public void failNext(int count, int status, String reason, String retryAfterHeader) {
    failAfter(0, count, status, reason, retryAfterHeader);
  }

  /** As {@link #failNext}, after {@code pass} calls that go through. */
  public synchronized void failAfter(int pass, int count, int status, String reason, String retryAfterHeader) {
    failStatus = status;
    failReason = reason;
    retryAfter = retryAfterHeader;
    passes = pass;
    failures = count;
  }

  /** At most this many items per page of every list. */
  public void pageSize(int size) {
    api.pageSize(size);
  }

  /** The Gmail methods called, in order ("history.list", "messages.get" ...), batch parts included. */
  public List<String> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  void clearCalls() {
    calls.clear();
  }

  int batches() {
    return batches.get();
  }

  int largestBatch() {
    return largestBatch;
  }

  private void single(HttpExchange x) throws IOException {
    try {
      byte[] body = server.body(x);
      Response r = call(method(x), x.getRequestURI(), body, x.getRequestHeaders().getFirst("Authorization"));
      r.headers.forEach((k, v) -> x.getResponseHeaders().set(k, v));
      send(x, r.status, r.json);
    } finally {
      x.close();
    }
  }

  private void batch(HttpExchange x) throws IOException {
    try {
      byte[] body = server.body(x);
      String outerAuth = x.getRequestHeaders().getFirst("Authorization");
      // The parts carry their own authorisation; an outer one, when sent, must be valid too.
      if (outerAuth != null && !server.authorised(outerAuth)) {
        Response r = unauthorised();
        r.headers.forEach((k, v) -> x.getResponseHeaders().set(k, v));
        send(x, r.status, r.json);
        return;
      }
      List<FakeGmailBatch.Part> parts = FakeGmailBatch.parse(x.getRequestHeaders().getFirst("Content-Type"), body);
      batches.incrementAndGet();
      largestBatch = Math.max(largestBatch, parts.size());
      List<Response> answers = new ArrayList<>();
      for (FakeGmailBatch.Part p : parts) {
        String auth = p.headers().getOrDefault("authorization", outerAuth);
        answers.add(call(p.method(), p.uri(), p.body(), auth));
      }
      String boundary = "batch_fake_" + batches.get();
      byte[] out = FakeGmailBatch.write(boundary, parts, answers);
      x.getResponseHeaders().set("Content-Type", "multipart/mixed; boundary=" + boundary);
      x.sendResponseHeaders(200, out.length);
      x.getResponseBody().write(out);
    } finally {
      x.close();
    }
  }

  /** One answer: status, extra headers, JSON body (null for none). */
  record Response(int status, Map<String, String> headers, String json) {}

  private Response call(String method, URI uri, byte[] body, String auth) {
    String path = uri.getRawPath();
    if (!path.startsWith(API)) {
      return error(404, "notFound", "Not Found", Map.of());
    }
    String[] parts = path.substring(API.length()).split("/");
    for (int i = 0; i < parts.length; i++) {
      parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
    }
    String name = FakeGmailApi.methodOf(method, parts);
    calls.add(name == null ? method + " " + path : name);
    if (!server.authorised(auth)) {
      return unauthorised();
    }
    synchronized (this) {
      if (passes > 0) {
        passes--;
      } else if (failures > 0) {
        failures--;
        return error(failStatus, failReason, "injected failure",
            retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter));
      }
    }
    try {
      FakeGmailApi.Reply r = api.answer(method, parts, query(uri.getRawQuery()), body, clock.instant());
      return new Response(r.status(), Map.of(), r.json());
    } catch (FakeGmailApi.Failure f) {
      return error(f.status, f.reason, f.getMessage(), Map.of());
    }
  }

  private static Response unauthorised() {
    return error(401, "authError", "Invalid Credentials",
        Map.of("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\""));
  }

  private static Response error(int status, String reason, String message, Map<String, String> headers) {
    ObjectNode root = FakeGmailStore.JSON.createObjectNode();
    ObjectNode error = root.putObject("error").put("code", status).put("message", message);
    error.putArray("errors").addObject().put("domain", "global").put("reason", reason).put("message", message);
    return new Response(status, headers, root.toString());
  }

  private static String method(HttpExchange x) {
    String override = x.getRequestHeaders().getFirst("X-HTTP-Method-Override");
    return "POST".equals(x.getRequestMethod()) && override != null ? override : x.getRequestMethod();
  }

  private static void send(HttpExchange x, int status, String json) throws IOException {
    if (json == null) {
      x.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
  }

  static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      out.computeIfAbsent(key, k -> new ArrayList<>())
          .add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
