package io.secondcall.google;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for Google's redirect on {@code http://127.0.0.1:<random port>/callback}. On a headless
 * server the user's browser reaches it through {@code ssh -L}.
 *
 * <p>Not google-oauth-client-jetty's {@code LocalServerReceiver}: it listens on every interface
 * of the machine (it binds the port alone, whatever host it names in the redirect), which on a
 * server offers the callback to the network; and the first request to the callback path ends
 * its wait, with a null code when that request carried none.
 */
final class LoopbackReceiver implements ConsentReceiver {

  /** How long the user has to consent before {@code auth google} gives up. */
  static final Duration PATIENCE = Duration.ofMinutes(10);
  private static final String PATH = "/callback";

  private final Duration patience;
  /** The code, or the error Google sent instead. */
  private final CompletableFuture<String> answer = new CompletableFuture<>();
  private HttpServer server;

  LoopbackReceiver(Duration patience) {
    this.patience = patience;
  }

  @Override
  public String getRedirectUri() throws IOException {
    if (server == null) {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
      server.createContext(PATH, this::handle);
      server.start();
    }
    return "http://127.0.0.1:" + port() + PATH;
  }

  int port() {
    return server.getAddress().getPort();
  }

  InetAddress boundAddress() {
    return server.getAddress().getAddress();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String code = null;
    IOException declined = null;
    String page;
    int status = 200;
    try {
      code = ConsentReceiver.codeOf(getRedirectUri() + (query == null ? "" : "?" + query));
      page = "secondcall has Google's answer. You may close this window and go back to the terminal.";
    } catch (ConsentDeclinedException e) {
      declined = e;
      page = e.getMessage() + ". The terminal says what to do next; you may close this window.";
    } catch (IllegalArgumentException e) {
      // Not Google's redirect (a stray request, a prefetch): keep waiting for the real one.
      status = 400;
      page = "This address is for Google's answer to secondcall, and this request carried none.";
    }
    try {
      byte[] body = (page + "\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } finally {
      exchange.close();
      // Only after the page went out: the flow stops this server as soon as it has the answer.
      if (code != null) {
        answer.complete(code);
      } else if (declined != null) {
        answer.completeExceptionally(declined);
      }
    }
  }

  @Override
  public String waitForCode() throws IOException {
    try {
      return answer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer from the browser within " + patience.toMinutes()
          + " minutes; run `secondcall auth google` again", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the browser");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  @Override
  public void instruct(PrintWriter out, String consentUrl) {
    int port = port();
    out.println("Open this address in a browser and allow secondcall the access it asks for:");
    out.println();
    out.println("  " + consentUrl);
    out.println();
    out.println("Google then sends the browser to http://127.0.0.1:" + port + PATH + ", where secondcall is waiting.");
    out.println("If this is a server without a browser, first forward that port from your own computer");
    out.println("(in a terminal there, with the login you use for this server), then open the address:");
    out.println();
    out.println("  ssh -L " + port + ":127.0.0.1:" + port + " " + login());
    out.println();
    out.println("(Or run `secondcall auth google --paste` to copy the answer by hand instead.)");
    out.println("Waiting up to " + patience.toMinutes() + " minutes...");
    out.flush();
  }

  /** A guess at {@code user@server} for the ssh line: who ran sudo (or this user) at this host's name. */
  private static String login() {
    String user = System.getenv("SUDO_USER");
    if (user == null || user.isBlank()) {
      user = System.getProperty("user.name", "user");
    }
    String host;
    try {
      // The kernel's name for the machine; no name lookup, which could go out to the network.
      host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException | UncheckedIOException e) {
      host = "";
    }
    return user + "@" + (host.isEmpty() ? "server" : host);
  }
}
