package io.secondcall.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.secondcall.calendar.CalendarGatewayContract;
import io.secondcall.core.TimeRange;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CallbackBlock;
import io.secondcall.port.ServerAccessException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A CalDAV server that goes slow: it takes requests and does not answer (a hung server, a
 * saturated link). A read must fail within the gateway's timeout as a transient outage, not
 * hang a cycle; and a block whose PUT the server stored but never confirmed must not be written
 * a second time when the cycle is repeated.
 */
class SlowCalDavServerIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private HttpServer server;
  private URI calendar;
  private final Map<String, String> resources = new ConcurrentHashMap<>();
  private volatile boolean stalled;
  private final CountDownLatch released = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/dana/cal/", this::answer);
    server.start();
    calendar = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dana/cal/");
    resources.put("/dana/cal/a.ics", ics("a", "Workshop"));
  }

  @AfterEach
  void stop() {
    released.countDown();
    server.stop(0);
  }

  /** Does what was asked, then, while stalled, keeps the answer back until the test ends. */
  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    int status;
    String reply;
    if (method.equals("PUT")) {
      boolean exists = resources.containsKey(path);
      if (exists && "*".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        status = 412;
      } else {
        resources.put(path, body);
        status = 201;
      }
      reply = "";
    } else if (method.equals("PROPFIND")) {
      status = 207;
      reply = multistatus("<D:response><D:href>/dana/cal/</D:href><D:propstat><D:prop><D:sync-token>t1</D:sync-token>"
          + "<CS:getctag>t1</CS:getctag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>");
    } else if (body.contains("calendar-query")) {
      StringBuilder all = new StringBuilder();
      resources.forEach((href, data) -> all.append("<D:response><D:href>").append(href).append("</D:href><D:propstat>")
          .append("<D:prop><D:getetag>\"").append(data.hashCode()).append("\"</D:getetag><C:calendar-data>")
          .append(data.replace("&", "&amp;").replace("<", "&lt;"))
          .append("</C:calendar-data></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>"));
      status = 207;
      reply = multistatus(all.toString());
    } else if (body.contains("sync-collection")) {
      status = 207;
      reply = multistatus("<D:sync-token>t1</D:sync-token>");
    } else {
      status = 400;
      reply = "unexpected " + method;
    }
    if (stalled) {
      try {
        released.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private static String ics(String uid, String title) {
    return String.join("\r\n", List.of("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
        "UID:" + uid, "DTSTAMP:20261201T000000Z", "DTSTART:20261207T100000Z", "DTEND:20261207T110000Z",
        "SUMMARY:" + title, "END:VEVENT", "END:VCALENDAR", ""));
  }

  private static String multistatus(String inner) {
    return "<?xml version=\"1.0\"?><D:multistatus xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\" "
        + "xmlns:CS=\"http://calendarserver.org/ns/\">" + inner + "</D:multistatus>";
  }

  private CalDavCalendarGateway gateway() {
    return new CalDavCalendarGateway(calendar, "dana", "pw", ZoneId.of("Europe/Berlin"), TIMEOUT);
  }

  private static List<String> titles(CalDavCalendarGateway gateway) {
    return gateway.events(CalendarGatewayContract.week()).stream().map(CalendarEvent::title).toList();
  }

  @Test
  void aServerThatStopsAnsweringFailsTheReadAsAnOutageInsteadOfHangingTheCycle() {
    CalDavCalendarGateway gateway = gateway();
    assertThat(titles(gateway)).containsExactly("Workshop");
    stalled = true;

    // The bound is the test's guard against a hang; the gateway gives up after its own timeout.
    assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        assertThatThrownBy(() -> titles(gateway)).isInstanceOfSatisfying(ServerAccessException.class, e -> {
          assertThat(e.isTransient()).as("an outage, retried with backoff").isTrue();
          assertThat(e.getMessage()).contains("127.0.0.1").contains("no answer within 1s");
        }));
  }

  @Test
  void aBlockTheServerStoredButNeverConfirmedIsNotWrittenTwice() {
    CalDavCalendarGateway gateway = gateway();
    Instant start = Instant.parse("2026-12-08T12:00:00Z");
    CallbackBlock block = new CallbackBlock("c1.2", new TimeRange(start, start.plus(Duration.ofMinutes(15))),
        "Call Maria Lopez: Intro call", "Phone: +34 612 34 56 78", "+34612345678");
    stalled = true;

    assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        assertThatThrownBy(() -> gateway.createBlock(block)).isInstanceOf(ServerAccessException.class));
    stalled = false;

    // The next cycle books the same block again: the server has it, so nothing new is written.
    assertThat(gateway.createBlock(block)).isFalse();
    assertThat(resources.keySet()).hasSize(2).contains("/dana/cal/c1.2@secondcall.ics");
    assertThat(titles(gateway)).containsExactlyInAnyOrder("Workshop", "Call Maria Lopez: Intro call");
  }
}
