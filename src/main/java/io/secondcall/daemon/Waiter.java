package io.secondcall.daemon;

import java.time.Duration;

/** How the daemon waits between cycles: a plain sleep, or IMAP IDLE that wakes on new mail. */
@FunctionalInterface
public interface Waiter {

  /** Waits up to {@code max}; may return early when something changed. */
  void await(Duration max) throws InterruptedException;

  static Waiter sleeping() {
    return max -> Thread.sleep(max.toMillis());
  }
}
