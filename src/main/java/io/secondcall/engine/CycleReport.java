package io.secondcall.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import io.secondcall.port.ServerAccessException;

/** What one cycle did, in order. */
public final class CycleReport {

  private final Instant startedAt;
  private final boolean dryRun;
  private final List<Action> actions = new ArrayList<>();
  private int skippedMessages;
  private ServerAccessException calendarFailure;

  CycleReport(Instant startedAt, boolean dryRun) {
    this.startedAt = startedAt;
    this.dryRun = dryRun;
  }

  void add(Action action) {
    actions.add(action);
  }

  void countSkipped(int n) {
    skippedMessages += n;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public boolean dryRun() {
    return dryRun;
  }

  public List<Action> actions() {
    return Collections.unmodifiableList(actions);
  }

  public List<Action> actions(Action.Kind kind) {
    return actions.stream().filter(a -> a.kind() == kind).toList();
  }

  void calendarFailed(ServerAccessException e) {
    calendarFailure = e;
  }

  /** The calendar could not be reached in this cycle (drafting went on). */
  public Optional<ServerAccessException> calendarFailure() {
    return Optional.ofNullable(calendarFailure);
  }

  /** Messages that could not be parsed and were logged and skipped. */
  public int skippedMessages() {
    return skippedMessages;
  }
}
