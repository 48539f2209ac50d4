package io.secondcall.calendar.ics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events of the file as last parsed, kept while the file's modification time and size stay
 * the same.
 *
 * @param series every usable VEVENT, overrides (RECURRENCE-ID) included
 * @param overridden per UID, the keys of the instances that overrides replace
 */
record CalendarSnapshot(List<EventSeries> series, Map<String, Set<Object>> overridden, Set<String> warned) {

  static final CalendarSnapshot EMPTY = of(List.of());

  CalendarSnapshot {
    series = List.copyOf(series);
    overridden = Map.copyOf(overridden);
  }

  static CalendarSnapshot of(List<EventSeries> series) {
    Map<String, Set<Object>> overridden = new HashMap<>();
    for (EventSeries s : series) {
      if (s.recurrenceKey() != null) {
        overridden.computeIfAbsent(s.uid(), uid -> new HashSet<>()).add(s.recurrenceKey());
      }
    }
    // Expansion problems show up per read; the set keeps them to one log line per parse.
    return new CalendarSnapshot(series, overridden, ConcurrentHashMap.newKeySet());
  }

  Set<Object> overriddenIn(String uid) {
    return overridden.getOrDefault(uid, Set.of());
  }
}
