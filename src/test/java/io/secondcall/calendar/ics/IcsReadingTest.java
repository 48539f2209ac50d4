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
}
