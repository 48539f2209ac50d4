package io.secondcall.core;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When the user promised to call or follow up, in their own words (SPEC section 5).
 *
 * @param day the local day promised
 * @param time the hour promised ("at 3pm", "afternoon" as 14:00); empty when none was named
 *     ("tomorrow morning", "next week"): callers use the start of work
 * @param phrase the words that made the promise, e.g. {@code I'll call you on Tuesday}
 */
public record Promise(LocalDate day, Optional<LocalTime> time, String phrase) {

  public Promise {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(phrase, "phrase");
    if (phrase.isBlank()) {
      throw new IllegalArgumentException("a promise needs the words that made it");
    }
  }
}
