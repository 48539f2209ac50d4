package io.secondcall.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throwaway Xandikos CalDAV server on 127.0.0.1 for integration tests: its collections (git
 * repositories) under a temporary directory, a free port.
 *
 * <p>Xandikos has no logins of its own (it expects a proxy in front to check them), so it takes
 * any Basic credentials; users are only names here, and every calendar lives under its one
 * principal {@code /user/}. When {@code /usr/bin/xandikos} is missing, {@link #start} fails with
 * a message saying how to install it, unless {@code SECONDCALL_SKIP_XANDIKOS=1} is set.
 */
public final class Xandikos implements CalDavServer {

  public static final Path BINARY = Path.of("/usr/bin/xandikos");
  private static final LoopbackServer.Program PROGRAM = new LoopbackServer.Program("Xandikos", BINARY, "xandikos");
  private static final String PASSWORD = "any-Pa55";

  private final LoopbackServer server;
  private final AtomicInteger users = new AtomicInteger();
  private final AtomicInteger calendars = new AtomicInteger();
  private final DavTestClient client = new DavTestClient(PASSWORD);

  private Xandikos(LoopbackServer server) {
    this.server = server;
  }

  /** Starts Xandikos with everything under {@code dir} and returns once it accepts connections. */
  public static Xandikos start(Path dir) throws IOException, InterruptedException {
    PROGRAM.require();
    Files.createDirectories(dir);
    int port = LoopbackServer.freePort();
    // --autocreate makes the principal /user/ with its calendar home on first start.
    return new Xandikos(LoopbackServer.start(PROGRAM, port, List.of("-d", dir.resolve("data").toString(),
        "--autocreate", "-l", LoopbackServer.HOST, "-p", Integer.toString(port)), dir.resolve("xandikos.log"),
        List.of()));
  }

  @Override
  public String password() {
    return PASSWORD;
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public String newUser() {
    return "user" + users.incrementAndGet();
  }

  @Override
  public URI newCalendar(String user) throws IOException, InterruptedException {
    URI url = URI.create("http://" + LoopbackServer.HOST + ":" + port() + "/user/calendar"
        + calendars.incrementAndGet() + "/");
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

  @Override
  public String log() {
    return server.log();
  }

  @Override
  public void close() {
    server.close();
  }
}
