package io.secondcall.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.secondcall.config.WebSettings;
import io.secondcall.core.SafeText;
import io.secondcall.engine.BookedBlocks;
import io.secondcall.engine.EngineSettings;
import io.secondcall.engine.PipelineView;
import io.secondcall.port.StateStore;
import io.secondcall.template.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the pipeline page with the JDK's own HTTP server ({@code com.sun.net.httpserver}): a few
 * pages for one user need no framework, and it adds nothing to the jar. TLS is left to a reverse
 * proxy, which does it better (certificates, renewal) than a home-grown keystore would.
 */
public final class WebServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  /** A form of the page is a few hundred bytes; anything much larger is not from it. */
  private static final int MAX_BODY = 8 * 1024;
  private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
      + " frame-ancestors 'none'; base-uri 'none'";

  private final HttpServer server;
  private final ExecutorService threads;
  private final Site site;

  private WebServer(HttpServer server, ExecutorService threads, Site site) {
    this.server = server;
    this.threads = threads;
    this.site = site;
  }

  /**
   * Starts the page. Reads go through {@code reader}, actions through {@code writer}.
   *
   * @param gmail whether threads open in Gmail
   * @param feed whether to serve the calendar feed (calendar provider {@code ics})
   * @throws UncheckedIOException when the address cannot be bound (in use, not this machine's)
   */
  public static WebServer start(WebSettings web, StateStore reader, StateStore writer, EngineSettings engine,
      Templates templates, boolean gmail, boolean feed, Clock clock) {
    SecureRandom random = new SecureRandom();
    Feed calendarFeed = feed ? Feed.open(new BookedBlocks(reader, engine, templates), writer, random) : null;
    Site site = new Site(new Gate(web, random, clock), reader, writer, new PipelineView(reader, engine, clock),
        engine.calendar().zone(), clock, gmail, calendarFeed);
    ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "secondcall-web");
      t.setDaemon(true);
      return t;
    });
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(web.host(), web.port()), 16);
      WebServer started = new WebServer(server, threads, site);
      server.createContext("/", started::exchange);
      server.setExecutor(threads);
      server.start();
      return started;
    } catch (IOException e) {
      threads.shutdownNow();
      throw new UncheckedIOException("cannot serve the page on " + web.listen() + ": " + e.getMessage(), e);
    }
  }

  /** Where the page is, e.g. {@code http://127.0.0.1:8377/}. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      Response response;
      try {
        response = site.handle(request(ex));
      } catch (RuntimeException e) {
        LOG.warn("page {} failed: {}", SafeText.logLine(ex.getRequestURI().getPath()), SafeText.logLine(e.toString()));
        response = Response.text(500, "Something went wrong; the journal says what.");
      }
      send(ex, response);
    }
  }

  private static Request request(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String form = ex.getRequestURI().getRawQuery();
    if (method.equals("POST")) {
      try (InputStream in = ex.getRequestBody()) {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        form = body.length > MAX_BODY ? "" : new String(body, StandardCharsets.UTF_8);
      }
    }
    return new Request(method, ex.getRequestURI().getPath(), Request.parseForm(form), ex.getRequestHeaders(),
        ex.getRemoteAddress().getAddress());
  }

  private static void send(HttpExchange ex, Response response) throws IOException {
    var headers = ex.getResponseHeaders();
    headers.set("Content-Type", response.contentType());
    headers.set("Content-Security-Policy", CSP);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on a form POST.
    headers.set("Referrer-Policy", "same-origin");
    headers.set("Cache-Control", "no-store");
    for (Map.Entry<String, String> h : response.headers().entrySet()) {
      headers.set(h.getKey(), h.getValue());
    }
    boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
    ex.sendResponseHeaders(response.status(), head || response.body().length == 0 ? -1 : response.body().length);
    if (!head && response.body().length > 0) {
      ex.getResponseBody().write(response.body());
    }
  }

  /** Stops at once: a page view in progress is cut short, which a browser retries. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
