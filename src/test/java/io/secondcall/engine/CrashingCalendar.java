package io.secondcall.engine;

import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackBlock;
import io.secondcall.core.TimeRange;
import java.util.List;

/**
 * A {@link CalendarGateway} in front of another that can crash once just before or just after
 * the next block is written, and counts the blocks this gateway actually created.
 */
final class CrashingCalendar implements CalendarGateway {

  private final CalendarGateway inner;
  /** When set, the next createBlock fails before the calendar is touched. */
  boolean crashBeforeNextBlock;
  /** When set, the next createBlock writes the block and then fails, as if the process died right after. */
  boolean crashAfterNextBlock;
  /** Blocks the calendar took as new (createBlock answered true). */
  int blocksCreated;

  CrashingCalendar(CalendarGateway inner) {
    this.inner = inner;
  }

  @Override
  public boolean createBlock(CallbackBlock block) {
    if (crashBeforeNextBlock) {
      crashBeforeNextBlock = false;
      throw new SimulatedCrash("before the calendar write");
    }
    boolean created = inner.createBlock(block);
    blocksCreated += created ? 1 : 0;
    if (crashAfterNextBlock) {
      crashAfterNextBlock = false;
      throw new SimulatedCrash("after the calendar write");
    }
    return created;
  }

  @Override
  public void deleteBlock(String blockId) {
    inner.deleteBlock(blockId);
  }

  @Override
  public List<TimeRange> busy(TimeRange range) {
    return inner.busy(range);
  }

  @Override
  public List<String> blockIds(TimeRange range) {
    return inner.blockIds(range);
  }

  @Override
  public List<CalendarEvent> events(TimeRange range) {
    return inner.events(range);
  }
}
