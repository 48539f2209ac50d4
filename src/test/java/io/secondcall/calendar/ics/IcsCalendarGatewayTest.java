package io.secondcall.calendar.ics;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.calendar.CalendarGatewayContract;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackBlock;
import io.secondcall.core.TimeRange;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ICS provider keeps the calendar contract, and writes files other calendar apps can read. */
class IcsCalendarGatewayTest implements CalendarGatewayContract {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("calendar.ics");
  }

  private IcsCalendarGateway gateway;

  @Override
  public CalendarGateway gateway() {
    if (gateway == null) {
      gateway = new IcsCalendarGateway(file(), ZoneId.of("Europe/Berlin"), Clock.fixed(NOW, ZoneOffset.UTC));
    }
    return gateway;
  }

  /** Appends a VEVENT as another calendar app would write it. */
  @Override
  public void seed(SeedEvent e) throws Exception {
    StringBuilder v = new StringBuilder("BEGIN:VEVENT\r\nUID:" + e.uid() + "\r\nDTSTAMP:20261101T000000Z\r\n");
    if (e.allDay()) {
      DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
      v.append("DTSTART;VALUE=DATE:").append(day.format(LocalDate.ofInstant(e.time().start(), ZoneOffset.UTC)))
          .append("\r\nDTEND;VALUE=DATE:").append(day.format(LocalDate.ofInstant(e.time().end(), ZoneOffset.UTC)));
    } else {
      v.append("DTSTART:").append(UTC.format(e.time().start())).append("\r\nDTEND:").append(UTC.format(e.time().end()));
    }
    v.append("\r\nSUMMARY:").append(e.title()).append("\r\n");
    if (e.cancelled()) {
      v.append("STATUS:CANCELLED\r\n");
    }
    if (e.transparent()) {
      v.append("TRANSP:TRANSPARENT\r\n");
    }
    for (Map.Entry<String, String> a : e.attendees().entrySet()) {
      v.append("ATTENDEE;PARTSTAT=").append(a.getValue()).append(":mailto:").append(a.getKey()).append("\r\n");
    }
    if (e.rrule() != null) {
      v.append("RRULE:").append(e.rrule()).append("\r\n");
    }
    v.append("END:VEVENT\r\n");
    String text = Files.exists(file()) ? Files.readString(file())
        : "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other app//EN\r\nEND:VCALENDAR\r\n";
    int end = text.lastIndexOf("END:VCALENDAR");
    Files.writeString(file(), text.substring(0, end) + v + text.substring(end));
  }

  @Test
  void aMissingFileIsAnEmptyCalendarAndReadingDoesNotCreateIt() {
    assertThat(gateway().events(CalendarGatewayContract.week())).isEmpty();
    gateway().deleteBlock("c0123456789abcdef.1.call");

    assertThat(file()).doesNotExist();
  }

  @Test
  void theFileAfterCreateBlockIsICalendarWithTheBlocksProperties() throws Exception {
    gateway().createBlock(CalendarGatewayContract.block("c0123456789abcdef.1.call", MONDAY_10));

    String text = Files.readString(file(), UTF_8);
    assertThat(text).doesNotContain("\n\n").contains("\r\n").doesNotContainPattern("[^\r]\n");
    assertThat(text.split("\r\n")).containsExactly(
        "BEGIN:VCALENDAR",
        "PRODID:-//secondcall//secondcall//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        "UID:c0123456789abcdef.1.call@secondcall",
        "DTSTAMP:20261201T080000Z",
        "DTSTART:20261207T090000Z",
        "DTEND:20261207T091500Z",
        "SUMMARY:Call Alice Martin: Proposal",
        "DESCRIPTION:Phone: +49 89 1234567\\nLast touch: Mon 30 Nov",
        "X-SECONDCALL-ID:c0123456789abcdef.1.call",
        "TRANSP:OPAQUE",
        "URL:tel:+49891234567",
        "END:VEVENT",
        "END:VCALENDAR");
    Calendar parsed = new CalendarBuilder().build(new StringReader(text));
    List<VEvent> events = parsed.getComponents("VEVENT");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getSummary().getValue()).isEqualTo("Call Alice Martin: Proposal");
  }

  @Test
  void titlesAndDescriptionsAreEscapedAndReadBackAsWritten() throws Exception {
    String description = "Phone: +49 89 1234567\nTalking points: price, timing; next step\nPath C:\\offers";
    CallbackBlock block = new CallbackBlock("c0123456789abcdef.2.call", new TimeRange(MONDAY_10,
        MONDAY_10.plus(Duration.ofMinutes(15))), "Call Jürgen Müller: Offer, v2; final", description, null);

    gateway().createBlock(block);

    String unfolded = Files.readString(file(), UTF_8).replace("\r\n ", "");
    assertThat(unfolded).contains("\r\nSUMMARY:Call Jürgen Müller: Offer\\, v2\\; final\r\n")
        .contains("\r\nDESCRIPTION:Phone: +49 89 1234567\\nTalking points: price\\, timing\\; next step"
            + "\\nPath C:\\\\offers\r\n")
        .doesNotContain("URL:");
    CalendarEvent read = gateway().events(CalendarGatewayContract.week()).get(0);
    assertThat(read.title()).isEqualTo(block.title());
    assertThat(read.description()).isEqualTo(description);
  }

  @Test
  void foreignEventsStayByteForByteAcrossCreateAndDelete() throws Exception {
    Path google = IcsFiles.sample(dir, "google-export.ics");
    byte[] original = Files.readAllBytes(google);
    IcsCalendarGateway calendar = new IcsCalendarGateway(google, ZoneId.of("Europe/Berlin"));
    CallbackBlock block = CalendarGatewayContract.block("c0123456789abcdef.1.call", Instant.parse("2026-12-02T09:00:00Z"));

    assertThat(calendar.createBlock(block)).isTrue();

    String after = Files.readString(google, UTF_8);
    String before = new String(original, UTF_8);
    int end = before.lastIndexOf("END:VCALENDAR");
    assertThat(after).startsWith(before.substring(0, end)).endsWith("END:VCALENDAR\r\n");
    assertThat(after.substring(end)).startsWith("BEGIN:VEVENT\r\nUID:c0123456789abcdef.1.call@secondcall\r\n");
    assertThat(calendar.events(new TimeRange(Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"))))
        .extracting(CalendarEvent::title)
        .containsExactly("Acme rollout", "Call Alice Martin: Proposal", "Acme rollout", "Focus time", "Acme rollout",
            "Christmas Eve");

    calendar.deleteBlock(block.id());

    assertThat(Files.readAllBytes(google)).isEqualTo(original);
  }

  @Test
  void aFileWithBareLineFeedsKeepsThem() throws Exception {
    Path allDay = IcsFiles.sample(dir, "all-day.ics");
    IcsCalendarGateway calendar = new IcsCalendarGateway(allDay, ZoneId.of("Europe/Berlin"));

    calendar.createBlock(CalendarGatewayContract.block("c0123456789abcdef.1.call", MONDAY_10));

    assertThat(Files.readString(allDay)).doesNotContain("\r");
    assertThat(calendar.blockIds(CalendarGatewayContract.week())).containsExactly("c0123456789abcdef.1.call");
  }

  @Test
  void writesLeaveNoTempFilesAndKeepTheFileMode() throws Exception {
    gateway().createBlock(CalendarGatewayContract.block("c0123456789abcdef.1.call", MONDAY_10));
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r-----"));
    gateway().createBlock(CalendarGatewayContract.block("c0123456789abcdef.2.call", MONDAY_10.plus(Duration.ofHours(1))));
    gateway().deleteBlock("c0123456789abcdef.1.call");

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("calendar.ics");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-r-----");
    assertThat(gateway().blockIds(CalendarGatewayContract.week())).containsExactly("c0123456789abcdef.2.call");
  }

  @Test
  void aWriteReplacesTheFileRatherThanRewritingItInPlace() throws Exception {
    gateway().createBlock(CalendarGatewayContract.block("c0123456789abcdef.1.call", MONDAY_10));
    Object before = Files.readAttributes(file(), java.nio.file.attribute.BasicFileAttributes.class).fileKey();

    gateway().createBlock(CalendarGatewayContract.block("c0123456789abcdef.2.call", MONDAY_10.plus(Duration.ofHours(1))));

    Object after = Files.readAttributes(file(), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void concurrentWritersInTheJvmLoseNoBlock() throws Exception {
    IcsCalendarGateway other = new IcsCalendarGateway(file(), ZoneId.of("Europe/Berlin"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        CallbackBlock block = CalendarGatewayContract.block("c0123456789abcdef." + i + ".call",
            MONDAY_10.plus(Duration.ofMinutes(15L * i)));
        CalendarGateway target = i % 2 == 0 ? gateway() : other;
        results.add(pool.submit(() -> target.createBlock(block)));
        results.add(pool.submit(() -> target.createBlock(block)));
      }
      long created = 0;
      for (Future<Boolean> r : results) {
        created += r.get() ? 1 : 0;
      }
      assertThat(created).isEqualTo(20);
    } finally {
      pool.shutdownNow();
    }
    assertThat(gateway().blockIds(CalendarGatewayContract.week())).hasSize(20);
  }

  @Test
  void aFileThatIsNotICalendarIsNeverOverwritten() throws Exception {
    Path html = IcsFiles.sample(dir, "not-icalendar.ics");
    byte[] original = Files.readAllBytes(html);
    IcsCalendarGateway calendar = new IcsCalendarGateway(html, ZoneId.of("Europe/Berlin"));

    assertThatThrownBy(() -> calendar.createBlock(CalendarGatewayContract.block("c0123456789abcdef.1.call", MONDAY_10)))
        .isInstanceOf(IcsFileException.class);
    assertThatThrownBy(() -> calendar.deleteBlock("c0123456789abcdef.1.call")).isInstanceOf(IcsFileException.class);

    assertThat(Files.readAllBytes(html)).isEqualTo(original);
  }
}
