package io.secondcall.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throwaway Radicale 3 CalDAV server on 127.0.0.1 for integration tests: its own config,
 * users and collections under a temporary directory, a free port, htpasswd logins with plain
 * passwords, and each user allowed only into their own collections.
 *
 * <p>When {@code /usr/bin/radicale} is missing, {@link #start} fails with a message saying how
 * to install it, unless {@code SECONDCALL_SKIP_RADICALE=1} is set, in which case the test is
 * skipped. CI installs Radicale, so there it always runs.
 */
public final class Radicale implements CalDavServer {

  public static final Path BINARY = Path.of("/usr/bin/radicale");
  private static final LoopbackServer.Program PROGRAM = new LoopbackServer.Program("Radicale", BINARY, "radicale");
  public static final String PASSWORD = "secret-Pa55";


  private final Path dir;
  private final LoopbackServer server;
  private final AtomicInteger users = new AtomicInteger();
  private final AtomicInteger calendars = new AtomicInteger();
  private final DavTestClient client = new DavTestClient(PASSWORD);

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

  @Override
  public String password() {
    return PASSWORD;
  }

  @Override
  public int port() {
    return server.port();
  }

  /** A new user with password {@link #PASSWORD}; Radicale reads its htpasswd file on every login. */
  @Override
  public String newUser() throws IOException {
    String user = "user" + users.incrementAndGet();
    Files.writeString(dir.resolve("users"), user + ":" + PASSWORD + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    return user;
  }

  /** Creates an empty calendar collection of {@code user} (MKCALENDAR) and returns its URL. */
  @Override
  public URI newCalendar(String user) throws IOException, InterruptedException {
    String name = "calendar" + calendars.incrementAndGet();
    URI url = URI.create("http://" + host() + ":" + port() + "/" + user + "/" + name + "/");
    return client.mkcalendar(user, url);
  }

  @Override
  public HttpResponse<String> send(String user, String method, URI url, String contentType, String body)
      throws IOException, InterruptedException {
    return client.send(user, method, url, contentType, body);
  }

  @Override
  public List<String> members(String user, URI collection) throws IOException, InterruptedException {
    return client.members(user, collection);
  }

  /** Radicale's own log, for failure messages. */
  @Override
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
}
