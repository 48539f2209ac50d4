package io.secondcall.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How long to wait after each failure to reach the server in a row. */
class BackoffTest {

  /** The largest value a jitter source may give. */
  static final double ALMOST_ONE = Math.nextDown(1.0);

  final Backoff backoff = new Backoff(() -> 0);

  @Test
  void theWaitStartsAtThirtySecondsAndDoublesUpToFifteenMinutes() {
    assertThat(waits(backoff, 8)).containsExactly(
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
        Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15));
  }

  @Test
  void aServerDownForDaysStillWaitsFifteenMinutes() {
    // A week of failures every 15 minutes: the doubling must neither overflow nor go negative.
    assertThat(waits(backoff, 7 * 24 * 4)).last().isEqualTo(Duration.ofMinutes(15));
    assertThat(backoff.failures()).isEqualTo(7 * 24 * 4);
  }

  @Test
  void aResetStartsOverAtThirtySeconds() {
    waits(backoff, 4);

    backoff.reset();

    assertThat(backoff.failures()).isZero();
    assertThat(waits(backoff, 2)).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1));
  }

  @Test
  void itCountsTheFailures() {
    assertThat(backoff.failures()).isZero();
    waits(backoff, 3);
    assertThat(backoff.failures()).isEqualTo(3);
  }

  @Test
  void theJitterTakesOffAtMostAFifth() {
    assertThat(waits(new Backoff(() -> 0.5), 3))
        .containsExactly(Duration.ofSeconds(27), Duration.ofSeconds(54), Duration.ofSeconds(108));
    assertThat(waits(new Backoff(() -> ALMOST_ONE), 3)).containsExactly(
        Duration.ofSeconds(24).plusMillis(1), Duration.ofSeconds(48).plusMillis(1), Duration.ofSeconds(96).plusMillis(1));
  }

  @Test
  void theCapHoldsWhateverTheJitter() {
    assertThat(waits(new Backoff(() -> 0), 50)).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Backoff.MAX));
    assertThat(waits(new Backoff(() -> ALMOST_ONE), 50).subList(5, 50)).allSatisfy(w ->
        assertThat(w).isBetween(Duration.ofSeconds(720), Backoff.MAX));
  }

  @Test
  void everyWaitIsWithinItsBoundsForAnySequenceOfJitter() {
    SplittableRandom seeded = new SplittableRandom(8);
    List<Duration> waits = waits(new Backoff(seeded::nextDouble), 200);

    for (int i = 0; i < waits.size(); i++) {
      Duration base = i < 5 ? Backoff.FIRST.multipliedBy(1L << i) : Backoff.MAX;
      Duration shortest = base.minusMillis((long) (base.toMillis() * Backoff.JITTER));
      assertThat(waits.get(i)).as("wait %d", i + 1).isBetween(shortest, base);
    }
    assertThat(waits.stream().skip(5).distinct().count()).as("the jitter spreads the waits at the cap").isGreaterThan(150);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.0, 2.0, Double.NaN})
  void aJitterSourceOutsideZeroToOneIsABug(double value) {
    DoubleSupplier broken = () -> value;
    assertThatThrownBy(() -> new Backoff(broken).next()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(String.valueOf(value));
  }

  private static List<Duration> waits(Backoff backoff, int failures) {
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < failures; i++) {
      waits.add(backoff.next());
    }
    return waits;
  }

  @Test
  void otherBoundsDoubleTheSameWay() {
    assertThat(waits(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), () -> 0), 5)).containsExactly(
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
