package io.secondcall.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;

/** Small helpers the date readers share: a date that may not exist, a number from a match. */
final class Dates {

  private Dates() {}

  /** The date, or null when it does not exist (31 February): written text may name one. */
  static LocalDate dateOrNull(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  static int number(Matcher m, String group) {
    return Integer.parseInt(m.group(group));
  }
}
