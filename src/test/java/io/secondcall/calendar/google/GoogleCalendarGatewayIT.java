package io.secondcall.calendar.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secondcall.calendar.CalendarGatewayContract;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackBlock;
import io.secondcall.core.TimeRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Google calendar keeps the shared contract, against a local Calendar v3 fake. */
class GoogleCalendarGatewayIT implements CalendarGatewayContract {

  private static final String CALENDAR = "dana@example.com";

  @TempDir
  Path dir;
  private FakeGoogleCalendar fake;
  private GoogleCalendarGateway gateway;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeGoogleCalendar();
    gateway = FakeGoogleAccount.in(dir, fake).gateway(CALENDAR);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Override
  public CalendarGateway gateway() {
    return gateway;
  }

  /** As Google stores an event another app created: a server-chosen id, times with an offset. */
  @Override
  public void seed(SeedEvent e) {
    ObjectNode event = FakeCalendarStore.JSON.createObjectNode()
        .put("id", EventIds.base32hex(e.uid().getBytes(StandardCharsets.UTF_8)))
        .put("iCalUID", e.uid())
        .put("summary", e.title())
        .put("status", e.cancelled() ? "cancelled" : "confirmed")
        .put("transparency", e.transparent() ? "transparent" : "opaque")
        .put("created", "2026-11-20T10:00:00.000Z");
    event.putObject("organizer").put("email", "boss@acme.example");
    event.set("start", time(e.time().start(), e.allDay()));
    event.set("end", time(e.time().end(), e.allDay()));
    ArrayNode attendees = event.putArray("attendees");
    e.attendees().forEach((address, partstat) -> attendees.addObject().put("email", address)
        .put("responseStatus", responseStatus(partstat)));
    if (e.rrule() != null) {
      event.putArray("recurrence").add("RRULE:" + e.rrule());
    }
    fake.store.put(CALENDAR, event);
  }

  private static ObjectNode time(Instant instant, boolean allDay) {
    ObjectNode time = FakeCalendarStore.JSON.createObjectNode();
    if (allDay) {
      return time.put("date", instant.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }
    return time.put("dateTime", FakeCalendarStore.rfc3339(instant.atZone(FakeGoogleAccount.ZONE).toOffsetDateTime()))
        .put("timeZone", FakeGoogleAccount.ZONE.getId());
  }

  private static String responseStatus(String partstat) {
    String[] words = partstat.toLowerCase(Locale.ROOT).split("-");
    return words.length == 1 ? words[0] : words[0] + Character.toUpperCase(words[1].charAt(0)) + words[1].substring(1);
  }

  @Test
  void aBlockIsStoredUnderItsDerivedIdInTheUsersZoneWithOurPrivateProperty() {
    CallbackBlock block = CalendarGatewayContract.block("c0123456789abcdef.1.call", MONDAY_10);

    gateway.createBlock(block);

    assertThat(fake.gzipBodies()).as("the real client gzips bodies; the fake inflates them").isEqualTo(1);
    List<ObjectNode> stored = fake.store.all(CALENDAR);
    assertThat(stored).hasSize(1);
    ObjectNode event = stored.get(0);
    assertThat(event.get("id").asText()).isEqualTo(EventIds.forBlock(block.id())).matches("[a-v0-9]{5,1024}");
    assertThat(event.at("/extendedProperties/private/secondcallId").asText()).isEqualTo(block.id());
    assertThat(event.at("/start/dateTime").asText()).isEqualTo("2026-12-07T10:00:00.000+01:00");
    assertThat(event.at("/start/timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(event.at("/end/dateTime").asText()).isEqualTo("2026-12-07T10:15:00.000+01:00");
    assertThat(event.at("/reminders/useDefault").asBoolean()).isTrue();
    assertThat(event.get("description").asText()).isEqualTo(block.description());
  }

  @Test
  void aDeletedBlockIsBookedAgainByRestoringItsEventNotByASecondOne() {
    CallbackBlock block = CalendarGatewayContract.block("c0123456789abcdef.1.call", MONDAY_10);
    gateway.createBlock(block);
    gateway.deleteBlock(block.id());
    assertThat(fake.store.all(CALENDAR)).singleElement()
        .satisfies(e -> assertThat(e.get("status").asText()).isEqualTo("cancelled"));

    CallbackBlock later = CalendarGatewayContract.block(block.id(), MONDAY_10.plus(Duration.ofHours(3)));
    assertThat(gateway.createBlock(later)).isTrue();
    assertThat(gateway.createBlock(later)).isFalse();

    assertThat(fake.store.all(CALENDAR)).singleElement().satisfies(e -> {
      assertThat(e.get("status").asText()).isEqualTo("confirmed");
      assertThat(e.at("/start/dateTime").asText()).isEqualTo("2026-12-07T13:00:00.000+01:00");
    });
    assertThat(gateway.blockIds(CalendarGatewayContract.week())).containsExactly(block.id());
  }

  @Test
  void deletingABlockTwiceIsFine() {
    CallbackBlock block = CalendarGatewayContract.block("c0123456789abcdef.1.call", MONDAY_10);
    gateway.createBlock(block);

    gateway.deleteBlock(block.id());
    gateway.deleteBlock(block.id());

    assertThat(gateway.events(CalendarGatewayContract.week())).isEmpty();
  }

  @Test
  void eventsCarryOrganizerCreationTimeAndInstancesTheirSeries() throws Exception {
    seed(new SeedEvent("weekly-1", new TimeRange(MONDAY_10, MONDAY_10.plus(Duration.ofMinutes(30))), "Weekly sync",
        false, false, false, Map.of("alice@acme.example", "NEEDS-ACTION", "carol@acme.example", "TENTATIVE"),
        "FREQ=WEEKLY;COUNT=2"));

    List<CalendarEvent> events = gateway.events(new TimeRange(MONDAY_10, MONDAY_10.plus(Duration.ofDays(14))));

    assertThat(events).extracting(CalendarEvent::recurrenceId)
        .containsExactly(MONDAY_10, MONDAY_10.plus(Duration.ofDays(7)));
    CalendarEvent first = events.get(0);
    assertThat(first.uid()).isEqualTo(EventIds.base32hex("weekly-1".getBytes(StandardCharsets.UTF_8)));
    assertThat(events.get(1).uid()).isEqualTo(first.uid());
    assertThat(first.organizer().address()).isEqualTo("boss@acme.example");
    assertThat(first.created()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    assertThat(first.attendees()).extracting(a -> a.address().address() + "=" + a.status())
        .containsExactlyInAnyOrder("alice@acme.example=NEEDS_ACTION", "carol@acme.example=TENTATIVE");
  }

  @Test
  void allDayEventsAreListedAsAllDayFromMidnightInTheUsersZone() throws Exception {
    seed(new SeedEvent("allday-1", new TimeRange(Instant.parse("2026-12-08T00:00:00Z"),
        Instant.parse("2026-12-09T00:00:00Z")), "Trade fair", true, false, false, Map.of(), null));

    assertThat(gateway.events(CalendarGatewayContract.week())).singleElement().satisfies(e -> {
      assertThat(e.allDay()).isTrue();
      assertThat(e.time()).isEqualTo(new TimeRange(Instant.parse("2026-12-07T23:00:00Z"),
          Instant.parse("2026-12-08T23:00:00Z")));
    });
  }

  @Test
  void manyEventsArriveOverSeveralPages() throws Exception {
    fake.pageSize(2);
    for (int i = 0; i < 5; i++) {
      Instant start = MONDAY_10.plus(Duration.ofHours(i));
      seed(new SeedEvent("meeting-" + i, new TimeRange(start, start.plus(Duration.ofMinutes(30))), "Meeting " + i,
          false, false, false, Map.of(), null));
    }

    assertThat(gateway.events(CalendarGatewayContract.week())).extracting(CalendarEvent::title)
        .containsExactly("Meeting 0", "Meeting 1", "Meeting 2", "Meeting 3", "Meeting 4");
    assertThat(fake.requests()).filteredOn(r -> r.startsWith("GET")).hasSize(3);
  }

  @Test
  void blockIdsAreThoseStartingInTheRange() {
    gateway.createBlock(CalendarGatewayContract.block("c1.1.call", MONDAY_10));
    gateway.createBlock(CalendarGatewayContract.block("c2.1.call", MONDAY_10.plus(Duration.ofHours(1))));

    TimeRange fromTenPastTen = new TimeRange(MONDAY_10.plus(Duration.ofMinutes(10)), MONDAY_10.plus(Duration.ofDays(1)));
    assertThat(gateway.blockIds(fromTenPastTen)).containsExactly("c2.1.call");
  }
}
