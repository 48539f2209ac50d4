package io.secondcall.calendar.caldav;

import io.secondcall.port.CalendarEvent;
import io.secondcall.port.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CalDAV {@code calendar-query} REPORT (RFC 4791 section 7.8) for the VEVENTs in a range, and
 * the reading of its answer into event instances. One unreadable resource is logged with its
 * href and left out; the others still count.
 */
final class CalendarQuery {

  private static final Logger log = LoggerFactory.getLogger(CalendarQuery.class);
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * The server reads all-day and floating events in its own zone (UTC unless configured), the
   * user in theirs; asking for a day more on each side and filtering here covers the difference.
   */
  private static final Duration MARGIN = Duration.ofDays(1);

  private final EventExpander expander;
  private final String where;

  CalendarQuery(EventExpander expander, String where) {
    this.expander = expander;
    this.where = where;
  }

  /** The REPORT body: etags and calendar data of every VEVENT overlapping the widened range. */
  static String body(TimeRange range) {
    Instant start = range.start().minus(MARGIN);
    Instant end = range.end().plus(MARGIN);
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<C:calendar-query xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">\n"
        + "  <D:prop><D:getetag/><C:calendar-data/></D:prop>\n"
        + "  <C:filter>\n"
        + "    <C:comp-filter name=\"VCALENDAR\">\n"
        + "      <C:comp-filter name=\"VEVENT\">\n"
        + "        <C:time-range start=\"" + UTC.format(start) + "\" end=\"" + UTC.format(end) + "\"/>\n"
        + "      </C:comp-filter>\n"
        + "    </C:comp-filter>\n"
        + "  </C:filter>\n"
        + "</C:calendar-query>\n";
  }

  /**
   * The instances overlapping {@code range} in a multistatus answer, sorted by start.
   *
   * @throws IllegalArgumentException when the answer as a whole is not a multistatus document
   */
  List<CalendarEvent> events(byte[] multistatus, TimeRange range) {
    List<CalendarEvent> out = new ArrayList<>();
    for (Multistatus.Member member : Multistatus.parse(multistatus).members()) {
      if (member.calendarData() == null) {
        continue;
      }
      try {
        out.addAll(expander.events(member.calendarData(), range));
      } catch (IllegalArgumentException e) {
        log.warn("{}: skipping {}: not readable as iCalendar: {}", where, member.href(), e.getMessage());
      }
    }
    out.sort(Comparator.comparing((CalendarEvent e) -> e.time().start()).thenComparing(CalendarEvent::uid));
    return out;
  }
}
