package io.secondcall.corpus;

import jakarta.mail.internet.MailDateFormat;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves the corpus from 2002 to just before the test's first scan. Everything moves by the same
 * whole number of weeks, so order, weekdays, hours and the time between a message and its answer
 * stay as they were. The few dates outside 2002 (spam dated 1980 or 2028) are first pulled to
 * the edge of that year so that every readable date lies in the look-back window; dates that do
 * not parse are left as they are: garbage is part of the test.
 */
final class CorpusDates {

  static final Instant ORIGINAL_START = Instant.parse("2002-01-01T00:00:00Z");
  static final Instant ORIGINAL_END = Instant.parse("2002-12-31T23:59:59Z");

  private static final DateTimeFormatter RFC_5322 =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH);
  private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2})(\\d{2})(?!\\d)");

  private final Duration shift;

  /** @param latest where the end of 2002 should land: the corpus ends at most a week before it */
  CorpusDates(Instant latest) {
    long weeks = Duration.between(ORIGINAL_END, latest).toDays() / 7;
    this.shift = Duration.ofDays(weeks * 7);
  }

  /** The instant a Date header names, when it can be read at all (leniently, as mail clients do). */
  static Optional<Instant> parse(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      Date d = new MailDateFormat().parse(header.strip());
      return Optional.ofNullable(d).map(Date::toInstant);
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The mbox {@code From } line's time (the delivery, in the corpus owner's clock, taken as UTC). */
  static Optional<Instant> parseMbox(String asctime) {
    try {
      return Optional.of(LocalDateTime.parse(asctime.replaceAll("\\s+", " "), ASCTIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  Instant shift(Instant original) {
    Instant clamped = original.isBefore(ORIGINAL_START) ? ORIGINAL_START
        : original.isAfter(ORIGINAL_END) ? ORIGINAL_END : original;
    return clamped.plus(shift);
  }

  /**
   * The header with its date moved, written in the offset it was written in (so a message from
   * California still says -0700), or empty when it cannot be read.
   */
  Optional<String> shiftHeader(String header) {
    return parse(header).map(original -> format(shift(original), offsetOf(header)));
  }

  static String format(Instant instant, ZoneOffset offset) {
    return RFC_5322.format(instant.atOffset(offset));
  }

  private static ZoneOffset offsetOf(String header) {
    Matcher m = OFFSET.matcher(header);
    if (m.find()) {
      int hours = Integer.parseInt(m.group(2));
      int minutes = Integer.parseInt(m.group(3));
      if (hours <= 14 && minutes < 60) {
        int sign = m.group(1).equals("-") ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      }
    }
    return ZoneOffset.UTC;
  }
}
