package io.secondcall.calendar.google;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.SafeText;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarEvent.Attendee;
import io.secondcall.port.CallbackBlock;
import io.secondcall.core.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Between Google Calendar v3 events and the port's {@link CalendarEvent} and {@link CallbackBlock}. */
final class EventMapping {

  /** The private extended property holding our block id. */
  static final String SECONDCALL_ID = "secondcallId";

  private final ZoneId zone;

  EventMapping(ZoneId zone) {
    this.zone = zone;
  }

  /** The event of a block, with its deterministic id, confirmed and opaque. */
  Event toEvent(CallbackBlock block) {
    return new Event()
        .setId(EventIds.forBlock(block.id()))
        .setStatus("confirmed")
        .setTransparency("opaque")
        // JSON carries any character, but every calendar app that syncs the event does not.
        .setSummary(SafeText.calendarLine(block.title()))
        .setDescription(SafeText.calendarText(block.description()))
        .setStart(dateTime(block.time().start()))
        .setEnd(dateTime(block.time().end()))
        .setReminders(new Event.Reminders().setUseDefault(true))
        .setExtendedProperties(new Event.ExtendedProperties().setPrivate(Map.of(SECONDCALL_ID, block.id())));
  }

  /** A time in the user's zone, so the block shows (and repeats, if ever edited) as the user expects. */
  EventDateTime dateTime(Instant instant) {
    int offsetMinutes = zone.getRules().getOffset(instant).getTotalSeconds() / 60;
    return new EventDateTime().setDateTime(new DateTime(instant.toEpochMilli(), offsetMinutes)).setTimeZone(zone.getId());
  }

  static String secondcallId(Event e) {
    if (e.getExtendedProperties() == null || e.getExtendedProperties().getPrivate() == null) {
      return null;
    }
    return e.getExtendedProperties().getPrivate().get(SECONDCALL_ID);
  }

  CalendarEvent toCalendarEvent(Event e) {
    boolean allDay = e.getStart() != null && e.getStart().getDate() != null;
    Instant start = instant(e.getStart());
    Instant end = e.getEnd() == null ? start : instant(e.getEnd());
    return new CalendarEvent(
        e.getRecurringEventId() != null ? e.getRecurringEventId() : e.getId(),
        e.getOriginalStartTime() == null ? null : instant(e.getOriginalStartTime()),
        e.getSummary(),
        e.getDescription(),
        new TimeRange(start, end.isBefore(start) ? start : end),
        allDay,
        "cancelled".equals(e.getStatus()),
        "transparent".equals(e.getTransparency()),
        e.getOrganizer() == null ? null : address(e.getOrganizer().getEmail()),
        attendees(e.getAttendees()),
        e.getCreated() == null ? null : Instant.ofEpochMilli(e.getCreated().getValue()),
        secondcallId(e));
  }

  /** Date-only values (all-day events) begin at midnight in the user's zone. */
  Instant instant(EventDateTime t) {
    if (t == null) {
      throw new IllegalArgumentException("an event without a start");
    }
    if (t.getDateTime() != null) {
      return Instant.ofEpochMilli(t.getDateTime().getValue());
    }
    if (t.getDate() != null) {
      return LocalDate.parse(t.getDate().toStringRfc3339()).atStartOfDay(zone).toInstant();
    }
    throw new IllegalArgumentException("an event time with neither date nor dateTime");
  }

  private static List<Attendee> attendees(List<EventAttendee> attendees) {
    List<Attendee> out = new ArrayList<>();
    if (attendees == null) {
      return out;
    }
    for (EventAttendee a : attendees) {
      EmailAddress address = address(a.getEmail());
      if (address != null) {
        out.add(new Attendee(address, status(a.getResponseStatus())));
      }
    }
    return out;
  }

  static Attendee.Status status(String responseStatus) {
    if (responseStatus == null) {
      return Attendee.Status.NEEDS_ACTION;
    }
    return switch (responseStatus) {
      case "accepted" -> Attendee.Status.ACCEPTED;
      case "declined" -> Attendee.Status.DECLINED;
      case "tentative" -> Attendee.Status.TENTATIVE;
      default -> Attendee.Status.NEEDS_ACTION;
    };
  }

  /** Resources and odd entries may carry no usable address; they are no people to follow up with. */
  private static EmailAddress address(String email) {
    if (email == null) {
      return null;
    }
    try {
      return EmailAddress.of(email);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
