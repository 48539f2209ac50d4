package io.secondcall.google;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** What the local fakes of Google's endpoints share: reading requests and answering with JSON. */
public final class FakeHttp {

  private FakeHttp() {}

  /** Whether the client gzipped the request body (the Google API clients do). */
  public static boolean gzipped(HttpExchange x) {
    return "gzip".equalsIgnoreCase(x.getRequestHeaders().getFirst("Content-Encoding"));
  }

  /** The request body, inflated when the client gzipped it. */
  public static byte[] body(HttpExchange x) throws IOException {
    byte[] raw = x.getRequestBody().readAllBytes();
    if (gzipped(x)) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        return in.readAllBytes();
      }
    }
    return raw;
  }

  public static void sendJson(HttpExchange x, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
  }

  /** A 302 to {@code location}. */
  public static void redirect(HttpExchange x, String location) throws IOException {
    x.getResponseHeaders().set("Location", location);
    x.sendResponseHeaders(302, -1);
  }

  /** The parameters of a query string or form body, each with all its values in order. */
  public static Map<String, List<String>> query(String raw) {
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

  /** The first value of each parameter. */
  public static Map<String, String> firstValues(Map<String, List<String>> q) {
    Map<String, String> out = new LinkedHashMap<>();
    q.forEach((k, v) -> out.put(k, v.get(0)));
    return out;
  }

  public static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
