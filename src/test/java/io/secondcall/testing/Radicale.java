package io.secondcall.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throwaway Radicale 3 CalDAV server on 127.0.0.1 for integration tests: its own config,
 * users and collections under a temporary directory, a free port, htpasswd logins with plain
 * passwords, and each user allowed only into their own collections.
 *
 * <p>When {@code /usr/bin/radicale} is missing, {@link #start} fails with a message saying how
 * to install it, unless {@code SECONDCALL_SKIP_RADICALE=1} is set, in which case the test is
 * skipped. CI installs Radicale, so there it always runs.
 */
public final class Radicale implements AutoCloseable {

  public static final Path BINARY = Path.of("/usr/bin/radicale");
  private static final LoopbackServer.Program PROGRAM = new LoopbackServer.Program("Radicale", BINARY, "radicale");
  public static final String PASSWORD = "secret-Pa55";

  private static final Duration REQUEST = Duration.ofSeconds(10);
  private static final Pattern HREF = Pattern.compile("<(?:[A-Za-z]+:)?href>([^<]*)</(?:[A-Za-z]+:)?href>");

  private final Path dir;
  private final LoopbackServer server;
  private final AtomicInteger users = new AtomicInteger();
  private final AtomicInteger calendars = new AtomicInteger();
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(REQUEST)
      .build();

  private Radicale(Path dir, LoopbackServer server) {
    this.dir = dir;
    this.server = server;
  }

  /** Starts Radicale with everything under {@code dir} and returns once it accepts connections. */
  public static Radicale start(Path dir) throws IOException, InterruptedException {
    PROGRAM.require();
    Files.createDirectories(dir.resolve("collections"));
    Files.writeString(dir.resolve("users"), "", StandardCharsets.UTF_8);
    int port = LoopbackServer.freePort();
    Path config = LoopbackServer.writeConfig(dir.resolve("config"), config(dir, port));
    return new Radicale(dir, LoopbackServer.start(PROGRAM, port, List.of("--config", config.toString()),
        dir.resolve("radicale.log"), List.of()));
  }

  public String host() {
    return LoopbackServer.HOST;
  }

  public int port() {
    return server.port();
  }

  /** A new user with password {@link #PASSWORD}; Radicale reads its htpasswd file on every login. */
  public String newUser() throws IOException {
    String user = "user" + users.incrementAndGet();
    Files.writeString(dir.resolve("users"), user + ":" + PASSWORD + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    return user;
  }

  /** Creates an empty calendar collection of {@code user} (MKCALENDAR) and returns its URL. */
  public URI newCalendar(String user) throws IOException, InterruptedException {
    String name = "calendar" + calendars.incrementAndGet();
    URI url = URI.create("http://" + host() + ":" + port() + "/" + user + "/" + name + "/");
    HttpResponse<String> response = send(user, "MKCALENDAR", url, null, null);
    if (response.statusCode() != 201) {
      throw new IOException("MKCALENDAR " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return url;
  }

  /**
   * Sends a request as {@code user}, e.g. a PUT of iCalendar text the way another calendar app
   * would, bypassing the code under test.
   */
  public HttpResponse<String> send(String user, String method, URI url, String contentType, String body)
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

  /** The paths (decoded) of the resources in a collection (PROPFIND, Depth 1), the collection itself left out. */
  public List<String> members(String user, URI collection) throws IOException, InterruptedException {
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

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** Radicale's own log, for failure messages. */
  public String log() {
    return server.log();
  }

  @Override
  public void close() {
    server.close();
  }

  private static List<String> config(Path dir, int port) {
    return List.of(
        "[server]",
        "hosts = " + LoopbackServer.HOST + ":" + port,
        "",
        "[auth]",
        "type = htpasswd",
        "htpasswd_filename = " + dir.resolve("users"),
        "htpasswd_encryption = plain",
        "delay = 0",
        "",
        "[rights]",
        "type = owner_only",
        "",
        "[storage]",
        "filesystem_folder = " + dir.resolve("collections"),
        "",
        "[web]",
        "type = none",
        "",
        "[logging]",
        "level = warning",
        "");
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
