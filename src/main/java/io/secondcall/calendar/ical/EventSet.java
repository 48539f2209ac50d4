package io.secondcall.calendar.ical;

import io.secondcall.core.TimeRange;
import io.secondcall.port.CalendarEvent;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The usable VEVENTs of one iCalendar object (a calendar file, or one resource of a CalDAV
 * collection) with their dates resolved, kept so that each read only expands them for its range.
 * Overrides (RECURRENCE-ID) replace instances of their own UID in the same object only.
 * Immutable apart from the note of which series already logged a problem; thread-safe.
 */
public final class EventSet {

  private static final EventSet EMPTY = new EventSet(List.of(), new IcalTimes(ZoneOffset.UTC), "");

  private final List<EventSeries> series;
  private final Map<String, Set<Object>> overridden;
  private final Expander expander;

  EventSet(List<EventSeries> series, IcalTimes times, String source) {
    this.series = List.copyOf(series);
    Map<String, Set<Object>> keys = new HashMap<>();
    for (EventSeries s : series) {
      if (s.recurrenceKey() != null) {
        keys.computeIfAbsent(s.uid(), uid -> new HashSet<>()).add(s.recurrenceKey());
      }
    }
    this.overridden = Map.copyOf(keys);
    this.expander = new Expander(times, source);
  }

  /** No events at all: a missing or empty calendar file. */
  public static EventSet empty() {
    return EMPTY;
  }

  /**
   * The instances that overlap {@code range}, sorted by start: single events, the instances of
   * recurring series (RRULE, RDATE, less EXDATE and the instances overrides replace), and the
   * overrides at their own times. Cancelled and transparent instances are included; they are
   * simply not busy ({@link CalendarEvent#isBusy()}).
   */
  public List<CalendarEvent> events(TimeRange range) {
    return expander.events(this, range);
  }

  /** How many VEVENTs were usable, overrides included. */
  public int size() {
    return series.size();
  }

  List<EventSeries> series() {
    return series;
  }

  /** The keys of the instances of {@code uid} that overrides replace. */
  Set<Object> overriddenIn(String uid) {
    return overridden.getOrDefault(uid, Set.of());
  }
}
