package io.secondcall.calendar.ics;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.calendar.ical.IcalReader;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarEvent.Attendee.Status;
import io.secondcall.core.TimeRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-world shaped files from src/test/resources/ics, with every expanded instance checked; the
 * shared samples of src/test/resources/ical read the same here as a CalDAV resource would.
 */
class IcsSampleFilesTest {

  @TempDir Path dir;

  private List<CalendarEvent> events(String sample, String from, String to) {
    IcsCalendarGateway calendar = new IcsCalendarGateway(IcsFiles.sample(dir, sample), ZoneId.of("Europe/Berlin"));
    return calendar.events(range(from, to));
  }

  private static TimeRange range(String from, String to) {
    return new TimeRange(Instant.parse(from), Instant.parse(to));
  }

  /** "start - end title", times in UTC. */
  private static List<String> times(List<CalendarEvent> events) {
    return events.stream().map(e -> e.time().start() + " - " + e.time().end() + " " + e.title()).toList();
  }

  @Test
  void berlinTimesKeepTheirWallClockAcrossBothDstChanges() {
    assertThat(times(events("berlin-dst.ics", "2026-03-01T00:00:00Z", "2026-12-01T00:00:00Z"))).containsExactly(
        "2026-03-27T09:00:00Z - 2026-03-27T09:15:00Z Daily check-in",
        "2026-03-28T09:00:00Z - 2026-03-28T09:15:00Z Daily check-in",
        "2026-03-29T08:00:00Z - 2026-03-29T08:15:00Z Daily check-in",
        "2026-03-30T08:00:00Z - 2026-03-30T08:15:00Z Daily check-in",
        "2026-10-19T07:30:00Z - 2026-10-19T08:00:00Z Standup",
        "2026-10-24T23:30:00Z - 2026-10-25T03:00:00Z Server migration over the clock change",
        "2026-10-26T08:30:00Z - 2026-10-26T09:00:00Z Standup",
        "2026-11-02T08:30:00Z - 2026-11-02T09:00:00Z Standup");
  }

  @Test
  void aRangeSeesOnlyTheInstancesThatOverlapIt() {
    List<CalendarEvent> events = events("berlin-dst.ics", "2026-10-26T08:45:00Z", "2026-11-02T08:31:00Z");

    assertThat(times(events)).containsExactly(
        "2026-10-26T08:30:00Z - 2026-10-26T09:00:00Z Standup",
        "2026-11-02T08:30:00Z - 2026-11-02T09:00:00Z Standup");
    assertThat(events).extracting(CalendarEvent::recurrenceId)
        .containsExactly(Instant.parse("2026-10-26T08:30:00Z"), Instant.parse("2026-11-02T08:30:00Z"));
  }

  @Test
  void exdateRdateAndOverridesShapeAWeeklySeries() {
    List<CalendarEvent> events = events("weekly-exceptions.ics", "2026-11-01T00:00:00Z", "2026-12-07T00:00:00Z");

    assertThat(times(events)).containsExactly(
        "2026-11-03T13:00:00Z - 2026-11-03T14:00:00Z Weekly review",
        "2026-11-05T08:00:00Z - 2026-11-05T09:00:00Z Weekly review",
        "2026-11-18T15:00:00Z - 2026-11-18T16:00:00Z Weekly review (moved to Wednesday)",
        "2026-11-24T13:00:00Z - 2026-11-24T14:00:00Z Weekly review",
        "2026-12-01T13:00:00Z - 2026-12-01T14:00:00Z Weekly review");
    assertThat(events).extracting(CalendarEvent::recurrenceId).containsExactly(
        Instant.parse("2026-11-03T13:00:00Z"), Instant.parse("2026-11-05T08:00:00Z"),
        Instant.parse("2026-11-17T13:00:00Z"), Instant.parse("2026-11-24T13:00:00Z"),
        Instant.parse("2026-12-01T13:00:00Z"));
    assertThat(events).extracting(CalendarEvent::cancelled).containsExactly(false, false, false, true, false);
    assertThat(events).extracting(CalendarEvent::isBusy).containsExactly(true, true, true, false, true);
  }

  @Test
  void allDayEventsSpanTheUsersDaysAndAreNeverBusy() {
    IcsCalendarGateway calendar = new IcsCalendarGateway(IcsFiles.sample(dir, "all-day.ics"), ZoneId.of("Europe/Berlin"));
    TimeRange range = range("2026-12-07T00:00:00Z", "2026-12-12T00:00:00Z");

    List<CalendarEvent> events = calendar.events(range);

    assertThat(times(events)).containsExactly(
        "2026-12-07T23:00:00Z - 2026-12-09T23:00:00Z Trade fair",
        "2026-12-08T10:00:00Z - 2026-12-08T11:30:00Z Meeting at the booth",
        "2026-12-08T23:00:00Z - 2026-12-09T23:00:00Z Bob's birthday");
    assertThat(events).extracting(CalendarEvent::allDay).containsExactly(true, false, true);
    assertThat(events.get(2).recurrenceId()).isEqualTo(Instant.parse("2026-12-08T23:00:00Z"));
    assertThat(events.get(2).transparent()).isTrue();
    assertThat(calendar.busy(range)).containsExactly(range("2026-12-08T10:00:00Z", "2026-12-08T11:30:00Z"));
  }

  @Test
  void aGoogleExportGivesInstancesAttendeesAnswersAndOrganizer() {
    List<CalendarEvent> events = events("google-export.ics", "2026-11-30T00:00:00Z", "2026-12-31T00:00:00Z");

    assertThat(times(events)).containsExactly(
        "2026-12-01T10:00:00Z - 2026-12-01T10:45:00Z Acme rollout",
        "2026-12-08T14:00:00Z - 2026-12-08T14:45:00Z Acme rollout",
        "2026-12-09T15:00:00Z - 2026-12-09T16:00:00Z Focus time",
        "2026-12-15T10:00:00Z - 2026-12-15T10:45:00Z Acme rollout",
        "2026-12-23T23:00:00Z - 2026-12-24T23:00:00Z Christmas Eve");
    CalendarEvent first = events.get(0);
    assertThat(first.uid()).isEqualTo("4h2k9v3n0q8r1s7t6u5v4w3x2y@google.com");
    assertThat(first.organizer().address()).isEqualTo("dana@example.com");
    assertThat(first.created()).isEqualTo(Instant.parse("2026-11-25T14:15:00Z"));
    assertThat(first.description())
        .isEqualTo("Agenda: pricing, rollout; next steps.\nJoin with Google Meet: https://meet.google.com/abc-defg-hij");
    assertThat(first.attendees()).extracting(a -> a.address().address() + "=" + a.status()).containsExactly(
        "alice@acme.example=ACCEPTED", "bob@acme.example=NEEDS_ACTION", "dana@example.com=ACCEPTED");
    assertThat(first.attendees().get(0).address().name()).isEqualTo("Alice Martin");
    CalendarEvent moved = events.get(1);
    assertThat(moved.recurrenceId()).isEqualTo(Instant.parse("2026-12-08T10:00:00Z"));
    assertThat(moved.attendees()).extracting(CalendarEvent.Attendee::status)
        .containsExactly(Status.DECLINED, Status.TENTATIVE);
    assertThat(events).extracting(CalendarEvent::isBusy).containsExactly(true, true, false, true, false);
  }

  @Test
  void anOutlookExportWithWindowsZoneNamesAndACustomZone() {
    List<CalendarEvent> events = events("outlook-export.ics", "2026-10-19T00:00:00Z", "2026-11-10T00:00:00Z");

    assertThat(times(events)).containsExactly(
        "2026-10-23T08:00:00Z - 2026-10-23T09:30:00Z Planning",
        "2026-10-30T09:00:00Z - 2026-10-30T10:30:00Z Planning",
        "2026-10-30T14:00:00Z - 2026-10-30T15:00:00Z Call with the New York office",
        "2026-11-02T14:00:00Z - 2026-11-02T14:45:00Z Vendor demo",
        "2026-11-06T15:00:00Z - 2026-11-06T16:00:00Z Call with the New York office");
    CalendarEvent planning = events.get(0);
    assertThat(planning.organizer().address()).isEqualTo("dana@example.com");
    assertThat(planning.attendees()).extracting(a -> a.address().address() + "=" + a.status())
        .containsExactly("carol@contoso.example=TENTATIVE");
    assertThat(planning.created()).isEqualTo(Instant.parse("2026-10-01T10:10:10Z"));
  }

  @Test
  void theSharedSampleExportsReadAsTheCalDavAdapterReadsThem() throws Exception {
    TimeRange weeks = range("2026-10-19T00:00:00Z", "2026-11-09T00:00:00Z");
    IcalReader resources = new IcalReader(ZoneId.of("Europe/Berlin"));
    for (String name : List.of("google.ics", "nextcloud.ics", "outlook.ics", "apple.ics")) {
      Path file = IcsFiles.copy(dir, "/ical/" + name);
      List<CalendarEvent> asResource = resources.read(Files.readString(file), name).events(weeks);

      assertThat(new IcsCalendarGateway(file, ZoneId.of("Europe/Berlin")).events(weeks)).as(name)
          .isNotEmpty().isEqualTo(asResource);
    }
  }
}
