package io.secondcall.engine;

import io.secondcall.port.ServerAccessException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps an unreachable calendar from holding up the mail side: after a failure, calendar work
 * is skipped until a backoff has passed (30 s doubling to 15 min), while drafting goes on.
 * Lives across cycles of the daemon.
 */
public final class CalendarGuard {

  static final Duration FIRST = Duration.ofSeconds(30);
  static final Duration MAX = Duration.ofMinutes(15);

  private int failures;
  private Instant retryAt = Instant.MIN;
  private ServerAccessException last;

  boolean mayTry(Instant now) {
    return !now.isBefore(retryAt);
  }

  void failed(Instant now, ServerAccessException e) {
    Duration wait = FIRST.multipliedBy(1L << Math.min(failures, 10));
    failures++;
    retryAt = now.plus(wait.compareTo(MAX) > 0 ? MAX : wait);
    last = e;
  }

  void succeeded() {
    failures = 0;
    retryAt = Instant.MIN;
    last = null;
  }

  /** The failure of the latest attempt, while the calendar is unreachable. */
  public Optional<ServerAccessException> failure() {
    return Optional.ofNullable(last);
  }

  Instant retryAt() {
    return retryAt;
  }
}
