package io.secondcall.core;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How long to wait after each failure in a row to reach a server: 30 s doubling to at most 15
 * min (or other bounds, such as the seconds between retries of one API call), each wait
 * shortened by a random part of up to a fifth. The jitter keeps retries out of
 * step: the daemon and the calendar guard often lose the same server at the same moment, and
 * many installs lose a provider in the same outage. Not thread-safe.
 */
public final class Backoff {

  static final Duration FIRST = Duration.ofSeconds(30);
  static final Duration MAX = Duration.ofMinutes(15);
  /** The largest share of a wait that the jitter takes off. */
  static final double JITTER = 0.2;

  private final Duration first;
  private final Duration max;
  private final DoubleSupplier random;
  private int failures;

  /**
   * @param random values in [0, 1), e.g. {@code () -> ThreadLocalRandom.current().nextDouble()}:
   *     how much of the jitter each wait gets; {@code () -> 0} gives the plain doubling
   */
  public Backoff(DoubleSupplier random) {
    this(FIRST, MAX, random);
  }

  /** Waits from {@code first}, doubling up to {@code max}. */
  public Backoff(Duration first, Duration max, DoubleSupplier random) {
    this.first = Objects.requireNonNull(first, "first");
    this.max = Objects.requireNonNull(max, "max");
    this.random = Objects.requireNonNull(random, "random");
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("backoff from " + first + " to " + max);
    }
  }

  /** The wait after one more failure. */
  public Duration next() {
    // Past 2^10 the cap holds anyway; the bound keeps the shift from overflowing.
    Duration base = first.multipliedBy(1L << Math.min(failures, 10));
    failures++;
    if (base.compareTo(max) > 0) {
      base = max;
    }
    double r = random.getAsDouble();
    if (!(r >= 0 && r < 1)) {
      throw new IllegalStateException("jitter source gave " + r + ", expected a value in [0, 1)");
    }
    return base.minusMillis((long) (base.toMillis() * JITTER * r));
  }

  /** After a success: the next failure waits the first interval again. */
  public void reset() {
    failures = 0;
  }

  /** Failures since the last {@link #reset()}. */
  public int failures() {
    return failures;
  }
}
