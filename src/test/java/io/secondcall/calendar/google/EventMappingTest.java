package io.secondcall.calendar.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarEvent.Attendee.Status;
import io.secondcall.port.CallbackBlock;
import io.secondcall.core.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Google's event JSON model read as the port's events, and blocks written as Google events. */
class EventMappingTest {

  private final EventMapping mapping = new EventMapping(ZoneId.of("America/New_York"));

  @Test
  void aBlockIsWrittenInTheUsersZoneWithItsIdInAPrivateProperty() {
    CallbackBlock block = new CallbackBlock("c1.2.call", new TimeRange(Instant.parse("2026-07-01T14:00:00Z"),
        Instant.parse("2026-07-01T14:15:00Z")), "Call Alice: Proposal", "Phone: +1 212 555 0100", "+12125550100");

    Event event = mapping.toEvent(block);

    assertThat(event.getId()).isEqualTo(EventIds.forBlock("c1.2.call"));
    assertThat(event.getStart().getDateTime().toStringRfc3339()).isEqualTo("2026-07-01T10:00:00.000-04:00");
    assertThat(event.getStart().getTimeZone()).isEqualTo("America/New_York");
    assertThat(event.getExtendedProperties().getPrivate()).containsEntry("secondcallId", "c1.2.call");
    assertThat(event.getTransparency()).isEqualTo("opaque");
    assertThat(event.getSummary()).isEqualTo("Call Alice: Proposal");
    assertThat(mapping.toCalendarEvent(event).time()).isEqualTo(block.time());
  }

  @Test
  void anInstanceOfARecurringMeetingCarriesItsSeriesIdAttendeesAndFlags() {
    Event instance = new Event()
        .setId("abc123_20261207T150000Z")
        .setRecurringEventId("abc123")
        .setOriginalStartTime(at("2026-12-07T15:00:00Z"))
        .setStart(at("2026-12-07T16:00:00Z"))
        .setEnd(at("2026-12-07T16:30:00Z"))
        .setSummary("Weekly sync")
        .setStatus("confirmed")
        .setTransparency("transparent")
        .setCreated(new DateTime("2026-11-01T09:00:00Z"))
        .setOrganizer(new Event.Organizer().setEmail("Boss@Acme.example"))
        .setAttendees(List.of(
            new EventAttendee().setEmail("a@acme.example").setResponseStatus("accepted"),
            new EventAttendee().setEmail("d@acme.example").setResponseStatus("declined"),
            new EventAttendee().setEmail("t@acme.example").setResponseStatus("tentative"),
            new EventAttendee().setEmail("n@acme.example").setResponseStatus("needsAction"),
            new EventAttendee().setDisplayName("Room 4")));

    CalendarEvent e = mapping.toCalendarEvent(instance);

    assertThat(e.uid()).isEqualTo("abc123");
    assertThat(e.recurrenceId()).isEqualTo(Instant.parse("2026-12-07T15:00:00Z"));
    assertThat(e.time().start()).isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));
    assertThat(e.transparent()).isTrue();
    assertThat(e.isBusy()).isFalse();
    assertThat(e.organizer().address()).isEqualTo("boss@acme.example");
    assertThat(e.created()).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
    assertThat(e.secondcallId()).isNull();
    assertThat(e.attendees()).extracting(a -> a.address().localPart() + "=" + a.status())
        .containsExactly("a=" + Status.ACCEPTED, "d=" + Status.DECLINED, "t=" + Status.TENTATIVE,
            "n=" + Status.NEEDS_ACTION);
  }

  @Test
  void anAllDayEventRunsFromMidnightToMidnightInTheUsersZoneAndIsNotBusy() {
    Event allDay = new Event().setId("fair1").setSummary("Trade fair")
        .setStart(new EventDateTime().setDate(new DateTime("2026-12-08")))
        .setEnd(new EventDateTime().setDate(new DateTime("2026-12-09")));

    CalendarEvent e = mapping.toCalendarEvent(allDay);

    assertThat(e.allDay()).isTrue();
    assertThat(e.isBusy()).isFalse();
    assertThat(e.time()).isEqualTo(new TimeRange(Instant.parse("2026-12-08T05:00:00Z"),
        Instant.parse("2026-12-09T05:00:00Z")));
  }

  @Test
  void aCancelledEventIsNotBusyAndOurBlocksAreRecognised() {
    Event cancelled = new Event().setId("blk").setStatus("cancelled")
        .setStart(at("2026-12-07T16:00:00Z")).setEnd(at("2026-12-07T16:15:00Z"))
        .setExtendedProperties(new Event.ExtendedProperties().setPrivate(Map.of("secondcallId", "c1.1.call")));

    CalendarEvent e = mapping.toCalendarEvent(cancelled);

    assertThat(e.cancelled()).isTrue();
    assertThat(e.isBusy()).isFalse();
    assertThat(e.secondcallId()).isEqualTo("c1.1.call");
  }

  private static EventDateTime at(String instant) {
    return new EventDateTime().setDateTime(new DateTime(instant));
  }
}
