package io.secondcall.calendar.ical;

import io.secondcall.core.TimeRange;
import io.secondcall.port.CalendarEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.Recur;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands an {@link EventSet} into the instances that overlap a range: DTSTART, RRULE and RDATE
 * instances, less EXDATEs and less the instances that an override (RECURRENCE-ID) moved or
 * changed; the overrides count on their own times. Recurrences step in the event's own zone, so a
 * 10:00 Berlin meeting stays at 10:00 across a DST change.
 *
 * <p>ical4j's {@link Recur#getDates} steps the RRULEs. The rest of the set is ours, because
 * ical4j 4.4's {@code Component.calculateRecurrenceSet} and {@code ComponentGroup} get it wrong
 * for real calendars (tried on 4.4.0): they drop a DTSTART the rule does not match, keep only
 * RDATEs that start inside the range, match EXDATEs by equal {@code Temporal} (so a UTC EXDATE
 * never removes a Berlin instance, nor a date one a timed instance), and lose an override that
 * moved its instance to another time.
 */
final class Expander {

  private static final Logger LOG = LoggerFactory.getLogger(Expander.class);

  private final IcalTimes times;
  private final String source;
  /** Series whose RRULE failed already, so that the problem is logged once per read of the object. */
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  Expander(IcalTimes times, String source) {
    this.times = times;
    this.source = source;
  }

  List<CalendarEvent> events(EventSet set, TimeRange range) {
    List<CalendarEvent> result = new ArrayList<>();
    for (EventSeries series : set.series()) {
      if (series.recurrenceKey() != null) {
        add(result, series, series.start(), times.instant(series.recurrenceKey()), range);
        continue;
      }
      Set<Object> overridden = set.overriddenIn(series.uid());
      if (!series.recurrence().recurs()) {
        // An override may name the start of a single event too; then it replaces it.
        if (!matches(overridden, series.start())) {
          add(result, series, series.start(), null, range);
        }
        continue;
      }
      for (Temporal start : starts(series, range)) {
        if (!matches(series.recurrence().excluded(), start) && !matches(overridden, start)) {
          add(result, series, start, times.instant(start), range);
        }
      }
    }
    result.sort(Comparator.comparing((CalendarEvent e) -> e.time().start()).thenComparing(CalendarEvent::uid));
    return result;
  }

  private void add(List<CalendarEvent> result, EventSeries series, Temporal start, Instant recurrenceId,
      TimeRange range) {
    TimeRange time = new TimeRange(times.instant(start), times.instant(start.plus(series.length())));
    if (visible(time, range)) {
      result.add(series.details().toEvent(series.uid(), recurrenceId, time, series.allDay()));
    }
  }

  /** Overlap, and a zero-length event counts inside the range, as CalDAV's time-range filter has it (RFC 4791 9.9). */
  private static boolean visible(TimeRange time, TimeRange range) {
    boolean instant = time.start().equals(time.end());
    return time.overlaps(range) || instant && !time.start().isBefore(range.start()) && time.start().isBefore(range.end());
  }

  /** Starts of the series' instances that may overlap the range, by instant, without duplicates. */
  private List<Temporal> starts(EventSeries series, TimeRange range) {
    TreeMap<Instant, Temporal> starts = new TreeMap<>();
    starts.put(times.instant(series.start()), series.start());
    for (Temporal date : series.recurrence().dates()) {
      starts.put(times.instant(date), date);
    }
    // From one event length (and a day for DST and all-day slack) before the range.
    Duration length = Duration.between(times.instant(series.start()),
        times.instant(series.start().plus(series.length())));
    Instant from = range.start().minus(length).minus(Duration.ofDays(1));
    Instant to = range.end().plus(Duration.ofDays(1));
    for (Recur<?> rule : series.recurrence().rules()) {
      try {
        for (Temporal date : dates(rule, series.start(), from, to)) {
          starts.put(times.instant(date), date);
        }
      } catch (RuntimeException e) {
        if (warned.add(series.uid())) {
          LOG.warn("{}: cannot expand RRULE {} of event {}; using its first instance only: {}", source, rule,
              series.uid(), IcalReader.describe(e));
        }
      }
    }
    return new ArrayList<>(starts.values());
  }

  @SuppressWarnings("unchecked")
  private List<? extends Temporal> dates(Recur<?> rule, Temporal seed, Instant from, Instant to) {
    if (seed instanceof LocalDate day) {
      return ((Recur<LocalDate>) rule).getDates(day, times.day(from), times.day(to));
    }
    ZonedDateTime zoned = (ZonedDateTime) seed;
    return ((Recur<ZonedDateTime>) rule).getDates(zoned, from.atZone(zoned.getZone()), to.atZone(zoned.getZone()));
  }

  /** Whether an EXDATE or RECURRENCE-ID names this instance: by instant, or by date. */
  private static boolean matches(Set<Object> keys, Temporal start) {
    if (keys.isEmpty()) {
      return false;
    }
    if (start instanceof LocalDate) {
      return keys.contains(start);
    }
    ZonedDateTime zoned = (ZonedDateTime) start;
    return keys.contains(zoned.toInstant()) || keys.contains(zoned.toLocalDate());
  }
}
