package io.secondcall.calendar.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.core.EmailAddress;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarEvent.Attendee.Status;
import io.secondcall.core.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpanderTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final IcalReader reader = new IcalReader(BERLIN);

  private static String ics(String... lines) {
    StringBuilder s = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    for (String line : lines) {
      s.append(line).append("\r\n");
    }
    return s.append("END:VCALENDAR\r\n").toString();
  }

  private static TimeRange range(String start, String end) {
    return new TimeRange(Instant.parse(start), Instant.parse(end));
  }

  private List<CalendarEvent> read(String ics, TimeRange range) {
    return reader.read(ics, "test").events(range).stream().sorted(Comparator.comparing(e -> e.time().start())).toList();
  }

  private static String when(CalendarEvent e) {
    return e.time().start() + "/" + e.time().end();
  }

  @Test
  void aWeeklySeriesLosesItsExcludedDateAndShowsTheMovedInstanceAtItsNewTime() {
    String ics = ics(
        "BEGIN:VEVENT", "UID:w", "DTSTAMP:20261201T000000Z", "SUMMARY:Weekly",
        "DTSTART;TZID=Europe/Berlin:20261130T100000", "DTEND;TZID=Europe/Berlin:20261130T103000",
        "RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;TZID=Europe/Berlin:20261207T100000", "END:VEVENT",
        "BEGIN:VEVENT", "UID:w", "DTSTAMP:20261201T000000Z", "SUMMARY:Moved",
        "RECURRENCE-ID;TZID=Europe/Berlin:20261214T100000",
        "DTSTART;TZID=Europe/Berlin:20261214T150000", "DTEND;TZID=Europe/Berlin:20261214T160000", "END:VEVENT");

    List<CalendarEvent> events = read(ics, range("2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z"));

    assertThat(events).extracting(e -> e.title() + " " + when(e) + " " + e.recurrenceId()).containsExactly(
        "Weekly 2026-11-30T09:00:00Z/2026-11-30T09:30:00Z 2026-11-30T09:00:00Z",
        "Moved 2026-12-14T14:00:00Z/2026-12-14T15:00:00Z 2026-12-14T09:00:00Z",
        "Weekly 2026-12-21T09:00:00Z/2026-12-21T09:30:00Z 2026-12-21T09:00:00Z");
  }

  @Test
  void onlyInstancesOverlappingTheRangeAreReturned() {
    String ics = ics("BEGIN:VEVENT", "UID:d", "DTSTAMP:20261201T000000Z", "SUMMARY:Daily",
        "DTSTART:20261201T090000Z", "DTEND:20261201T100000Z", "RRULE:FREQ=DAILY", "END:VEVENT");

    // 09:30 on the 3rd to 09:00 on the 5th: the tail of the 3rd's instance and all of the 4th's.
    List<CalendarEvent> events = read(ics, range("2026-12-03T09:30:00Z", "2026-12-05T09:00:00Z"));

    assertThat(events).extracting(ExpanderTest::when).containsExactly(
        "2026-12-03T09:00:00Z/2026-12-03T10:00:00Z", "2026-12-04T09:00:00Z/2026-12-04T10:00:00Z");
  }

  @Test
  void aSeriesStartedYearsAgoStillReachesToday() {
    String ics = ics("BEGIN:VEVENT", "UID:old", "DTSTAMP:20200101T000000Z", "SUMMARY:Standup",
        "DTSTART;TZID=Europe/Berlin:20200106T093000", "DURATION:PT15M", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        "END:VEVENT");

    List<CalendarEvent> events = read(ics, range("2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z"));

    assertThat(events).extracting(ExpanderTest::when).containsExactly("2026-12-07T08:30:00Z/2026-12-07T08:45:00Z");
  }

  @Test
  void aSeriesEndsAtItsUntil() {
    String ics = ics("BEGIN:VEVENT", "UID:u", "DTSTAMP:20261201T000000Z", "SUMMARY:Until",
        "DTSTART;TZID=Europe/Berlin:20261201T100000", "DTEND;TZID=Europe/Berlin:20261201T110000",
        "RRULE:FREQ=DAILY;UNTIL=20261202T090000Z", "END:VEVENT");

    assertThat(read(ics, range("2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z"))).hasSize(2);
  }

  @Test
  void aCancelledInstanceStaysVisibleButIsNotBusy() {
    String ics = ics(
        "BEGIN:VEVENT", "UID:c", "DTSTAMP:20261201T000000Z", "SUMMARY:Sync",
        "DTSTART:20261207T090000Z", "DTEND:20261207T100000Z", "RRULE:FREQ=WEEKLY;COUNT=2", "END:VEVENT",
        "BEGIN:VEVENT", "UID:c", "DTSTAMP:20261201T000000Z", "SUMMARY:Sync", "RECURRENCE-ID:20261214T090000Z",
        "DTSTART:20261214T090000Z", "DTEND:20261214T100000Z", "STATUS:CANCELLED", "END:VEVENT");

    List<CalendarEvent> events = read(ics, range("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"));

    assertThat(events).extracting(CalendarEvent::isBusy).containsExactly(true, false);
  }

  @Test
  void allDayAndFloatingEventsAreReadInTheUsersZone() {
    String ics = ics(
        "BEGIN:VEVENT", "UID:a", "DTSTAMP:20261201T000000Z", "SUMMARY:Trade fair",
        "DTSTART;VALUE=DATE:20261208", "DTEND;VALUE=DATE:20261210", "END:VEVENT",
        "BEGIN:VEVENT", "UID:f", "DTSTAMP:20261201T000000Z", "SUMMARY:Floating",
        "DTSTART:20261211T100000", "DTEND:20261211T110000", "END:VEVENT");

    List<CalendarEvent> events = read(ics, range("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"));

    assertThat(events).extracting(e -> e.title() + " " + when(e) + " " + e.allDay() + " " + e.isBusy()).containsExactly(
        "Trade fair 2026-12-07T23:00:00Z/2026-12-09T23:00:00Z true false",
        "Floating 2026-12-11T09:00:00Z/2026-12-11T10:00:00Z false true");
  }

  @Test
  void aTimeZoneNobodyKnowsIsReadInTheUsersZone() {
    String ics = ics("BEGIN:VEVENT", "UID:z", "DTSTAMP:20261201T000000Z", "SUMMARY:Somewhere",
        "DTSTART;TZID=Mars/Olympus:20261208T100000", "DTEND;TZID=Mars/Olympus:20261208T110000", "END:VEVENT");

    assertThat(read(ics, range("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")))
        .extracting(ExpanderTest::when).containsExactly("2026-12-08T09:00:00Z/2026-12-08T10:00:00Z");
  }

  @Test
  void aDurationOfOneDayIsACalendarDayAcrossTheChangeToWinterTime() {
    String ics = ics("BEGIN:VEVENT", "UID:p", "DTSTAMP:20261001T000000Z", "SUMMARY:Offsite",
        "DTSTART;TZID=Europe/Berlin:20261024T100000", "DURATION:P1D", "END:VEVENT");

    assertThat(read(ics, range("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z")))
        .extracting(ExpanderTest::when).containsExactly("2026-10-24T08:00:00Z/2026-10-25T09:00:00Z");
  }

  @Test
  void eventsCarryOrganizerAttendeesAnswersCreationAndOurId() {
    String ics = ics("BEGIN:VEVENT", "UID:m", "DTSTAMP:20261201T000000Z", "SUMMARY:Intro call",
        "DESCRIPTION:Agenda:\\n1. pricing\\, terms", "DTSTART:20261207T090000Z", "DTEND:20261207T094500Z",
        "CREATED:20261120T080000Z", "ORGANIZER;CN=Dana Scott:mailto:Dana@Example.com",
        "ATTENDEE;PARTSTAT=ACCEPTED;CN=Alice Martin:mailto:alice@acme.example",
        "ATTENDEE;PARTSTAT=DECLINED:MAILTO:bob@acme.example", "ATTENDEE;PARTSTAT=TENTATIVE:mailto:carol@acme.example",
        "ATTENDEE:mailto:dave@acme.example", "ATTENDEE;CUTYPE=ROOM:urn:uuid:5a5e-room",
        "X-SECONDCALL-ID:c0123.1.call", "END:VEVENT");

    CalendarEvent e = read(ics, range("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")).get(0);

    assertThat(e.uid()).isEqualTo("m");
    assertThat(e.recurrenceId()).isNull();
    assertThat(e.description()).isEqualTo("Agenda:\n1. pricing, terms");
    assertThat(e.created()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
    assertThat(e.organizer()).isEqualTo(new EmailAddress("dana@example.com", "Dana Scott"));
    assertThat(e.secondcallId()).isEqualTo("c0123.1.call");
    assertThat(e.attendees()).extracting(a -> a.address().address() + "=" + a.status()).containsExactly(
        "alice@acme.example=" + Status.ACCEPTED, "bob@acme.example=" + Status.DECLINED,
        "carol@acme.example=" + Status.TENTATIVE, "dave@acme.example=" + Status.NEEDS_ACTION);
    assertThat(e.attendees().get(0).address().name()).isEqualTo("Alice Martin");
  }

  @Test
  void transparentEventsAreNotBusy() {
    String ics = ics("BEGIN:VEVENT", "UID:t", "DTSTAMP:20261201T000000Z", "SUMMARY:Reminder", "TRANSP:TRANSPARENT",
        "DTSTART:20261207T090000Z", "DTEND:20261207T100000Z", "END:VEVENT");

    CalendarEvent e = read(ics, range("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")).get(0);

    assertThat(e.transparent()).isTrue();
    assertThat(e.isBusy()).isFalse();
  }

  @Test
  void textThatIsNotICalendarIsRefused() {
    TimeRange december = range("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z");
    assertThatThrownBy(() -> reader.read("<html>oops</html>", "test").events(december))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> reader.read(ics("BEGIN:VEVENT", "UID:x", "DTSTART:20261207T090000Z", "SEQUENCE:abc",
        "END:VEVENT"), "test").events(december))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
