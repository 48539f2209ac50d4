package io.secondcall.engine;

import io.secondcall.core.Backoff;
import io.secondcall.port.ServerAccessException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps an unreachable calendar from holding up the mail side: after a failure, calendar work
 * is skipped until a {@link Backoff} has passed, while drafting goes on. Lives across cycles of
 * the daemon.
 */
public final class CalendarGuard {

  private final Backoff backoff;
  private Instant retryAt = Instant.MIN;
  private ServerAccessException last;

  public CalendarGuard() {
    this(new Backoff(() -> ThreadLocalRandom.current().nextDouble()));
  }

  /** @param backoff the waits after failures; tests give it a fixed jitter */
  CalendarGuard(Backoff backoff) {
    this.backoff = Objects.requireNonNull(backoff, "backoff");
  }

  boolean mayTry(Instant now) {
    return !now.isBefore(retryAt);
  }

  void failed(Instant now, ServerAccessException e) {
    retryAt = now.plus(backoff.next());
    last = e;
  }

  void succeeded() {
    backoff.reset();
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
