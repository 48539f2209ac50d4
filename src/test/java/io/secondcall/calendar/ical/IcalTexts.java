package io.secondcall.calendar.ical;

import io.secondcall.core.TimeRange;
import io.secondcall.port.CalendarEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Test helpers: iCalendar text written inline or kept in src/test/resources/ical, and ranges. */
final class IcalTexts {

  private IcalTexts() {}

  /** The user's zone in these tests. */
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** The events of {@code ics} in {@code range}, read for a user in Berlin. */
  static List<CalendarEvent> events(String ics, TimeRange range) {
    return new IcalReader(BERLIN).read(ics, "test").events(range);
  }

  /** A VCALENDAR around {@code lines}, with CRLF line breaks. */
  static String ics(String... lines) {
    StringBuilder s = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    for (String line : lines) {
      s.append(line).append("\r\n");
    }
    return s.append("END:VCALENDAR\r\n").toString();
  }

  /** The sample export {@code name} from src/test/resources/ical. */
  static String sample(String name) {
    try (InputStream in = IcalTexts.class.getResourceAsStream("/ical/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TimeRange range(String start, String end) {
    return new TimeRange(Instant.parse(start), Instant.parse(end));
  }

  /** "start/end" in UTC. */
  static String when(CalendarEvent e) {
    return e.time().start() + "/" + e.time().end();
  }
}
