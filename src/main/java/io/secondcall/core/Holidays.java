package io.secondcall.core;

import java.time.LocalDate;

/** Public holidays of the user's region; the jollyday adapter lives outside the core. */
@FunctionalInterface
public interface Holidays {

  boolean isHoliday(LocalDate date);

  /** Weekends only: what {@code me.holidays} absent means. */
  static Holidays none() {
    return date -> false;
  }
}
