package io.secondcall.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How long the daemon waits after each failure to reach the server in a row. */
class BackoffTest {

  final Backoff backoff = new Backoff();

  @Test
  void theWaitStartsAtThirtySecondsAndDoublesUpToFifteenMinutes() {
    assertThat(waits(8)).containsExactly(
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
        Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15));
  }

  @Test
  void aServerDownForDaysStillWaitsFifteenMinutes() {
    // A week of failures every 15 minutes: the doubling must neither overflow nor go negative.
    assertThat(waits(7 * 24 * 4)).last().isEqualTo(Duration.ofMinutes(15));
    assertThat(backoff.failures()).isEqualTo(7 * 24 * 4);
  }

  @Test
  void aResetStartsOverAtThirtySeconds() {
    waits(4);

    backoff.reset();

    assertThat(backoff.failures()).isZero();
    assertThat(waits(2)).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1));
  }

  @Test
  void itCountsTheFailures() {
    assertThat(backoff.failures()).isZero();
    waits(3);
    assertThat(backoff.failures()).isEqualTo(3);
  }

  private List<Duration> waits(int failures) {
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < failures; i++) {
      waits.add(backoff.next());
    }
    return waits;
  }
}
