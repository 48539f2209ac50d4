package io.secondcall.calendar.ics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.port.CalendarEvent;
import io.secondcall.core.TimeRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files that bend the rules, break them, or change under us. */
class IcsReadingTest {

  private static final TimeRange DECEMBER = new TimeRange(Instant.parse("2026-12-01T00:00:00Z"),
      Instant.parse("2027-01-01T00:00:00Z"));

  @TempDir Path dir;

  private Path write(String name, String... lines) throws Exception {
    return Files.writeString(dir.resolve(name), String.join("\r\n", lines) + "\r\n");
  }

  private static List<String> titles(List<CalendarEvent> events) {
    return events.stream().map(CalendarEvent::title).toList();
  }

  @Test
  void aBrokenVeventIsLoggedAndSkippedAndTheRestIsRead() {
    Path broken = IcsFiles.sample(dir, "broken.ics");
    IcsCalendarGateway calendar = new IcsCalendarGateway(broken, ZoneId.of("Europe/Berlin"));

    List<CalendarEvent> events;
    List<String> log;
    try (IcsFiles.Captured captured = IcsFiles.captureLog()) {
      events = calendar.events(DECEMBER);
      calendar.events(DECEMBER);
      log = captured.lines();
    }

    assertThat(titles(events)).containsExactly("Good one", "Good two");
    assertThat(log).hasSize(4).allSatisfy(line -> assertThat(line).startsWith("WARN " + broken + ": skipping VEVENT"));
    assertThat(log).anySatisfy(l -> assertThat(l).contains("bad-date@example.com at line 11").contains("next tuesday"))
        .anySatisfy(l -> assertThat(l).contains("bad-rule@example.com at line 17").contains("SOMETIMES"))
        .anySatisfy(l -> assertThat(l).contains("no-start@example.com").contains("no DTSTART"))
        .anySatisfy(l -> assertThat(l).contains("cut-off@example.com at line 36").contains("no END:VEVENT"));
  }

  @Test
  void aFileThatIsNotICalendarIsAOneLineError() {
    Path html = IcsFiles.sample(dir, "not-icalendar.ics");
    IcsCalendarGateway calendar = new IcsCalendarGateway(html, ZoneId.of("Europe/Berlin"));

    assertThatThrownBy(() -> calendar.events(DECEMBER))
        .isInstanceOf(IcsFileException.class)
        .hasMessage("calendar file " + html + ": not an iCalendar file (line 1 is '<!DOCTYPE html>', expected BEGIN:VCALENDAR)")
        .satisfies(e -> assertThat(((IcsFileException) e).file()).isEqualTo(html));
  }

  @Test
  void aCalendarWhoseFrameIsBrokenCannotBeParsed() throws Exception {
    Path file = write("frame.ics", "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VTODO", "UID:todo-1", "END:VCALENDAR");
    IcsCalendarGateway calendar = new IcsCalendarGateway(file, ZoneId.of("Europe/Berlin"));

    assertThatThrownBy(() -> calendar.events(DECEMBER))
        .isInstanceOf(IcsFileException.class)
        .hasMessageStartingWith("calendar file " + file + ": cannot be parsed: Error at line 5")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anEmptyFileIsAnEmptyCalendar() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.ics"), "");

    assertThat(new IcsCalendarGateway(empty, ZoneId.of("Europe/Berlin")).events(DECEMBER)).isEmpty();
  }

  @Test
  void floatingTimesAreInTheUsersZoneAndUnknownZonesToo() throws Exception {
    Path file = write("floating.ics", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
        "BEGIN:VEVENT", "UID:floating-1", "DTSTAMP:20261101T000000Z", "DTSTART:20261207T100000",
        "DTEND:20261207T110000", "SUMMARY:Floating", "END:VEVENT",
        "BEGIN:VEVENT", "UID:unknown-zone-1", "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Mars/Olympus:20261207T120000",
        "DURATION:PT30M", "SUMMARY:Unknown zone", "END:VEVENT",
        "BEGIN:VEVENT", "UID:mozilla-1", "DTSTAMP:20261101T000000Z",
        "DTSTART;TZID=/mozilla.org/20050126_1/America/New_York:20261207T090000", "DURATION:PT1H",
        "SUMMARY:Prefixed zone", "END:VEVENT",
        "END:VCALENDAR");

    List<CalendarEvent> inBerlin = new IcsCalendarGateway(file, ZoneId.of("Europe/Berlin")).events(DECEMBER);
    List<CalendarEvent> inLisbon = new IcsCalendarGateway(file, ZoneId.of("Europe/Lisbon")).events(DECEMBER);

    assertThat(inBerlin).extracting(e -> e.time().start() + " " + e.title()).containsExactly(
        "2026-12-07T09:00:00Z Floating", "2026-12-07T11:00:00Z Unknown zone", "2026-12-07T14:00:00Z Prefixed zone");
    assertThat(inLisbon).extracting(e -> e.time().start() + " " + e.title()).containsExactly(
        "2026-12-07T10:00:00Z Floating", "2026-12-07T12:00:00Z Unknown zone", "2026-12-07T14:00:00Z Prefixed zone");
  }

  @Test
  void ourBlocksAreRecognisedByTheirPrivateProperty() throws Exception {
    Path file = write("ours.ics", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
        "BEGIN:VEVENT", "UID:whatever-a-server-made-of-it", "DTSTAMP:20261101T000000Z",
        "DTSTART:20261207T100000Z", "DTEND:20261207T101500Z", "SUMMARY:Call Bob",
        "X-SECONDCALL-ID:c0123456789abcdef.3.call", "X-SOMETHING-ELSE;FOO=bar:baz", "END:VEVENT", "END:VCALENDAR");
    IcsCalendarGateway calendar = new IcsCalendarGateway(file, ZoneId.of("Europe/Berlin"));

    assertThat(calendar.events(DECEMBER)).extracting(CalendarEvent::secondcallId)
        .containsExactly("c0123456789abcdef.3.call");
    assertThat(calendar.blockIds(DECEMBER)).containsExactly("c0123456789abcdef.3.call");

    calendar.deleteBlock("c0123456789abcdef.3.call");

    assertThat(calendar.events(DECEMBER)).isEmpty();
    assertThat(Files.readString(file)).contains("BEGIN:VCALENDAR").doesNotContain("BEGIN:VEVENT");
  }

  @Test
  void aChangedFileIsReadAgainAndAnUnchangedOneIsNot() throws Exception {
    Path file = IcsFiles.sample(dir, "all-day.ics");
    IcsCalendarGateway calendar = new IcsCalendarGateway(file, ZoneId.of("Europe/Berlin"));
    assertThat(titles(calendar.events(DECEMBER))).contains("Trade fair");

    // Same size, same modification time, same inode: taken as unchanged, so not parsed again.
    FileTime modified = Files.getLastModifiedTime(file);
    String text = Files.readString(file);
    Files.writeString(file, text.replace("Trade fair", "Trade show"));
    Files.setLastModifiedTime(file, modified);
    assertThat(titles(calendar.events(DECEMBER))).contains("Trade fair");

    Files.setLastModifiedTime(file, FileTime.from(modified.toInstant().plusSeconds(1)));
    assertThat(titles(calendar.events(DECEMBER))).contains("Trade show").doesNotContain("Trade fair");
  }

  @Test
  void untilExdateAndRecurrenceIdWorkWhenTheirValueTypesDifferFromTheStart() throws Exception {
    Path file = write("mixed.ics", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
        "BEGIN:VEVENT", "UID:monthly-day", "DTSTAMP:20261101T000000Z", "DTSTART;VALUE=DATE:20261201",
        "RRULE:FREQ=MONTHLY;UNTIL=20270201T225959Z", "SUMMARY:Invoice day", "END:VEVENT",
        "BEGIN:VEVENT", "UID:monthly-day", "DTSTAMP:20261101T000000Z", "RECURRENCE-ID;VALUE=DATE:20270101",
        "DTSTART;VALUE=DATE:20270104", "SUMMARY:Invoice day (after the holidays)", "END:VEVENT",
        "BEGIN:VEVENT", "UID:daily-timed", "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Europe/Berlin:20261214T080000",
        "DURATION:PT15M", "RRULE:FREQ=DAILY;UNTIL=20261217", "EXDATE;VALUE=DATE:20261215", "SUMMARY:Early call",
        "END:VEVENT", "END:VCALENDAR");
    IcsCalendarGateway calendar = new IcsCalendarGateway(file, ZoneId.of("Europe/Berlin"));

    List<CalendarEvent> events = calendar.events(new TimeRange(Instant.parse("2026-11-01T00:00:00Z"),
        Instant.parse("2027-06-01T00:00:00Z")));

    assertThat(events).extracting(e -> e.time().start() + " " + e.title()).containsExactly(
        "2026-11-30T23:00:00Z Invoice day",
        "2026-12-14T07:00:00Z Early call",
        "2026-12-16T07:00:00Z Early call",
        "2026-12-17T07:00:00Z Early call",
        "2027-01-03T23:00:00Z Invoice day (after the holidays)",
        "2027-01-31T23:00:00Z Invoice day");
    assertThat(events.get(4).recurrenceId()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
  }
}
