package io.secondcall.calendar.ical;

import static io.secondcall.calendar.ical.IcalTexts.range;
import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.TimeRange;
import io.secondcall.port.CalendarEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exports written by hand in the shapes of Google Calendar, Nextcloud (SabreDAV), Outlook
 * (Exchange) and Apple Calendar, in src/test/resources/ical, read for a user in Berlin over three
 * weeks that take in the end of summer time in Europe (25 Oct) and in the US (1 Nov 2026).
 */
class SampleExportsTest {

  private static final TimeRange WEEKS = range("2026-10-19T00:00:00Z", "2026-11-09T00:00:00Z");
  private static final IcalReader READER = new IcalReader(ZoneId.of("Europe/Berlin"));

  private static List<CalendarEvent> events(String sample) {
    return READER.read(IcalTexts.sample(sample), sample).events(WEEKS);
  }

  /** What the user sees, cancelled instances left out: "start - end title", all-day marked. */
  private static List<String> shown(List<CalendarEvent> events) {
    return events.stream().filter(e -> !e.cancelled())
        .map(e -> e.time().start() + " - " + e.time().end() + " " + e.title() + (e.allDay() ? " (all day)" : ""))
        .toList();
  }

  /** The busy times, as {@link io.secondcall.port.CalendarGateway#busy} gives them. */
  private static List<String> busy(List<CalendarEvent> events) {
    return events.stream().filter(CalendarEvent::isBusy).map(IcalTexts::when).toList();
  }

  private static Instant recurrenceIdOf(List<CalendarEvent> events, String title) {
    return events.stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow().recurrenceId();
  }

  @Test
  void googleCalendar() {
    List<CalendarEvent> events = events("google.ics");

    assertThat(shown(events)).containsExactly(
        "2026-10-19T08:00:00Z - 2026-10-19T08:30:00Z Team sync",
        "2026-10-20T22:00:00Z - 2026-10-21T22:00:00Z Alice's birthday (all day)",
        "2026-10-26T09:00:00Z - 2026-10-26T09:30:00Z Team sync",
        "2026-10-29T13:00:00Z - 2026-10-29T14:00:00Z Team sync (moved to the afternoon)",
        "2026-10-30T09:15:00Z - 2026-10-30T17:00:00Z Flight to New York",
        "2026-11-02T09:00:00Z - 2026-11-02T09:30:00Z Team sync",
        "2026-11-03T16:00:00Z - 2026-11-03T16:30:00Z Call with Bob",
        "2026-11-04T23:00:00Z - 2026-11-06T23:00:00Z Vacation (all day)");
    assertThat(busy(events)).containsExactly(
        "2026-10-19T08:00:00Z/2026-10-19T08:30:00Z", "2026-10-26T09:00:00Z/2026-10-26T09:30:00Z",
        "2026-10-29T13:00:00Z/2026-10-29T14:00:00Z", "2026-10-30T09:15:00Z/2026-10-30T17:00:00Z",
        "2026-11-02T09:00:00Z/2026-11-02T09:30:00Z", "2026-11-03T16:00:00Z/2026-11-03T16:30:00Z");
    assertThat(recurrenceIdOf(events, "Team sync (moved to the afternoon)"))
        .isEqualTo(Instant.parse("2026-10-29T09:00:00Z"));
    assertThat(events.get(0).attendees()).extracting(a -> a.address().address())
        .containsExactly("dana@example.com", "alice@acme.example");
  }

  @Test
  void nextcloud() {
    List<CalendarEvent> events = events("nextcloud.ics");

    assertThat(shown(events)).containsExactly(
        "2026-10-19T07:15:00Z - 2026-10-19T07:30:00Z Standup",
        "2026-10-21T07:15:00Z - 2026-10-21T07:30:00Z Standup",
        "2026-10-26T08:15:00Z - 2026-10-26T08:30:00Z Standup",
        "2026-10-27T11:00:00Z - 2026-10-27T12:00:00Z Lunch with Carol",
        "2026-10-29T10:00:00Z - 2026-10-29T10:30:00Z Standup (Thursday this week)",
        "2026-10-30T08:15:00Z - 2026-10-30T08:30:00Z Standup",
        "2026-10-31T08:15:00Z - 2026-10-31T08:30:00Z Standup",
        "2026-11-01T23:00:00Z - 2026-11-02T23:00:00Z Conference day (all day)",
        "2026-11-02T08:15:00Z - 2026-11-02T08:30:00Z Standup",
        "2026-11-04T08:15:00Z - 2026-11-04T08:30:00Z Standup",
        "2026-11-05T15:30:00Z - 2026-11-05T16:15:00Z Dentist",
        "2026-11-06T08:15:00Z - 2026-11-06T08:30:00Z Standup");
    assertThat(events).filteredOn(CalendarEvent::cancelled).extracting(e -> e.title() + " " + e.time().start())
        .containsExactly("Standup 2026-10-23T07:15:00Z", "Workshop (cancelled) 2026-11-04T13:00:00Z");
    assertThat(busy(events)).hasSize(11).doesNotContain(
        "2026-10-23T07:15:00Z/2026-10-23T07:30:00Z", "2026-11-04T13:00:00Z/2026-11-04T16:00:00Z",
        "2026-10-28T08:15:00Z/2026-10-28T08:30:00Z");
    assertThat(recurrenceIdOf(events, "Standup (Thursday this week)")).isEqualTo(Instant.parse("2026-10-28T08:15:00Z"));
  }

  @Test
  void outlook() {
    List<CalendarEvent> events = events("outlook.ics");

    assertThat(shown(events)).containsExactly(
        "2026-10-20T13:00:00Z - 2026-10-20T14:00:00Z 1:1 Dana / Frank",
        "2026-10-21T15:00:00Z - 2026-10-21T16:00:00Z Webinar: what is new in Exchange (optional)",
        "2026-10-25T23:00:00Z - 2026-10-26T23:00:00Z Out of office (all day)",
        "2026-10-28T08:00:00Z - 2026-10-28T09:00:00Z 1:1 Dana / Frank (moved)",
        "2026-10-30T16:00:00Z - 2026-10-30T17:00:00Z Sync with the Seattle team",
        "2026-11-06T17:00:00Z - 2026-11-06T18:00:00Z Sync with the Seattle team");
    assertThat(busy(events)).containsExactly(
        "2026-10-20T13:00:00Z/2026-10-20T14:00:00Z", "2026-10-28T08:00:00Z/2026-10-28T09:00:00Z",
        "2026-10-30T16:00:00Z/2026-10-30T17:00:00Z", "2026-11-06T17:00:00Z/2026-11-06T18:00:00Z");
    assertThat(recurrenceIdOf(events, "1:1 Dana / Frank (moved)")).isEqualTo(Instant.parse("2026-10-27T14:00:00Z"));
    assertThat(events.get(0).description()).isEqualTo("Our weekly one-to-one");
  }

  @Test
  void appleCalendar() {
    List<CalendarEvent> events = events("apple.ics");

    assertThat(shown(events)).containsExactly(
        "2026-10-20T22:00:00Z - 2026-10-21T22:00:00Z Home office (all day)",
        "2026-10-22T14:30:00Z - 2026-10-22T15:30:00Z Design review (afternoon)",
        "2026-10-29T10:00:00Z - 2026-10-29T11:00:00Z Design review",
        "2026-10-30T13:00:00Z - 2026-10-30T15:00:00Z Board meeting",
        "2026-11-02T17:00:00Z - 2026-11-02T17:30:00Z Call with the Cupertino team",
        "2026-11-03T23:00:00Z - 2026-11-04T23:00:00Z Home office (all day)",
        "2026-11-05T10:00:00Z - 2026-11-05T11:00:00Z Design review");
    assertThat(busy(events)).containsExactly(
        "2026-10-22T14:30:00Z/2026-10-22T15:30:00Z", "2026-10-29T10:00:00Z/2026-10-29T11:00:00Z",
        "2026-10-30T13:00:00Z/2026-10-30T15:00:00Z", "2026-11-02T17:00:00Z/2026-11-02T17:30:00Z",
        "2026-11-05T10:00:00Z/2026-11-05T11:00:00Z");
    assertThat(recurrenceIdOf(events, "Design review (afternoon)")).isEqualTo(Instant.parse("2026-10-22T09:00:00Z"));
    assertThat(recurrenceIdOf(events, "Call with the Cupertino team")).isNull();
  }
}
