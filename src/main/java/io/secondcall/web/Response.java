package io.secondcall.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the site answers; the server adds the headers every answer carries. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

  public Response {
    headers = Map.copyOf(headers);
  }

  public static Response html(String html) {
    return new Response(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static Response text(int status, String text) {
    return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static Response of(String contentType, String body) {
    return new Response(200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** 303 See Other: after an action, the browser loads {@code location} with a GET. */
  public static Response redirect(String location) {
    return new Response(303, "text/plain; charset=utf-8", new byte[0], Map.of("Location", location));
  }

  public Response with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, contentType, body, more);
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
