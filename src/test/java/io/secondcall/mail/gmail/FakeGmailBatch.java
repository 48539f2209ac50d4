package io.secondcall.mail.gmail;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The batch format of Google's APIs: a multipart/mixed request whose parts are whole HTTP
 * requests ({@code application/http}), answered by a multipart/mixed response with one HTTP
 * response per part, in order.
 */
final class FakeGmailBatch {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final byte[] CRLF = {'\r', '\n'};

  /** One call inside a batch; header names lower-case. */
  record Part(String contentId, String method, URI uri, Map<String, String> headers, byte[] body) {}

  private FakeGmailBatch() {}

  static List<Part> parse(String contentType, byte[] body) {
    Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (!m.find()) {
      throw new IllegalArgumentException("no boundary in " + contentType);
    }
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + m.group(1);
    List<Part> parts = new ArrayList<>();
    String[] chunks = text.split(Pattern.quote(delimiter));
    for (String chunk : Arrays.copyOfRange(chunks, 1, chunks.length)) {
      if (chunk.startsWith("--")) {
        break;
      }
      parts.add(part(chunk.replaceFirst("^\r\n", "")));
    }
    return parts;
  }

  private static Part part(String chunk) {
    int split = chunk.indexOf("\r\n\r\n");
    Map<String, String> outer = headers(chunk.substring(0, split));
    String http = chunk.substring(split + 4);
    int headEnd = http.indexOf("\r\n\r\n");
    String head = headEnd < 0 ? http : http.substring(0, headEnd);
    String rest = headEnd < 0 ? "" : http.substring(headEnd + 4);
    if (rest.endsWith("\r\n")) {
      rest = rest.substring(0, rest.length() - 2);
    }
    int lineEnd = head.indexOf("\r\n");
    String requestLine = lineEnd < 0 ? head : head.substring(0, lineEnd);
    String[] words = requestLine.split(" ");
    Map<String, String> headers = headers(lineEnd < 0 ? "" : head.substring(lineEnd + 2));
    String method = words[0];
    if ("POST".equals(method) && headers.containsKey("x-http-method-override")) {
      method = headers.get("x-http-method-override");
    }
    return new Part(outer.getOrDefault("content-id", ""), method, URI.create(words[1]), headers,
        rest.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Map<String, String> headers(String block) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : block.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        out.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
      }
    }
    return out;
  }

  static byte[] write(String boundary, List<Part> parts, List<FakeGmail.Response> answers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < parts.size(); i++) {
      FakeGmail.Response r = answers.get(i);
      byte[] json = r.json() == null ? new byte[0] : r.json().getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder()
          .append("--").append(boundary).append("\r\n")
          .append("Content-Type: application/http\r\n")
          .append("Content-ID: <response-").append(parts.get(i).contentId().replaceAll("[<>]", "")).append(">\r\n\r\n")
          .append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n")
          .append("Content-Type: application/json; charset=UTF-8\r\n")
          .append("Content-Length: ").append(json.length).append("\r\n");
      r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      out.writeBytes(json);
      out.writeBytes(CRLF);
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 204 -> "No Content";
      case 401 -> "Unauthorized";
      case 404 -> "Not Found";
      case 429 -> "Too Many Requests";
      default -> status >= 500 ? "Server Error" : "Error";
    };
  }
}
