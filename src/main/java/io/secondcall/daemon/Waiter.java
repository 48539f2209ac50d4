package io.secondcall.daemon;

import java.time.Duration;

/** How the daemon waits between cycles: a plain sleep, or IMAP IDLE that wakes on new mail. */
@FunctionalInterface
public interface Waiter {

  /** Waits up to {@code max}; may return early when something changed. */
  void await(Duration max) throws InterruptedException;

  /**
   * Ends a wait in progress at once and makes every later one return at once: the daemon is
   * stopping. Called from another thread than {@link #await}; sticky, so that a stop that comes
   * just before a wait begins still ends it.
   */
  default void wakeForStop() {}

  /** A sleep that {@link #wakeForStop()} ends. */
  static Waiter sleeping() {
    return new Sleeper();
  }
}
