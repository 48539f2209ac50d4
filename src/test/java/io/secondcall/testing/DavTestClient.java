package io.secondcall.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests a test sends to a throwaway CalDAV server past the code under test, as another
 * calendar app would: one home for Radicale and Xandikos.
 */
final class DavTestClient {

  private static final Duration REQUEST = Duration.ofSeconds(10);
  private static final Pattern HREF = Pattern.compile("<(?:[A-Za-z0-9]+:)?href>([^<]*)</(?:[A-Za-z0-9]+:)?href>");

  private final String password;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(REQUEST)
      .build();

  DavTestClient(String password) {
    this.password = password;
  }

  HttpResponse<String> send(String user, String method, URI url, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(REQUEST)
        .header("Authorization", basic(user))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return sendRetrying(request.build());
  }

  /** Creates an empty calendar collection at {@code url} (MKCALENDAR) and returns the URL. */
  URI mkcalendar(String user, URI url) throws IOException, InterruptedException {
    HttpResponse<String> response = send(user, "MKCALENDAR", url, null, null);
    if (response.statusCode() != 201) {
      throw new IOException("MKCALENDAR " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return url;
  }

  /** The paths (decoded) of the resources in a collection (PROPFIND, Depth 1), the collection itself left out. */
  List<String> members(String user, URI collection) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(collection)
        .timeout(REQUEST)
        .header("Authorization", basic(user))
        .header("Depth", "1")
        .header("Content-Type", "application/xml")
        .method("PROPFIND", HttpRequest.BodyPublishers.ofString(
            "<?xml version=\"1.0\"?><D:propfind xmlns:D=\"DAV:\"><D:prop><D:getetag/></D:prop></D:propfind>"))
        .build();
    HttpResponse<String> response = sendRetrying(request);
    if (response.statusCode() != 207) {
      throw new IOException("PROPFIND " + collection + " answered " + response.statusCode() + ": " + response.body());
    }
    List<String> hrefs = new ArrayList<>();
    Matcher m = HREF.matcher(response.body());
    while (m.find()) {
      String path = URI.create(m.group(1)).getPath();
      if (!path.equals(collection.getPath())) {
        hrefs.add(path);
      }
    }
    return hrefs;
  }

  private String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Radicale closes kept-alive connections; a request that met a closed one is sent once more. */
  private HttpResponse<String> sendRetrying(HttpRequest request) throws IOException, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
