package io.secondcall.calendar.ical;

import static io.secondcall.calendar.ical.IcalTexts.events;
import static io.secondcall.calendar.ical.IcalTexts.ics;
import static io.secondcall.calendar.ical.IcalTexts.range;
import static io.secondcall.calendar.ical.IcalTexts.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.port.CalendarEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which instances of a series show, and when: the rules both calendar adapters share. */
class ExpanderTest {

  @Test
  void aWeeklySeriesLosesItsExcludedDateAndShowsTheMovedInstanceAtItsNewTime() {
    String ics = ics(
        "BEGIN:VEVENT", "UID:w", "DTSTAMP:20261201T000000Z", "SUMMARY:Weekly",
        "DTSTART;TZID=Europe/Berlin:20261130T100000", "DTEND;TZID=Europe/Berlin:20261130T103000",
        "RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;TZID=Europe/Berlin:20261207T100000", "END:VEVENT",
        "BEGIN:VEVENT", "UID:w", "DTSTAMP:20261201T000000Z", "SUMMARY:Moved",
        "RECURRENCE-ID;TZID=Europe/Berlin:20261214T100000",
        "DTSTART;TZID=Europe/Berlin:20261214T150000", "DTEND;TZID=Europe/Berlin:20261214T160000", "END:VEVENT");

    List<CalendarEvent> events = events(ics, range("2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z"));

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
    List<CalendarEvent> events = events(ics, range("2026-12-03T09:30:00Z", "2026-12-05T09:00:00Z"));

    assertThat(events).extracting(IcalTexts::when).containsExactly(
        "2026-12-03T09:00:00Z/2026-12-03T10:00:00Z", "2026-12-04T09:00:00Z/2026-12-04T10:00:00Z");
  }

  @Test
  void aSeriesStartedYearsAgoStillReachesToday() {
    String ics = ics("BEGIN:VEVENT", "UID:old", "DTSTAMP:20200101T000000Z", "SUMMARY:Standup",
        "DTSTART;TZID=Europe/Berlin:20200106T093000", "DURATION:PT15M", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        "END:VEVENT");

    List<CalendarEvent> events = events(ics, range("2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z"));

    assertThat(events).extracting(IcalTexts::when).containsExactly("2026-12-07T08:30:00Z/2026-12-07T08:45:00Z");
  }

  @Test
  void aSeriesEndsAtItsUntil() {
    String ics = ics("BEGIN:VEVENT", "UID:u", "DTSTAMP:20261201T000000Z", "SUMMARY:Until",
        "DTSTART;TZID=Europe/Berlin:20261201T100000", "DTEND;TZID=Europe/Berlin:20261201T110000",
        "RRULE:FREQ=DAILY;UNTIL=20261202T090000Z", "END:VEVENT");

    assertThat(events(ics, range("2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z"))).hasSize(2);
  }

  @Test
  void aCancelledInstanceStaysVisibleButIsNotBusy() {
    String ics = ics(
        "BEGIN:VEVENT", "UID:c", "DTSTAMP:20261201T000000Z", "SUMMARY:Sync",
        "DTSTART:20261207T090000Z", "DTEND:20261207T100000Z", "RRULE:FREQ=WEEKLY;COUNT=2", "END:VEVENT",
        "BEGIN:VEVENT", "UID:c", "DTSTAMP:20261201T000000Z", "SUMMARY:Sync", "RECURRENCE-ID:20261214T090000Z",
        "DTSTART:20261214T090000Z", "DTEND:20261214T100000Z", "STATUS:CANCELLED", "END:VEVENT");

    List<CalendarEvent> events = events(ics, range("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"));

    assertThat(events).extracting(CalendarEvent::isBusy).containsExactly(true, false);
  }

  @Test
  void untilExdateAndRecurrenceIdWorkWhenTheirValueTypesDifferFromTheStart() {
    String ics = ics(
        "BEGIN:VEVENT", "UID:monthly-day", "DTSTAMP:20261101T000000Z", "DTSTART;VALUE=DATE:20261201",
        "RRULE:FREQ=MONTHLY;UNTIL=20270201T225959Z", "SUMMARY:Invoice day", "END:VEVENT",
        "BEGIN:VEVENT", "UID:monthly-day", "DTSTAMP:20261101T000000Z", "RECURRENCE-ID;VALUE=DATE:20270101",
        "DTSTART;VALUE=DATE:20270104", "SUMMARY:Invoice day (after the holidays)", "END:VEVENT",
        "BEGIN:VEVENT", "UID:daily-timed", "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Europe/Berlin:20261214T080000",
        "DURATION:PT15M", "RRULE:FREQ=DAILY;UNTIL=20261217", "EXDATE;VALUE=DATE:20261215", "SUMMARY:Early call",
        "END:VEVENT");

    List<CalendarEvent> events = events(ics, range("2026-11-01T00:00:00Z", "2027-06-01T00:00:00Z"));

    assertThat(events).extracting(e -> e.time().start() + " " + e.title()).containsExactly(
        "2026-11-30T23:00:00Z Invoice day",
        "2026-12-14T07:00:00Z Early call",
        "2026-12-16T07:00:00Z Early call",
        "2026-12-17T07:00:00Z Early call",
        "2027-01-03T23:00:00Z Invoice day (after the holidays)",
        "2027-01-31T23:00:00Z Invoice day");
    assertThat(events.get(4).recurrenceId()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
  }

  @Test
  void anExdateInUtcRemovesTheInstanceOfASeriesInAnotherZone() {
    String ics = ics("BEGIN:VEVENT", "UID:x", "DTSTAMP:20261101T000000Z", "SUMMARY:Daily",
        "DTSTART;TZID=Europe/Berlin:20261201T100000", "DTEND;TZID=Europe/Berlin:20261201T103000",
        "RRULE:FREQ=DAILY;COUNT=3", "EXDATE:20261202T090000Z", "END:VEVENT");

    assertThat(events(ics, range("2026-12-01T00:00:00Z", "2026-12-31T00:00:00Z"))).extracting(IcalTexts::when)
        .containsExactly("2026-12-01T09:00:00Z/2026-12-01T09:30:00Z", "2026-12-03T09:00:00Z/2026-12-03T09:30:00Z");
  }

  @Test
  void theStartIsAnInstanceEvenWhenTheRuleDoesNotMatchIt() {
    // A Wednesday start for a Monday rule: calendar apps show the Wednesday too.
    String ics = ics("BEGIN:VEVENT", "UID:s", "DTSTAMP:20261101T000000Z", "SUMMARY:Kick-off, then Mondays",
        "DTSTART;TZID=Europe/Berlin:20261202T100000", "DURATION:PT1H", "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261214T235959Z",
        "END:VEVENT");

    assertThat(events(ics, range("2026-12-01T00:00:00Z", "2026-12-31T00:00:00Z"))).extracting(e -> e.time().start())
        .containsExactly(Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-07T09:00:00Z"),
            Instant.parse("2026-12-14T09:00:00Z"));
  }

  @Test
  void anRdateThatStartedBeforeTheRangeCountsWhileItLasts() {
    String ics = ics("BEGIN:VEVENT", "UID:r", "DTSTAMP:20261101T000000Z", "SUMMARY:Night shift",
        "DTSTART:20261201T090000Z", "DTEND:20261201T110000Z", "RDATE:20261205T230000Z", "END:VEVENT");

    assertThat(events(ics, range("2026-12-06T00:00:00Z", "2026-12-07T00:00:00Z"))).extracting(IcalTexts::when)
        .containsExactly("2026-12-05T23:00:00Z/2026-12-06T01:00:00Z");
  }

  @Test
  void anOverrideReplacesTheSingleEventWhoseStartItNames() {
    String ics = ics(
        "BEGIN:VEVENT", "UID:one", "DTSTAMP:20261101T000000Z", "SUMMARY:Call", "DTSTART:20261207T090000Z",
        "DTEND:20261207T100000Z", "END:VEVENT",
        "BEGIN:VEVENT", "UID:one", "DTSTAMP:20261102T000000Z", "SUMMARY:Call (later)", "RECURRENCE-ID:20261207T090000Z",
        "DTSTART:20261207T130000Z", "DTEND:20261207T140000Z", "END:VEVENT");

    assertThat(events(ics, range("2026-12-01T00:00:00Z", "2026-12-31T00:00:00Z")))
        .extracting(e -> e.title() + " " + when(e) + " " + e.recurrenceId())
        .containsExactly("Call (later) 2026-12-07T13:00:00Z/2026-12-07T14:00:00Z 2026-12-07T09:00:00Z");
  }

  @Test
  void aZeroLengthEventCountsAtTheStartOfTheRangeButNotAtItsEnd() {
    // RFC 4791 9.9: a zero-length event overlaps when start <= DTSTART < end.
    String ics = ics(
        "BEGIN:VEVENT", "UID:a", "DTSTAMP:20261101T000000Z", "SUMMARY:At the start", "DTSTART:20261207T090000Z",
        "END:VEVENT",
        "BEGIN:VEVENT", "UID:b", "DTSTAMP:20261101T000000Z", "SUMMARY:At the end", "DTSTART:20261208T090000Z",
        "END:VEVENT");

    assertThat(events(ics, range("2026-12-07T09:00:00Z", "2026-12-08T09:00:00Z"))).extracting(CalendarEvent::title)
        .containsExactly("At the start");
  }

  @Test
  void anRdateOfPeriodsIsLeftOutWithoutCostingTheEvent() {
    String ics = ics("BEGIN:VEVENT", "UID:p", "DTSTAMP:20261101T000000Z", "SUMMARY:Workshop",
        "DTSTART:20261207T090000Z", "DTEND:20261207T100000Z", "RDATE;VALUE=PERIOD:20261208T090000Z/PT2H", "END:VEVENT");

    assertThat(events(ics, range("2026-12-01T00:00:00Z", "2026-12-31T00:00:00Z"))).extracting(IcalTexts::when)
        .containsExactly("2026-12-07T09:00:00Z/2026-12-07T10:00:00Z");
  }

  @Test
  void everyEventOfAUidCountsSoThatNoBusyTimeIsHidden() {
    String ics = ics(
        "BEGIN:VEVENT", "UID:same", "DTSTAMP:20261101T000000Z", "SUMMARY:First", "DTSTART:20261207T090000Z",
        "DTEND:20261207T100000Z", "END:VEVENT",
        "BEGIN:VEVENT", "UID:same", "DTSTAMP:20261101T000000Z", "SUMMARY:Second", "DTSTART:20261208T090000Z",
        "DTEND:20261208T100000Z", "END:VEVENT");

    assertThat(events(ics, range("2026-12-01T00:00:00Z", "2026-12-31T00:00:00Z"))).extracting(CalendarEvent::title)
        .containsExactly("First", "Second");
  }
}
