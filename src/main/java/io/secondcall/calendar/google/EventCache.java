package io.secondcall.calendar.google;

import io.secondcall.port.CalendarEvent;
import io.secondcall.core.TimeRange;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The events of one calendar as last read from Google: single events (recurring events expanded)
 * by their Google id, from a window start onwards, with the sync token that brings the changes
 * since. Holds no cancelled events. Not thread-safe: {@link EventSync} guards it.
 */
final class EventCache {

  /** One entry of an incremental read: an event as it is now, or the id of one that is gone. */
  record Change(String id, CalendarEvent event) {

    Change {
      Objects.requireNonNull(id, "id");
    }

    static Change removed(String id) {
      return new Change(id, null);
    }

    boolean isRemoval() {
      return event == null;
    }
  }

  private final Map<String, CalendarEvent> byId = new LinkedHashMap<>();
  private Instant windowStart;
  private String syncToken;

  /** Whether the cache holds every event of ranges starting at {@code start} and can be brought up to date. */
  boolean covers(Instant start) {
    return syncToken != null && !start.isBefore(windowStart);
  }

  /** The token for the next incremental read, or null when only a full read will do. */
  String syncToken() {
    return syncToken;
  }

  Instant windowStart() {
    return windowStart;
  }

  int size() {
    return byId.size();
  }

  /** After a full read: these events (by Google id), and nothing else, from {@code windowStart} on. */
  void replace(Instant windowStart, Map<String, CalendarEvent> events, String syncToken) {
    byId.clear();
    this.windowStart = Objects.requireNonNull(windowStart, "windowStart");
    events.forEach(this::keep);
    this.syncToken = syncToken;
  }

  /**
   * After an incremental read: applies the changes in order and keeps the new token. A removed id
   * that names a recurring series also removes the series' instances, since Google may report the
   * series rather than each instance.
   */
  void apply(List<Change> changes, String syncToken) {
    for (Change change : changes) {
      byId.remove(change.id());
      if (change.isRemoval()) {
        byId.values().removeIf(e -> e.recurrenceId() != null && e.uid().equals(change.id()));
      } else {
        keep(change.id(), change.event());
      }
    }
    this.syncToken = syncToken;
  }

  /** Forgets everything: the next read must be a full one. */
  void clear() {
    byId.clear();
    windowStart = null;
    syncToken = null;
  }

  /** The events overlapping {@code range}, by start. */
  List<CalendarEvent> overlapping(TimeRange range) {
    return byId.values().stream()
        .filter(e -> range.overlaps(e.time()))
        .sorted(Comparator.comparing((CalendarEvent e) -> e.time().start()).thenComparing(e -> e.time().end()))
        .toList();
  }

  /** Changes to events that ended before the window are dropped, so the cache grows no further back than it began. */
  private void keep(String id, CalendarEvent event) {
    if (event.cancelled() || event.time().end().isBefore(windowStart)) {
      return;
    }
    byId.put(id, event);
  }
}
