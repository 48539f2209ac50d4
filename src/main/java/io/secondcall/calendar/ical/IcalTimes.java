package io.secondcall.calendar.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Optional;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * Resolves the dates of a VEVENT. UTC stays UTC; a TZID goes through {@link TimeZones} first and
 * else the zone ical4j built from the file's VTIMEZONE; a floating time, and a TZID that neither
 * we nor the file define, is in the user's zone, as the user's calendar app shows it. Dates
 * (all-day) stay {@link LocalDate}s and become instants at the start of the user's day.
 */
final class IcalTimes {

  private final ZoneId userZone;

  IcalTimes(ZoneId userZone) {
    this.userZone = userZone;
  }

  /** The value of a single-date property (DTSTART, DTEND, RECURRENCE-ID, CREATED). */
  Temporal resolve(DateProperty<?> property) {
    return resolve(property, property.getDate());
  }

  /** One date of {@code property} as a ZonedDateTime or, for DATE values, a LocalDate. */
  Temporal resolve(Property property, Temporal value) {
    Optional<String> tzid = tzid(property);
    if (value instanceof LocalDate || value instanceof ZonedDateTime && tzid.isEmpty()) {
      return value;
    }
    if (value instanceof Instant instant) {
      return instant.atZone(ZoneOffset.UTC);
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toZonedDateTime();
    }
    Optional<ZoneId> named = tzid.flatMap(TimeZones::byName);
    if (value instanceof LocalDateTime local) {
      // Floating, or a TZID neither we nor the file define (relaxed ical4j reads it as floating).
      return local.atZone(named.orElse(userZone));
    }
    if (value instanceof ZonedDateTime zoned) {
      return named.map(zone -> zoned.toLocalDateTime().atZone(zone)).orElse(zoned);
    }
    throw new IllegalArgumentException("unsupported date " + value + " in " + property.getName());
  }

  /** Where a start or a key (an Instant, or a date of the user's calendar) lies on the time line. */
  Instant instant(Object t) {
    return t instanceof LocalDate d ? d.atStartOfDay(userZone).toInstant() : Instant.from((Temporal) t);
  }

  /** The user's day at {@code at}: the bounds of an all-day series' expansion. */
  LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, userZone);
  }

  /** How an instance is named by RECURRENCE-ID and EXDATE: an Instant, or a date in all-day series. */
  static Object key(Temporal t, boolean allDay) {
    if (t instanceof LocalDate) {
      return t;
    }
    ZonedDateTime zoned = (ZonedDateTime) t;
    return allDay ? zoned.toLocalDate() : zoned.toInstant();
  }

  /** An RDATE of the same kind as the start: a date for all-day series, else a time. */
  static Temporal like(Temporal t, Temporal start) {
    if (start instanceof LocalDate) {
      return t instanceof LocalDate ? t : ((ZonedDateTime) t).toLocalDate();
    }
    return t instanceof LocalDate d ? d.atStartOfDay(((ZonedDateTime) start).getZone()) : t;
  }

  private static Optional<String> tzid(Property property) {
    return property.getParameter(Parameter.TZID).map(Parameter::getValue).filter(s -> !s.isBlank());
  }
}
