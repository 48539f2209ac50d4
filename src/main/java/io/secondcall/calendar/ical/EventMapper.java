package io.secondcall.calendar.ical;

import io.secondcall.core.EmailAddress;
import io.secondcall.port.CalendarEvent.Attendee;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;

/** Maps an ical4j VEVENT to an {@link EventSeries}, every date resolved by {@link IcalTimes}. */
final class EventMapper {

  private final IcalTimes times;

  EventMapper(IcalTimes times) {
    this.times = times;
  }

  /** The event, or an IllegalArgumentException saying why it cannot be used. */
  EventSeries map(VEvent event) {
    String uid = text(event, "UID").orElseGet(() -> "no-uid-" + Integer.toHexString(event.toString().hashCode()));
    DateProperty<?> dtStart = event.<DateProperty<?>>getProperty("DTSTART")
        .orElseThrow(() -> new IllegalArgumentException("no DTSTART"));
    Temporal start = times.resolve(dtStart);
    boolean allDay = start instanceof LocalDate;
    Object recurrenceKey = event.<DateProperty<?>>getProperty("RECURRENCE-ID")
        .map(p -> IcalTimes.key(times.resolve(p), allDay))
        .orElse(null);
    return new EventSeries(uid, recurrenceKey, start, length(event, start), recurrence(event, start), details(event));
  }

  private TemporalAmount length(VEvent event, Temporal start) {
    Optional<net.fortuna.ical4j.model.property.Duration> duration = event.getProperty("DURATION");
    Optional<DateProperty<?>> dtEnd = event.getProperty("DTEND");
    if (start instanceof LocalDate day) {
      long days = 1;
      if (duration.isPresent()) {
        TemporalAmount amount = duration.get().getDuration();
        if (amount instanceof Period period) {
          return period.isNegative() || period.isZero() ? Period.ofDays(1) : period;
        }
        days = (((Duration) amount).toHours() + 23) / 24;
      } else if (dtEnd.isPresent()) {
        Temporal end = times.resolve(dtEnd.get());
        days = ChronoUnit.DAYS.between(day, end instanceof LocalDate d ? d : ((ZonedDateTime) end).toLocalDate());
      }
      return Period.ofDays((int) Math.max(1, days));
    }
    ZonedDateTime from = (ZonedDateTime) start;
    if (duration.isPresent()) {
      TemporalAmount amount = duration.get().getDuration();
      return from.plus(amount).isBefore(from) ? Duration.ZERO : amount;
    }
    if (dtEnd.isPresent()) {
      Temporal end = times.resolve(dtEnd.get());
      ZonedDateTime to = end instanceof LocalDate d ? d.atStartOfDay(from.getZone()) : (ZonedDateTime) end;
      return to.isBefore(from) ? Duration.ZERO : Duration.between(from, to);
    }
    return Duration.ZERO;
  }

  private EventSeries.Recurrence recurrence(VEvent event, Temporal start) {
    boolean allDay = start instanceof LocalDate;
    List<Recur<?>> rules = new ArrayList<>();
    for (Property p : event.getProperties("RRULE")) {
      rules.add(untilWholeDay(((RRule<?>) p).getRecur(), start));
    }
    List<Temporal> dates = new ArrayList<>();
    for (Property p : event.getProperties("RDATE")) {
      // An RDATE of periods has no date list (ical4j's getDates() fails on it); no exporter we
      // know writes them, so they are left out rather than costing the whole event.
      if (p.getParameter("VALUE").filter(v -> v.getValue().equalsIgnoreCase("PERIOD")).isEmpty()) {
        for (Temporal t : ((DateListProperty<?>) p).getDates()) {
          dates.add(IcalTimes.like(times.resolve(p, t), start));
        }
      }
    }
    Set<Object> excluded = new HashSet<>();
    for (Property p : event.getProperties("EXDATE")) {
      for (Temporal t : ((DateListProperty<?>) p).getDates()) {
        excluded.add(IcalTimes.key(times.resolve(p, t), allDay));
      }
    }
    if (rules.isEmpty() && dates.isEmpty()) {
      return EventSeries.Recurrence.NONE;
    }
    return new EventSeries.Recurrence(rules, dates, excluded);
  }

  /**
   * RFC 5545 wants UNTIL of the start's type; a date UNTIL on a timed series (seen in the wild)
   * counts the whole day, as Thunderbird and Apple Calendar read it, not up to its midnight.
   */
  private static Recur<?> untilWholeDay(Recur<?> rule, Temporal start) {
    if (start instanceof ZonedDateTime zoned && rule.getUntil() instanceof LocalDate until) {
      Recur<ZonedDateTime> copy = new Recur<>(rule.toString());
      copy.setUntil(until.plusDays(1).atStartOfDay(zoned.getZone()).minusSeconds(1));
      return copy;
    }
    return rule;
  }

  private EventSeries.Details details(VEvent event) {
    List<Attendee> attendees = new ArrayList<>();
    for (Property p : event.getProperties("ATTENDEE")) {
      address(p).ifPresent(a -> attendees.add(new Attendee(a, status(p))));
    }
    return new EventSeries.Details(
        text(event, "SUMMARY").orElse(""),
        text(event, "DESCRIPTION").orElse(""),
        text(event, "STATUS").filter(s -> s.equalsIgnoreCase("CANCELLED")).isPresent(),
        text(event, "TRANSP").filter(s -> s.equalsIgnoreCase("TRANSPARENT")).isPresent(),
        event.getProperty("ORGANIZER").flatMap(EventMapper::address).orElse(null),
        attendees,
        created(event),
        text(event, BlockEvent.ID_PROPERTY).orElse(null));
  }

  private Instant created(VEvent event) {
    Optional<DateProperty<?>> created = event.getProperty("CREATED");
    try {
      return created.map(p -> times.instant(times.resolve(p))).orElse(null);
    } catch (RuntimeException e) {
      return null; // a bad CREATED only costs the creation time, not the event
    }
  }

  private static Optional<String> text(VEvent event, String name) {
    return event.getProperty(name).map(Property::getValue).map(String::strip).filter(s -> !s.isEmpty());
  }

  /** The address of a mailto: ATTENDEE or ORGANIZER, with its CN; other URIs are not people we mail. */
  private static Optional<EmailAddress> address(Property p) {
    String value = p.getValue() == null ? "" : p.getValue().strip();
    if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
      value = value.substring(7);
    } else if (value.contains(":")) {
      return Optional.empty();
    }
    String name = p.getParameter("CN").map(Parameter::getValue).orElse(null);
    try {
      return Optional.of(new EmailAddress(value, name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Attendee.Status status(Property p) {
    String partStat = p.getParameter("PARTSTAT").map(Parameter::getValue).orElse("").toUpperCase(Locale.ROOT);
    return switch (partStat) {
      case "ACCEPTED" -> Attendee.Status.ACCEPTED;
      case "DECLINED" -> Attendee.Status.DECLINED;
      case "TENTATIVE" -> Attendee.Status.TENTATIVE;
      default -> Attendee.Status.NEEDS_ACTION;
    };
  }
}
