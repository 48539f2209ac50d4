package io.secondcall.calendar.caldav;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * Turns iCalendar times into instants. Dates (all-day) and floating times have no zone of their
 * own, so they are read in the user's zone, as the user's calendar app shows them; so is a TZID
 * that neither the resource nor the zone database knows.
 */
final class IcsTimes {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private final ZoneId userZone;

  IcsTimes(ZoneId userZone) {
    this.userZone = userZone;
  }

  /** The property's value as a temporal; an unknown TZID falls back to the user's zone. */
  Temporal temporal(DateProperty<?> property) {
    try {
      Temporal t = property.getDate();
      if (t instanceof ZonedDateTime z) {
        // ical4j resolves zones lazily; touching the rules now surfaces an unknown TZID here.
        z.getZone().getRules();
      }
      return t;
    } catch (DateTimeException e) {
      boolean date = property.getParameter(Parameter.VALUE)
          .map(p -> "DATE".equalsIgnoreCase(p.getValue()))
          .orElse(false);
      String value = property.getValue().strip();
      if (date || value.length() == 8) {
        return LocalDate.parse(value, DATE);
      }
      return LocalDateTime.parse(value.endsWith("Z") ? value.substring(0, value.length() - 1) : value, LOCAL)
          .atZone(userZone);
    }
  }

  Instant instant(Temporal t) {
    if (t instanceof LocalDate d) {
      return d.atStartOfDay(userZone).toInstant();
    }
    if (t instanceof LocalDateTime l) {
      return l.atZone(userZone).toInstant();
    }
    return Instant.from(t);
  }

  /** {@code at} in the same kind of temporal as {@code like}, for bounds of a recurrence window. */
  Temporal like(Temporal like, Instant at) {
    if (like instanceof ZonedDateTime z) {
      return at.atZone(z.getZone());
    }
    if (like instanceof OffsetDateTime o) {
      return at.atOffset(o.getOffset());
    }
    if (like instanceof LocalDateTime) {
      return LocalDateTime.ofInstant(at, userZone);
    }
    if (like instanceof LocalDate) {
      return LocalDate.ofInstant(at, userZone);
    }
    return at;
  }

  /**
   * How long each instance lasts, from DTEND or DURATION. With DTEND the length is exact (RFC
   * 5545 3.8.5.3) except for dates, which count days; DURATION is applied as written, so P1D
   * stays a calendar day across a DST change.
   */
  TemporalAmount length(Temporal start, Temporal end, TemporalAmount duration) {
    if (end != null) {
      if (start instanceof LocalDate s && end instanceof LocalDate e) {
        return Period.between(s, e);
      }
      return Duration.between(instant(start), instant(end));
    }
    if (duration != null) {
      return duration;
    }
    return start instanceof LocalDate ? Period.ofDays(1) : Duration.ZERO;
  }

  /** Where an instance starting at {@code start} ends. */
  Instant end(Temporal start, TemporalAmount length) {
    try {
      return instant(start.plus(length));
    } catch (DateTimeException e) {
      // A time-based DURATION on a date: add it to the date's first instant instead.
      return instant(start).plus(Duration.from(length));
    }
  }
}
