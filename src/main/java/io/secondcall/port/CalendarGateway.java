package io.secondcall.port;

import io.secondcall.core.TimeRange;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The user's calendar: busy time to plan callback blocks around, the blocks themselves, and the
 * events with attendees that the calendar-watching rules read. Every network call has a timeout;
 * a server that cannot be reached or refuses the login throws {@link ServerAccessException}.
 */
public interface CalendarGateway {

  /**
   * Busy time overlapping {@code range}: events that are not cancelled, not transparent and not
   * all-day, recurring events expanded, our own callback blocks included. Sorted by start.
   */
  default List<TimeRange> busy(TimeRange range) {
    return events(range).stream()
        .filter(CalendarEvent::isBusy)
        .map(CalendarEvent::time)
        .sorted(Comparator.comparing(TimeRange::start).thenComparing(TimeRange::end))
        .toList();
  }

  /**
   * Puts the block into the calendar unless a block with the same {@link CallbackBlock#id()} is
   * already there. Idempotent: a retry after a crash or timeout never creates a second one.
   *
   * @return true when this call created it, false when it was there already
   */
  boolean createBlock(CallbackBlock block);

  /** Removes the block with this id; a block that is not there is ignored. */
  void deleteBlock(String blockId);

  /** Ids of our callback blocks that start within {@code range}. */
  default List<String> blockIds(TimeRange range) {
    return events(range).stream()
        .filter(e -> e.secondcallId() != null && !e.cancelled())
        .filter(e -> !e.time().start().isBefore(range.start()) && e.time().start().isBefore(range.end()))
        .map(CalendarEvent::secondcallId)
        .distinct()
        .toList();
  }

  /**
   * Events overlapping {@code range}, recurring events expanded into instances, each with its
   * attendees; our own callback blocks carry {@link CalendarEvent#secondcallId()}.
   */
  List<CalendarEvent> events(TimeRange range);
}
