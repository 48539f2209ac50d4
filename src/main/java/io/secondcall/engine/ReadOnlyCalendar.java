package io.secondcall.engine;

import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackBlock;
import io.secondcall.core.TimeRange;
import java.util.List;

/** The calendar of a dry run: reads go through, writes are only reported. */
final class ReadOnlyCalendar implements CalendarGateway {

  private final CalendarGateway calendar;

  ReadOnlyCalendar(CalendarGateway calendar) {
    this.calendar = calendar;
  }

  @Override
  public List<TimeRange> busy(TimeRange range) {
    return calendar.busy(range);
  }

  @Override
  public boolean createBlock(CallbackBlock block) {
    return true;
  }

  @Override
  public void deleteBlock(String blockId) {}

  @Override
  public List<String> blockIds(TimeRange range) {
    return calendar.blockIds(range);
  }

  @Override
  public List<CalendarEvent> events(TimeRange range) {
    return calendar.events(range);
  }
}
