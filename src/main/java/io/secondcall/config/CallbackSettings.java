package io.secondcall.config;

/**
 * The {@code callbacks} section.
 *
 * @param perDay most callback blocks booked on one day (0 books none)
 * @param durationMinutes length of one block
 */
public record CallbackSettings(int perDay, int durationMinutes) {

  public static final CallbackSettings DEFAULTS = new CallbackSettings(3, 15);

  public CallbackSettings {
    if (perDay < 0) {
      throw new IllegalArgumentException("perDay must not be negative");
    }
    if (durationMinutes < 1) {
      throw new IllegalArgumentException("durationMinutes must be positive");
    }
  }
}
