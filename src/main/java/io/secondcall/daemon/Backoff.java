package io.secondcall.daemon;

import java.time.Duration;

/** Exponential backoff for an unreachable server: 30 s, 1 min, 2 min ... capped at 15 min. */
public final class Backoff {

  static final Duration FIRST = Duration.ofSeconds(30);
  static final Duration MAX = Duration.ofMinutes(15);

  private int failures;

  /** The wait after one more failure. */
  public Duration next() {
    Duration wait = FIRST.multipliedBy(1L << Math.min(failures, 10));
    failures++;
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }

  public void reset() {
    failures = 0;
  }

  public int failures() {
    return failures;
  }
}
