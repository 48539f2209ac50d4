package io.secondcall.port;

import io.secondcall.core.TimeRange;
import io.secondcall.core.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One event (or one instance of a recurring event) as the calendar shows it.
 *
 * @param uid the event's UID (ICS/CalDAV) or id (Google)
 * @param recurrenceId the instance's start for an instance of a recurring event, else null
 * @param allDay true for date-only events (never meetings, never busy for callbacks)
 * @param cancelled STATUS:CANCELLED / status "cancelled"
 * @param transparent TRANSP:TRANSPARENT / transparency "transparent": shown as free
 * @param organizer the organizer, or null
 * @param created when the event was created (CREATED / created), or null when unknown
 * @param secondcallId our block id when this is one of our callback blocks, else null
 */
public record CalendarEvent(
    String uid,
    Instant recurrenceId,
    String title,
    String description,
    TimeRange time,
    boolean allDay,
    boolean cancelled,
    boolean transparent,
    EmailAddress organizer,
    List<Attendee> attendees,
    Instant created,
    String secondcallId) {

  /** An attendee and their answer. */
  public record Attendee(EmailAddress address, Status status) {

    public enum Status { NEEDS_ACTION, ACCEPTED, DECLINED, TENTATIVE }

    public Attendee {
      Objects.requireNonNull(address, "address");
      status = status == null ? Status.NEEDS_ACTION : status;
    }
  }

  public CalendarEvent {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(time, "time");
    title = title == null ? "" : title;
    description = description == null ? "" : description;
    attendees = attendees == null ? List.of() : List.copyOf(attendees);
  }

  /** Whether the event blocks time: not cancelled, not transparent, not all-day. */
  public boolean isBusy() {
    return !cancelled && !transparent && !allDay;
  }
}
