package io.secondcall.calendar.ical;

import static io.secondcall.calendar.ical.IcalTexts.BERLIN;
import static io.secondcall.calendar.ical.IcalTexts.events;
import static io.secondcall.calendar.ical.IcalTexts.ics;
import static io.secondcall.calendar.ical.IcalTexts.range;
import static io.secondcall.calendar.ical.IcalTexts.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.TimeRange;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarEvent.Attendee.Status;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** How one VEVENT becomes events: its times, zones, lengths and details. */
class EventMapperTest {

  private static final TimeRange DECEMBER = range("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z");
  private final IcalReader reader = new IcalReader(BERLIN);

  @Test
  void allDayAndFloatingEventsAreReadInTheUsersZone() {
    String ics = ics(
        "BEGIN:VEVENT", "UID:a", "DTSTAMP:20261201T000000Z", "SUMMARY:Trade fair",
        "DTSTART;VALUE=DATE:20261208", "DTEND;VALUE=DATE:20261210", "END:VEVENT",
        "BEGIN:VEVENT", "UID:f", "DTSTAMP:20261201T000000Z", "SUMMARY:Floating",
        "DTSTART:20261211T100000", "DTEND:20261211T110000", "END:VEVENT");

    List<CalendarEvent> events = events(ics, range("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"));

    assertThat(events).extracting(e -> e.title() + " " + when(e) + " " + e.allDay() + " " + e.isBusy()).containsExactly(
        "Trade fair 2026-12-07T23:00:00Z/2026-12-09T23:00:00Z true false",
        "Floating 2026-12-11T09:00:00Z/2026-12-11T10:00:00Z false true");
  }

  @Test
  void aTimeZoneNobodyKnowsIsReadInTheUsersZone() {
    String ics = ics("BEGIN:VEVENT", "UID:z", "DTSTAMP:20261201T000000Z", "SUMMARY:Somewhere",
        "DTSTART;TZID=Mars/Olympus:20261208T100000", "DTEND;TZID=Mars/Olympus:20261208T110000", "END:VEVENT");

    assertThat(events(ics, range("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")))
        .extracting(IcalTexts::when).containsExactly("2026-12-08T09:00:00Z/2026-12-08T10:00:00Z");
  }

  @Test
  void aDurationOfOneDayIsACalendarDayAcrossTheChangeToWinterTime() {
    String ics = ics("BEGIN:VEVENT", "UID:p", "DTSTAMP:20261001T000000Z", "SUMMARY:Offsite",
        "DTSTART;TZID=Europe/Berlin:20261024T100000", "DURATION:P1D", "END:VEVENT");

    assertThat(events(ics, range("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z")))
        .extracting(IcalTexts::when).containsExactly("2026-10-24T08:00:00Z/2026-10-25T09:00:00Z");
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

    CalendarEvent e = events(ics, range("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")).get(0);

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

    CalendarEvent e = events(ics, range("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")).get(0);

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

  @Test
  void floatingTimesAreInTheUsersZoneAndUnknownZonesToo() {
    String ics = ics(
        "BEGIN:VEVENT", "UID:floating-1", "DTSTAMP:20261101T000000Z", "DTSTART:20261207T100000",
        "DTEND:20261207T110000", "SUMMARY:Floating", "END:VEVENT",
        "BEGIN:VEVENT", "UID:unknown-zone-1", "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Mars/Olympus:20261207T120000",
        "DURATION:PT30M", "SUMMARY:Unknown zone", "END:VEVENT",
        "BEGIN:VEVENT", "UID:mozilla-1", "DTSTAMP:20261101T000000Z",
        "DTSTART;TZID=/mozilla.org/20050126_1/America/New_York:20261207T090000", "DURATION:PT1H",
        "SUMMARY:Prefixed zone", "END:VEVENT");

    List<CalendarEvent> inBerlin = reader.read(ics, "test").events(DECEMBER);
    List<CalendarEvent> inLisbon = new IcalReader(ZoneId.of("Europe/Lisbon")).read(ics, "test").events(DECEMBER);

    assertThat(inBerlin).extracting(e -> e.time().start() + " " + e.title()).containsExactly(
        "2026-12-07T09:00:00Z Floating", "2026-12-07T11:00:00Z Unknown zone", "2026-12-07T14:00:00Z Prefixed zone");
    assertThat(inLisbon).extracting(e -> e.time().start() + " " + e.title()).containsExactly(
        "2026-12-07T10:00:00Z Floating", "2026-12-07T12:00:00Z Unknown zone", "2026-12-07T14:00:00Z Prefixed zone");
  }

  @Test
  void windowsZoneNamesNeedNoVtimezone() {
    String ics = ics(
        "BEGIN:VEVENT", "UID:w", "DTSTAMP:20261101T000000Z", "SUMMARY:Berlin",
        "DTSTART;TZID=W. Europe Standard Time:20261207T100000", "DURATION:PT1H", "END:VEVENT",
        "BEGIN:VEVENT", "UID:p", "DTSTAMP:20261101T000000Z", "SUMMARY:Seattle",
        "DTSTART;TZID=\"Pacific Standard Time\":20261207T090000", "DURATION:PT1H", "END:VEVENT");

    // Read in Lisbon, so that a fallback to the user's zone would show.
    assertThat(new IcalReader(ZoneId.of("Europe/Lisbon")).read(ics, "test").events(DECEMBER))
        .extracting(e -> e.title() + " " + when(e)).containsExactly(
            "Berlin 2026-12-07T09:00:00Z/2026-12-07T10:00:00Z", "Seattle 2026-12-07T17:00:00Z/2026-12-07T18:00:00Z");
  }

  @Test
  void anAllDayEventLastsWholeDaysAndAtLeastOne() {
    String ics = ics(
        "BEGIN:VEVENT", "UID:same-day", "DTSTAMP:20261101T000000Z", "SUMMARY:Ends as it starts",
        "DTSTART;VALUE=DATE:20261208", "DTEND;VALUE=DATE:20261208", "END:VEVENT",
        "BEGIN:VEVENT", "UID:hours", "DTSTAMP:20261101T000000Z", "SUMMARY:Six hours",
        "DTSTART;VALUE=DATE:20261210", "DURATION:PT6H", "END:VEVENT",
        "BEGIN:VEVENT", "UID:none", "DTSTAMP:20261101T000000Z", "SUMMARY:No end", "DTSTART;VALUE=DATE:20261212",
        "END:VEVENT");

    assertThat(events(ics, DECEMBER)).extracting(e -> e.title() + " " + when(e) + " " + e.allDay()).containsExactly(
        "Ends as it starts 2026-12-07T23:00:00Z/2026-12-08T23:00:00Z true",
        "Six hours 2026-12-09T23:00:00Z/2026-12-10T23:00:00Z true",
        "No end 2026-12-11T23:00:00Z/2026-12-12T23:00:00Z true");
  }

  @Test
  void aTimedEventEndingOnADateEndsAtThatMidnightInItsOwnZone() {
    String ics = ics("BEGIN:VEVENT", "UID:late", "DTSTAMP:20261101T000000Z", "SUMMARY:Late in New York",
        "DTSTART;TZID=America/New_York:20261207T200000", "DTEND;VALUE=DATE:20261208", "END:VEVENT");

    assertThat(events(ics, DECEMBER)).extracting(IcalTexts::when)
        .containsExactly("2026-12-08T01:00:00Z/2026-12-08T05:00:00Z");
  }

  @Test
  void anEventThatCannotBeUsedCostsOnlyItselfAndIsLogged() {
    String ics = ics(
        "BEGIN:VEVENT", "UID:no-start", "DTSTAMP:20261101T000000Z", "SUMMARY:Nowhere", "END:VEVENT",
        "BEGIN:VEVENT", "UID:fine", "DTSTAMP:20261101T000000Z", "SUMMARY:Fine", "DTSTART:20261207T090000Z",
        "DURATION:PT1H", "END:VEVENT");
    Logger logger = (Logger) LoggerFactory.getLogger(IcalReader.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    EventSet events;
    try {
      events = reader.read(ics, "caldav host:1 /cal/x.ics");
    } finally {
      logger.detachAppender(log);
    }

    assertThat(events.events(DECEMBER)).extracting(CalendarEvent::title).containsExactly("Fine");
    assertThat(log.list).extracting(e -> e.getLevel() + " " + e.getFormattedMessage())
        .containsExactly("WARN caldav host:1 /cal/x.ics: skipping VEVENT no-start: no DTSTART");
  }

  @Test
  void textIsStrippedOfSurroundingWhiteSpace() {
    String ics = ics("BEGIN:VEVENT", "UID:t", "DTSTAMP:20261101T000000Z", "SUMMARY:  Intro call  ",
        "DESCRIPTION:Agenda\\n", "DTSTART:20261207T090000Z", "END:VEVENT");

    CalendarEvent e = events(ics, DECEMBER).get(0);

    assertThat(e.title()).isEqualTo("Intro call");
    assertThat(e.description()).isEqualTo("Agenda");
  }
}
