package io.secondcall.calendar.caldav;

import io.secondcall.core.EmailAddress;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.ServerAccessException;
import io.secondcall.core.TimeRange;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.util.CompatibilityHints;

/**
 * Reads the VEVENTs of one calendar object resource and expands them into the instances that
 * overlap a range: RRULE and RDATE add instances, EXDATE removes them, and a VEVENT with a
 * RECURRENCE-ID replaces the instance it names (a moved or cancelled occurrence).
 */
final class EventExpander {

  /** Widens recurrence windows so that no instance is lost to rounding; exact filtering follows. */
  private static final Duration SLACK = Duration.ofDays(1);

  static {
    // Calendars written by real clients bend the grammar (bare LF, lower-case names, odd TZIDs).
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
  }

  private final IcsTimes times;

  EventExpander(ZoneId userZone) {
    this.times = new IcsTimes(userZone);
  }

  /**
   * The instances in {@code ics} that overlap {@code range}, in no particular order.
   *
   * @throws IllegalArgumentException when {@code ics} is not a readable iCalendar object
   */
  List<CalendarEvent> events(String ics, TimeRange range) {
    return events(parse(ics), range);
  }

  /**
   * Reads one calendar object resource, so that it can be kept and expanded for many ranges.
   *
   * @throws IllegalArgumentException when {@code ics} is not a readable iCalendar object
   */
  static Calendar parse(String ics) {
    try {
      return new CalendarBuilder().build(new StringReader(ics));
    } catch (ParserException | IOException | RuntimeException e) {
      throw new IllegalArgumentException(ServerAccessException.reason(e), e);
    }
  }

  /**
   * The instances in a parsed resource that overlap {@code range}, in no particular order.
   *
   * @throws IllegalArgumentException when a date, rule or zone in it cannot be read
   */
  List<CalendarEvent> events(Calendar calendar, TimeRange range) {
    Map<String, List<VEvent>> byUid = new LinkedHashMap<>();
    for (VEvent e : calendar.<VEvent>getComponents(Component.VEVENT)) {
      byUid.computeIfAbsent(text(e, Property.UID).orElse(""), k -> new ArrayList<>()).add(e);
    }
    List<CalendarEvent> out = new ArrayList<>();
    try {
      byUid.forEach((uid, components) -> expand(uid, components, range, out));
    } catch (RuntimeException e) {
      // Broken dates, rules and zones surface from ical4j as assorted runtime exceptions.
      throw new IllegalArgumentException(ServerAccessException.reason(e), e);
    }
    return out;
  }

  private void expand(String uid, List<VEvent> components, TimeRange range, List<CalendarEvent> out) {
    VEvent master = null;
    Map<Instant, VEvent> overrides = new LinkedHashMap<>();
    for (VEvent e : components) {
      Optional<Property> recurrenceId = e.getProperty(Property.RECURRENCE_ID);
      if (recurrenceId.isPresent()) {
        overrides.put(times.instant(times.temporal((DateProperty<?>) recurrenceId.get())), e);
      } else {
        master = e;
      }
    }
    if (master != null) {
      TemporalAmount length = length(master, start(master));
      boolean recurring = isRecurring(master);
      for (Temporal start : starts(master, range)) {
        Instant id = times.instant(start);
        if (!overrides.containsKey(id)) {
          add(uid, master, recurring ? id : null, start, length, range, out);
        }
      }
    }
    overrides.forEach((id, e) -> {
      Temporal start = start(e);
      add(uid, e, id, start, length(e, start), range, out);
    });
  }

  /** DTSTART and the instances the rules add, minus EXDATEs, within the range widened by the length. */
  private List<Temporal> starts(VEvent master, TimeRange range) {
    Temporal seed = start(master);
    if (!isRecurring(master)) {
      return List.of(seed);
    }
    Instant lengthBound = times.end(seed, length(master, seed));
    Duration span = Duration.between(times.instant(seed), lengthBound).abs();
    Temporal from = times.like(seed, range.start().minus(span).minus(SLACK));
    Temporal to = times.like(seed, range.end().plus(SLACK));
    List<Temporal> candidates = new ArrayList<>();
    candidates.add(seed);
    for (Property p : master.getProperties(Property.RRULE)) {
      @SuppressWarnings("unchecked")
      RRule<Temporal> rule = (RRule<Temporal>) p;
      candidates.addAll(rule.getRecur().getDates(seed, from, to));
    }
    for (Property p : master.getProperties(Property.RDATE)) {
      candidates.addAll(dates(p));
    }
    TreeSet<Instant> excluded = new TreeSet<>();
    for (Property p : master.getProperties(Property.EXDATE)) {
      dates(p).forEach(d -> excluded.add(times.instant(d)));
    }
    Map<Instant, Temporal> unique = new LinkedHashMap<>();
    for (Temporal t : candidates) {
      Instant at = times.instant(t);
      if (!excluded.contains(at)) {
        unique.putIfAbsent(at, t);
      }
    }
    return List.copyOf(unique.values());
  }

  private static List<Temporal> dates(Property p) {
    List<Temporal> out = new ArrayList<>();
    if (p instanceof DateListProperty<?> list) {
      // An RDATE of periods has no date list; its periods are rare enough to leave out.
      list.getDates().forEach(out::add);
    }
    return out;
  }

  private void add(String uid, VEvent e, Instant recurrenceId, Temporal start, TemporalAmount length, TimeRange range,
      List<CalendarEvent> out) {
    Instant from = times.instant(start);
    Instant to = times.end(start, length);
    TimeRange time = new TimeRange(from, to.isBefore(from) ? from : to);
    // A zero-length event counts when it sits inside the range, as CalDAV's time-range filter has it.
    boolean inRange = time.overlaps(range)
        || (from.equals(to) && !from.isBefore(range.start()) && from.isBefore(range.end()));
    if (!inRange) {
      return;
    }
    out.add(new CalendarEvent(uid, recurrenceId, text(e, Property.SUMMARY).orElse(""),
        text(e, Property.DESCRIPTION).orElse(""), time, start instanceof LocalDate,
        "CANCELLED".equals(upper(e, Property.STATUS)), "TRANSPARENT".equals(upper(e, Property.TRANSP)),
        e.getProperty(Property.ORGANIZER).flatMap(EventExpander::address).orElse(null),
        attendees(e), created(e), text(e, "X-SECONDCALL-ID").orElse(null)));
  }

  private static List<CalendarEvent.Attendee> attendees(VEvent e) {
    List<CalendarEvent.Attendee> out = new ArrayList<>();
    for (Property p : e.getProperties(Property.ATTENDEE)) {
      address(p).ifPresent(a -> out.add(new CalendarEvent.Attendee(a, status(p))));
    }
    return out;
  }

  private static CalendarEvent.Attendee.Status status(Property attendee) {
    String partstat = attendee.getParameter(Parameter.PARTSTAT).map(Parameter::getValue).orElse("NEEDS-ACTION");
    return switch (partstat.toUpperCase(Locale.ROOT)) {
      case "ACCEPTED" -> CalendarEvent.Attendee.Status.ACCEPTED;
      case "DECLINED" -> CalendarEvent.Attendee.Status.DECLINED;
      case "TENTATIVE" -> CalendarEvent.Attendee.Status.TENTATIVE;
      default -> CalendarEvent.Attendee.Status.NEEDS_ACTION;
    };
  }

  /** The mail address of an ORGANIZER or ATTENDEE; empty for other URIs (urn:uuid, tel). */
  private static Optional<EmailAddress> address(Property p) {
    String value = p.getValue().strip();
    if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
      value = value.substring(7);
    }
    String name = p.getParameter(Parameter.CN).map(Parameter::getValue).orElse(null);
    try {
      return Optional.of(new EmailAddress(value, name));
    } catch (IllegalArgumentException notMail) {
      return Optional.empty();
    }
  }

  private Instant created(VEvent e) {
    return e.getProperty(Property.CREATED).map(p -> times.instant(times.temporal((DateProperty<?>) p))).orElse(null);
  }

  private Temporal start(VEvent e) {
    return e.getProperty(Property.DTSTART)
        .map(p -> times.temporal((DateProperty<?>) p))
        .orElseThrow(() -> new IllegalArgumentException("a VEVENT without DTSTART"));
  }

  private TemporalAmount length(VEvent e, Temporal start) {
    Temporal end = e.getProperty(Property.DTEND).map(p -> times.temporal((DateProperty<?>) p)).orElse(null);
    TemporalAmount duration = e.getProperty(Property.DURATION)
        .map(p -> ((net.fortuna.ical4j.model.property.Duration) p).getDuration()).orElse(null);
    return times.length(start, end, duration);
  }

  private static boolean isRecurring(VEvent e) {
    return e.getProperty(Property.RRULE).isPresent() || e.getProperty(Property.RDATE).isPresent();
  }

  private static Optional<String> text(Component c, String name) {
    return c.getProperty(name).map(Property::getValue);
  }

  private static String upper(Component c, String name) {
    return text(c, name).map(v -> v.strip().toUpperCase(Locale.ROOT)).orElse("");
  }
}
