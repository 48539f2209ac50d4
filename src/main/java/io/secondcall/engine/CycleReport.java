package io.secondcall.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** What one cycle did, in order. */
public final class CycleReport {

  private final Instant startedAt;
  private final boolean dryRun;
  private final List<Action> actions = new ArrayList<>();
  private int skippedMessages;
  private RuntimeException calendarFailure;

  CycleReport(Instant startedAt, boolean dryRun) {
    this.startedAt = startedAt;
    this.dryRun = dryRun;
  }

  void add(Action action) {
    actions.add(action);
  }

  /** How many actions are recorded so far; see {@link #forgetAfter}. */
  int size() {
    return actions.size();
  }

  /** Forgets the actions recorded after the first {@code size}: their transaction was rolled back. */
  void forgetAfter(int size) {
    actions.subList(size, actions.size()).clear();
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

  void calendarFailed(RuntimeException e) {
    calendarFailure = e;
  }

  /**
   * Why calendar work failed in this cycle, while drafting went on: the server could not be
   * reached ({@link io.secondcall.port.ServerAccessException}) or the calendar file is broken.
   */
  public Optional<RuntimeException> calendarFailure() {
    return Optional.ofNullable(calendarFailure);
  }

  /** Messages that could not be parsed and were logged and skipped. */
  public int skippedMessages() {
    return skippedMessages;
  }
}
