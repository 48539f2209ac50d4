package io.secondcall.core;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** The user's working day, e.g. 09:00-17:00, in their own time zone. */
public record WorkingHours(LocalTime start, LocalTime end) {

  public static final WorkingHours DEFAULT = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0));

  public WorkingHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("working hours must start before they end");
    }
  }

  /** Parses {@code HH:MM-HH:MM}. */
  public static WorkingHours parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split("\\s*-\\s*");
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected HH:MM-HH:MM");
    }
    try {
      return new WorkingHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected HH:MM-HH:MM", e);
    }
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
