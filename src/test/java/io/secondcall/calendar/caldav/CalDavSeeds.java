package io.secondcall.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.calendar.CalendarGatewayContract.SeedEvent;
import io.secondcall.testing.CalDavServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Events put into a real CalDAV server's calendar as another calendar app would; one home for every server's suite. */
final class CalDavSeeds {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  // Not BASIC_ISO_DATE: with a zone it appends "Z", which no DATE value may carry (Xandikos turns it into "None").
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  private final CalDavServer server;
  private final String user;
  private final URI calendar;

  CalDavSeeds(CalDavServer server, String user, URI calendar) {
    this.server = server;
    this.user = user;
    this.calendar = calendar;
  }

  void seed(SeedEvent e) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("UID:" + e.uid());
    if (e.allDay()) {
      lines.add("DTSTART;VALUE=DATE:" + DATE.format(e.time().start()));
      lines.add("DTEND;VALUE=DATE:" + DATE.format(e.time().end()));
    } else {
      lines.add("DTSTART:" + UTC.format(e.time().start()));
      lines.add("DTEND:" + UTC.format(e.time().end()));
    }
    lines.add("SUMMARY:" + e.title());
    if (e.cancelled()) {
      lines.add("STATUS:CANCELLED");
    }
    if (e.transparent()) {
      lines.add("TRANSP:TRANSPARENT");
    }
    if (e.rrule() != null) {
      lines.add("RRULE:" + e.rrule());
    }
    e.attendees().forEach((address, partstat) -> lines.add("ATTENDEE;PARTSTAT=" + partstat + ":mailto:" + address));
    put(e.uid(), vevent(lines));
  }

  static String vevent(List<String> properties) {
    return "BEGIN:VEVENT\r\nDTSTAMP:20261201T000000Z\r\n" + String.join("\r\n", properties) + "\r\nEND:VEVENT\r\n";
  }

  /** PUTs {@code components} wrapped in a VCALENDAR as {@code <name>.ics}. */
  void put(String name, String components) throws Exception {
    String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//seed//EN\r\n" + components + "END:VCALENDAR\r\n";
    HttpResponse<String> response = server.send(user, "PUT", calendar.resolve(name + ".ics"), "text/calendar", ics);
    assertThat(response.statusCode()).as("PUT %s: %s\n%s", name, response.body(), server.log()).isIn(201, 204);
  }
}
