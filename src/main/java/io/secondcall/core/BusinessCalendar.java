package io.secondcall.core;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Business days and working hours in the user's time zone (SPEC section 5): Monday to Friday,
 * minus public holidays. All arithmetic is on local dates, so DST changes never move a due
 * time out of working hours.
 */
public final class BusinessCalendar {

  /** No region has this many consecutive non-business days; guards against a broken holiday source. */
  private static final int MAX_SKIP = 60;

  private final ZoneId zone;
  private final WorkingHours hours;
  private final Holidays holidays;

  public BusinessCalendar(ZoneId zone, WorkingHours hours, Holidays holidays) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.hours = Objects.requireNonNull(hours, "hours");
    this.holidays = Objects.requireNonNull(holidays, "holidays");
  }

  public ZoneId zone() {
    return zone;
  }

  public WorkingHours hours() {
    return hours;
  }

  public boolean isBusinessDay(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.isHoliday(date);
  }

  /** The first business day strictly after {@code date}. */
  public LocalDate nextBusinessDay(LocalDate date) {
    return businessDayOnOrAfter(date.plusDays(1));
  }

  public LocalDate businessDayOnOrAfter(LocalDate date) {
    LocalDate d = date;
    for (int i = 0; i < MAX_SKIP; i++) {
      if (isBusinessDay(d)) {
        return d;
      }
      d = d.plusDays(1);
    }
    throw new IllegalStateException("no business day within " + MAX_SKIP + " days of " + date);
  }

  /** The date {@code n} business days after {@code date}; {@code date} itself need not be one. */
  public LocalDate plusBusinessDays(LocalDate date, int n) {
    LocalDate d = date;
    for (int i = 0; i < n; i++) {
      d = nextBusinessDay(d);
    }
    return d;
  }

  public LocalDate localDate(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** Start of working hours on that day; in a DST gap the zone rules move it forward. */
  public Instant startOfWork(LocalDate date) {
    return ZonedDateTime.of(date, hours.start(), zone).toInstant();
  }

  public Instant endOfWork(LocalDate date) {
    return ZonedDateTime.of(date, hours.end(), zone).toInstant();
  }

  /** Start of working hours {@code n} business days after the day of {@code touch}. */
  public Instant dueAfter(Instant touch, int n) {
    return startOfWork(plusBusinessDays(localDate(touch), n));
  }

  /**
   * The latest start of work on a business day at or before {@code now}: the moment the day's
   * follow-ups are prepared, whenever the cycles run.
   */
  public Instant lastStartOfWork(Instant now) {
    LocalDate day = localDate(now);
    for (int i = 0; i < 400; i++, day = day.minusDays(1)) {
      if (isBusinessDay(day) && !startOfWork(day).isAfter(now)) {
        return startOfWork(day);
      }
    }
    throw new IllegalStateException("no business day in the past 400 days");
  }

  /**
   * The start of the working half-day after the one {@code instant} lies in: the afternoon (the
   * middle of working hours) for a business morning or the night before it, the next business
   * morning for an afternoon, an evening or a day off. A call belonging to a draft starts no earlier, so that the user had a
   * chance to send the draft first (SPEC section 5).
   */
  public Instant nextHalfDay(Instant instant) {
    LocalDate day = localDate(instant);
    if (isBusinessDay(day) && instant.isBefore(middleOfWork(day))) {
      return middleOfWork(day);
    }
    return startOfWork(nextBusinessDay(day));
  }

  private Instant middleOfWork(LocalDate date) {
    Duration half = Duration.between(hours.start(), hours.end()).dividedBy(2);
    return ZonedDateTime.of(date, hours.start().plus(half), zone).toInstant();
  }

  /** {@code instant} itself if it lies in working hours of a business day, else the next start of work. */
  public Instant nextWorkingMoment(Instant instant) {
    LocalDate day = localDate(instant);
    if (isBusinessDay(day)) {
      if (instant.isBefore(startOfWork(day))) {
        return startOfWork(day);
      }
      if (instant.isBefore(endOfWork(day))) {
        return instant;
      }
    }
    return startOfWork(nextBusinessDay(day));
  }
}
