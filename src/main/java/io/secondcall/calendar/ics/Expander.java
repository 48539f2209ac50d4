package io.secondcall.calendar.ics;

import io.secondcall.port.CalendarEvent;
import io.secondcall.core.TimeRange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import net.fortuna.ical4j.model.Recur;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands the snapshot's events into the instances that overlap a range: DTSTART, RRULE and RDATE
 * instances, less EXDATEs and less the instances that an override (RECURRENCE-ID) moved or
 * changed; the overrides count on their own times. Recurrences step in the event's own zone, so a
 * 10:00 Berlin meeting stays at 10:00 across a DST change.
 */
final class Expander {

  private static final Logger LOG = LoggerFactory.getLogger(Expander.class);

  private final Path file;
  private final ZoneId userZone;

  Expander(Path file, ZoneId userZone) {
    this.file = file;
    this.userZone = userZone;
  }

  /** The instances overlapping {@code range}, sorted by start. */
  List<CalendarEvent> events(CalendarSnapshot snapshot, TimeRange range) {
    List<CalendarEvent> result = new ArrayList<>();
    for (EventSeries series : snapshot.series()) {
      if (series.recurrenceKey() != null) {
        add(result, series, series.start(), instant(series.recurrenceKey()), range);
      } else if (!series.recurrence().recurs()) {
        add(result, series, series.start(), null, range);
      } else {
        Set<Object> overridden = snapshot.overriddenIn(series.uid());
        for (Temporal start : starts(snapshot, series, range)) {
          if (!matches(series.recurrence().excluded(), start) && !matches(overridden, start)) {
            add(result, series, start, instant(start), range);
          }
        }
      }
    }
    result.sort(Comparator.comparing((CalendarEvent e) -> e.time().start()).thenComparing(CalendarEvent::uid));
    return result;
  }

  private void add(List<CalendarEvent> result, EventSeries series, Temporal start, Instant recurrenceId,
      TimeRange range) {
    TimeRange time = new TimeRange(instant(start), instant(start.plus(series.length())));
    if (time.overlaps(range)) {
      result.add(series.details().toEvent(series.uid(), recurrenceId, time, series.allDay()));
    }
  }

  /** Starts of the series' instances that may overlap the range, by instant, without duplicates. */
  private List<Temporal> starts(CalendarSnapshot snapshot, EventSeries series, TimeRange range) {
    TreeMap<Instant, Temporal> starts = new TreeMap<>();
    starts.put(instant(series.start()), series.start());
    for (Temporal date : series.recurrence().dates()) {
      starts.put(instant(date), date);
    }
    // From one event length (and a day for DST and all-day slack) before the range.
    Duration length = Duration.between(instant(series.start()), instant(series.start().plus(series.length())));
    Instant from = range.start().minus(length).minus(Duration.ofDays(1));
    Instant to = range.end().plus(Duration.ofDays(1));
    for (Recur<?> rule : series.recurrence().rules()) {
      try {
        for (Temporal date : dates(rule, series.start(), from, to)) {
          starts.put(instant(date), date);
        }
      } catch (RuntimeException e) {
        if (snapshot.warned().add(series.uid())) {
          LOG.warn("{}: cannot expand RRULE {} of event {}; using its first instance only: {}", file, rule,
              series.uid(), IcsParser.describe(e));
        }
      }
    }
    return new ArrayList<>(starts.values());
  }

  @SuppressWarnings("unchecked")
  private List<? extends Temporal> dates(Recur<?> rule, Temporal seed, Instant from, Instant to) {
    if (seed instanceof LocalDate day) {
      return ((Recur<LocalDate>) rule).getDates(day, LocalDate.ofInstant(from, userZone),
          LocalDate.ofInstant(to, userZone));
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

  private Instant instant(Object t) {
    return t instanceof LocalDate d ? d.atStartOfDay(userZone).toInstant() : Instant.from((Temporal) t);
  }
}
