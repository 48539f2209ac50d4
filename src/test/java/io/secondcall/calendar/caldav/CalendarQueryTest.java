package io.secondcall.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.port.CalendarEvent;
import io.secondcall.port.TimeRange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CalendarQueryTest {

  private static final TimeRange WEEK = new TimeRange(Instant.parse("2026-12-06T09:00:00Z"),
      Instant.parse("2026-12-13T09:00:00Z"));

  private final CalendarQuery query =
      new CalendarQuery(new EventExpander(ZoneId.of("Europe/Berlin")), "caldav test:443");

  private static String member(String href, String... vevent) {
    return "<d:response><d:href>" + href + "</d:href><d:propstat><d:prop><d:getetag>\"1\"</d:getetag>"
        + "<c:calendar-data>BEGIN:VCALENDAR&#13;\nVERSION:2.0&#13;\nPRODID:x&#13;\nBEGIN:VEVENT&#13;\n"
        + String.join("&#13;\n", vevent) + "&#13;\nEND:VEVENT&#13;\nEND:VCALENDAR&#13;\n"
        + "</c:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>";
  }

  private static byte[] multistatus(String... members) {
    return ("<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
        + String.join("", members) + "</d:multistatus>").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aMalformedResourceIsSkippedAndTheOthersAreRead() {
    byte[] answer = multistatus(
        member("/dana/cal/late.ics", "UID:late", "DTSTAMP:20261201T000000Z", "SUMMARY:Late",
            "DTSTART:20261209T150000Z", "DTEND:20261209T160000Z"),
        member("/dana/cal/broken.ics", "UID:broken", "DTSTAMP:20261201T000000Z", "DTSTART:20261207T25:00"),
        member("/dana/cal/early.ics", "UID:early", "DTSTAMP:20261201T000000Z", "SUMMARY:Early",
            "DTSTART:20261207T090000Z", "DTEND:20261207T100000Z"));

    assertThat(query.events(answer, WEEK)).extracting(CalendarEvent::title).containsExactly("Early", "Late");
  }

  @Test
  void eventsOutsideTheRangeThatTheServerSentAnywayAreLeftOut() {
    // The query asks for a day more on each side, so the server's answer holds such events.
    byte[] answer = multistatus(member("/dana/cal/before.ics", "UID:before", "DTSTAMP:20261201T000000Z",
        "SUMMARY:Before", "DTSTART:20261206T080000Z", "DTEND:20261206T090000Z"));

    assertThat(query.events(answer, WEEK)).isEmpty();
  }

  @Test
  void anAnswerThatIsNotAMultistatusIsRefused() {
    assertThatThrownBy(() -> query.events("<html/>".getBytes(StandardCharsets.UTF_8), WEEK))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theQueryAsksForVeventsInTheRangeWidenedByADayInUtc() {
    String body = CalendarQuery.body(WEEK);

    assertThat(body)
        .contains("<C:comp-filter name=\"VCALENDAR\">")
        .contains("<C:comp-filter name=\"VEVENT\">")
        .contains("<C:time-range start=\"20261205T090000Z\" end=\"20261214T090000Z\"/>")
        .contains("<C:calendar-data/>");
  }
}
