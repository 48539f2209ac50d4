package io.secondcall.core;

import java.time.Instant;
import java.util.Objects;

/** A half-open interval {@code [start, end)} of time. */
public record TimeRange(Instant start, Instant end) {

  public TimeRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("a range ends after it starts: " + start + " - " + end);
    }
  }

  public boolean overlaps(TimeRange other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }
}
