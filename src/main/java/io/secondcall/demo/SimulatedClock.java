package io.secondcall.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the demo moves forward by hand: each simulated morning is one cycle. */
final class SimulatedClock extends Clock {

  private volatile Instant now;
  private final ZoneId zone;

  SimulatedClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  void set(Instant instant) {
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new SimulatedClock(now, newZone);
  }
}
