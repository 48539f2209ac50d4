package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.Backoff;
import io.secondcall.port.ServerAccessException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When calendar work is tried again after a failure; time is passed in, nothing sleeps. */
class CalendarGuardTest {

  static final Instant NOW = Instant.parse("2026-12-03T08:30:00Z");
  static final ServerAccessException DOWN =
      new ServerAccessException("dav.example.com:443: cannot connect", "dav.example.com", 443, true, null);

  @Test
  void afterAFailureItWaitsTheBackoffThenTriesAgain() {
    CalendarGuard guard = new CalendarGuard(new Backoff(() -> 0));
    assertThat(guard.mayTry(NOW)).isTrue();

    guard.failed(NOW, DOWN);

    assertThat(guard.retryAt()).isEqualTo(NOW.plusSeconds(30));
    assertThat(guard.mayTry(NOW.plusSeconds(29))).isFalse();
    assertThat(guard.mayTry(NOW.plusSeconds(30))).isTrue();
    assertThat(guard.failure()).contains(DOWN);
  }

  @Test
  void failuresInARowDoubleTheWaitUpToTheCapWithTheBackoffsJitter() {
    CalendarGuard guard = new CalendarGuard(new Backoff(() -> 0.5));
    Instant t = NOW;
    Duration[] expected = {Duration.ofSeconds(27), Duration.ofSeconds(54), Duration.ofSeconds(108),
        Duration.ofSeconds(216), Duration.ofSeconds(432), Duration.ofSeconds(810), Duration.ofSeconds(810)};
    for (Duration wait : expected) {
      guard.failed(t, DOWN);
      assertThat(Duration.between(t, guard.retryAt())).isEqualTo(wait);
      t = guard.retryAt();
    }
  }

  @Test
  void aSuccessClearsTheFailureAndStartsTheBackoffOver() {
    CalendarGuard guard = new CalendarGuard(new Backoff(() -> 0));
    guard.failed(NOW, DOWN);
    guard.failed(NOW.plusSeconds(30), DOWN);

    guard.succeeded();

    assertThat(guard.failure()).isEmpty();
    assertThat(guard.mayTry(NOW)).isTrue();
    guard.failed(NOW, DOWN);
    assertThat(guard.retryAt()).isEqualTo(NOW.plusSeconds(30));
  }
}
