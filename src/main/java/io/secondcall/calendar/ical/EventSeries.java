package io.secondcall.calendar.ical;

import io.secondcall.core.EmailAddress;
import io.secondcall.port.CalendarEvent;
import io.secondcall.core.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;

/**
 * One VEVENT with its times resolved: a single event, a recurring series, or one moved instance
 * of a series (an override, carrying RECURRENCE-ID).
 *
 * @param recurrenceKey null for a series or a single event; for an override the instance it
 *     replaces: an {@link Instant}, or a {@link LocalDate} in an all-day series
 * @param start a {@link ZonedDateTime} in the event's zone, or a {@link LocalDate} when all-day
 * @param length DTEND - DTSTART as an exact duration, or the DURATION as written (P1D is a day)
 */
record EventSeries(
    String uid,
    Object recurrenceKey,
    Temporal start,
    TemporalAmount length,
    Recurrence recurrence,
    Details details) {

  EventSeries {
    Objects.requireNonNull(uid, "uid");
    if (!(start instanceof ZonedDateTime) && !(start instanceof LocalDate)) {
      throw new IllegalArgumentException("a start is a ZonedDateTime or a LocalDate: " + start);
    }
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(recurrence, "recurrence");
    Objects.requireNonNull(details, "details");
  }

  boolean allDay() {
    return start instanceof LocalDate;
  }

  /**
   * RRULEs, RDATEs and EXDATEs.
   *
   * @param dates RDATE starts, each a ZonedDateTime or LocalDate like the series' start
   * @param excluded EXDATE instants, and dates for date-valued EXDATEs
   */
  record Recurrence(List<Recur<?>> rules, List<Temporal> dates, Set<Object> excluded) {

    static final Recurrence NONE = new Recurrence(List.of(), List.of(), Set.of());

    Recurrence {
      rules = List.copyOf(rules);
      dates = List.copyOf(dates);
      excluded = Set.copyOf(excluded);
    }

    boolean recurs() {
      return !rules.isEmpty() || !dates.isEmpty();
    }
  }

  /** What the calendar shows of the event, the same for each of its instances. */
  record Details(
      String title,
      String description,
      boolean cancelled,
      boolean transparent,
      EmailAddress organizer,
      List<CalendarEvent.Attendee> attendees,
      Instant created,
      String secondcallId) {

    CalendarEvent toEvent(String uid, Instant recurrenceId, TimeRange time, boolean allDay) {
      return new CalendarEvent(uid, recurrenceId, title, description, time, allDay, cancelled, transparent,
          organizer, attendees, created, secondcallId);
    }
  }
}
