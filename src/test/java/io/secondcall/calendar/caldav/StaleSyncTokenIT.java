package io.secondcall.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.secondcall.calendar.CalendarGatewayContract;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.ServerAccessException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scripted CalDAV server that fails every incremental read with a 500, as Xandikos does for
 * the token of a calendar that was deleted and made again: the gateway must read in full after
 * {@link CollectionMirror#INCREMENTAL_TRIES} failures instead of failing every cycle.
 */
class StaleSyncTokenIT {

  private HttpServer server;
  private volatile String title = "Old";
  private volatile String token = "token-1";
  private volatile boolean incrementalFails;
  private URI calendar;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/dana/cal/", this::answer);
    server.start();
    calendar = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dana/cal/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    String depth = exchange.getRequestHeaders().getFirst("Depth");
    boolean incremental = body.contains("sync-collection") || method.equals("PROPFIND") && "1".equals(depth);
    if (incremental && incrementalFails) {
      reply(exchange, 500, "Server got itself in trouble");
    } else if (method.equals("PROPFIND")) {
      reply(exchange, 207, multistatus("<D:response><D:href>/dana/cal/</D:href><D:propstat><D:prop>"
          + "<D:sync-token>" + token + "</D:sync-token><CS:getctag>" + token + "</CS:getctag>"
          + "</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>"));
    } else if (body.contains("calendar-query")) {
      reply(exchange, 207, multistatus("<D:response><D:href>/dana/cal/a.ics</D:href><D:propstat><D:prop>"
          + "<D:getetag>\"" + token + "\"</D:getetag><C:calendar-data>" + ics() + "</C:calendar-data>"
          + "</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>"));
    } else if (body.contains("sync-collection")) {
      reply(exchange, 207, multistatus("<D:sync-token>" + token + "</D:sync-token>"));
    } else {
      reply(exchange, 400, "unexpected " + method);
    }
  }

  private String ics() {
    return String.join("\r\n", List.of("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
        "UID:a", "DTSTAMP:20261201T000000Z", "DTSTART:20261207T100000Z", "DTEND:20261207T110000Z",
        "SUMMARY:" + title, "END:VEVENT", "END:VCALENDAR", ""));
  }

  private static String multistatus(String inner) {
    return "<?xml version=\"1.0\"?><D:multistatus xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\" "
        + "xmlns:CS=\"http://calendarserver.org/ns/\">" + inner + "</D:multistatus>";
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private CalDavCalendarGateway gateway() {
    return new CalDavCalendarGateway(calendar, "dana", "pw", ZoneId.of("Europe/Berlin"), Duration.ofSeconds(5));
  }

  private static List<String> titles(CalDavCalendarGateway gateway) {
    return gateway.events(CalendarGatewayContract.week()).stream().map(CalendarEvent::title).toList();
  }

  /** The calendar was deleted and made again: the old token means nothing to the server any more. */
  private void remake() {
    title = "New";
    token = "token-2";
    incrementalFails = true;
  }

  @Test
  void aSyncReportThatKeepsFailingGivesWayToAFullRead() {
    CalDavCalendarGateway gateway = gateway();
    assertThat(titles(gateway)).containsExactly("Old");

    remake();

    assertThatThrownBy(() -> titles(gateway)).isInstanceOf(ServerAccessException.class).hasMessageContaining("500");
    assertThat(titles(gateway)).containsExactly("New");
    assertThat(gateway.mirror().syncToken()).isEqualTo("token-2");
  }

  @Test
  void anEtagListingThatKeepsFailingGivesWayToAFullRead() {
    CalDavCalendarGateway gateway = gateway();
    gateway.mirror().useSyncCollection(false);
    assertThat(titles(gateway)).containsExactly("Old");

    remake();

    assertThatThrownBy(() -> titles(gateway)).isInstanceOf(ServerAccessException.class);
    assertThat(titles(gateway)).containsExactly("New");
  }

  @Test
  void aServerThatIsDownStaysAFailureAndTheCopyIsKept() {
    CalDavCalendarGateway gateway = gateway();
    assertThat(titles(gateway)).containsExactly("Old");
    server.stop(0);

    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> titles(gateway)).isInstanceOf(ServerAccessException.class);
    }
  }
}
