package io.secondcall.calendar;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.SafeText;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackBlock;
import io.secondcall.core.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A calendar in memory, for engine tests; recurring events are given already expanded. */
public final class InMemoryCalendarGateway implements CalendarGateway {

  private final Map<String, CalendarEvent> events = new LinkedHashMap<>();
  public int blocksCreated;

  public void add(CalendarEvent event) {
    events.put(event.uid() + "/" + event.recurrenceId(), event);
  }

  @Override
  public synchronized List<TimeRange> busy(TimeRange range) {
    return events.values().stream()
        .filter(CalendarEvent::isBusy)
        .map(CalendarEvent::time)
        .filter(range::overlaps)
        .sorted(Comparator.comparing(TimeRange::start))
        .toList();
  }

  @Override
  public synchronized boolean createBlock(CallbackBlock block) {
    String key = block.id() + "/null";
    if (events.containsKey(key)) {
      return false;
    }
    // As every real calendar writes it (CalendarGatewayContract).
    events.put(key, new CalendarEvent(block.id(), null, SafeText.calendarLine(block.title()),
        SafeText.calendarText(block.description()), block.time(), false,
        false, false, (EmailAddress) null, List.of(), null, block.id()));
    blocksCreated++;
    return true;
  }

  @Override
  public synchronized void deleteBlock(String blockId) {
    events.remove(blockId + "/null");
  }

  @Override
  public synchronized List<String> blockIds(TimeRange range) {
    List<String> ids = new ArrayList<>();
    for (CalendarEvent e : events.values()) {
      if (e.secondcallId() != null && !e.time().start().isBefore(range.start()) && e.time().start().isBefore(range.end())) {
        ids.add(e.secondcallId());
      }
    }
    return ids;
  }

  @Override
  public synchronized List<CalendarEvent> events(TimeRange range) {
    return events.values().stream()
        .filter(e -> range.overlaps(e.time()))
        .sorted(Comparator.comparing(e -> e.time().start()))
        .toList();
  }
}
