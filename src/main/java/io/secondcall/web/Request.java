package io.secondcall.web;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the site needs of an HTTP request, apart from the server, so that the rules of the page
 * are tested without a socket.
 *
 * @param headers by lower-case name
 * @param form the decoded query parameters of a GET, or the urlencoded body of a POST
 */
public record Request(String method, String path, Map<String, String> form, Map<String, List<String>> headers,
    InetAddress peer) {

  public Request {
    form = Map.copyOf(form);
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = Map.copyOf(lower);
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public String param(String name) {
    return form.getOrDefault(name, "");
  }

  /** The value of a cookie, or empty. */
  public Optional<String> cookie(String name) {
    for (String header : headers.getOrDefault("cookie", List.of())) {
      for (String part : header.split(";")) {
        String[] kv = part.strip().split("=", 2);
        if (kv.length == 2 && kv[0].equals(name)) {
          return Optional.of(kv[1]);
        }
      }
    }
    return Optional.empty();
  }

  /** {@code a=1&b=x%20y}: the first value of each name wins, a malformed escape makes the value empty. */
  public static Map<String, String> parseForm(String encoded) {
    Map<String, String> form = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return form;
    }
    for (String pair : encoded.split("&")) {
      String[] kv = pair.split("=", 2);
      form.putIfAbsent(decode(kv[0]), kv.length == 2 ? decode(kv[1]) : "");
    }
    return form;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
