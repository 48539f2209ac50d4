package io.secondcall.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackBlock;
import io.secondcall.core.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every calendar provider must do, written once and run against each (James'
 * {@code *Contract} style). Implementations supply the gateway and a way to put events into the
 * calendar as another calendar app would.
 */
public interface CalendarGatewayContract {

  /** An event another app put into the calendar. */
  record SeedEvent(
      String uid,
      TimeRange time,
      String title,
      boolean allDay,
      boolean cancelled,
      boolean transparent,
      /** attendee address -> PARTSTAT (ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION) */
      Map<String, String> attendees,
      /** an RRULE value such as "FREQ=WEEKLY;COUNT=3", or null */
      String rrule) {

    public static SeedEvent meeting(String uid, Instant start, Duration length, String title, Map<String, String> attendees) {
      return new SeedEvent(uid, new TimeRange(start, start.plus(length)), title, false, false, false, attendees, null);
    }
  }

  Instant MONDAY_10 = Instant.parse("2026-12-07T09:00:00Z");

  CalendarGateway gateway();

  /** Puts an event into the calendar behind {@link #gateway()}, bypassing it. */
  void seed(SeedEvent event) throws Exception;

  static CallbackBlock block(String id, Instant start) {
    return new CallbackBlock(id, new TimeRange(start, start.plus(Duration.ofMinutes(15))),
        "Call Alice Martin: Proposal", "Phone: +49 89 1234567\nLast touch: Mon 30 Nov", "+49891234567");
  }

  static TimeRange week() {
    return new TimeRange(MONDAY_10.minus(Duration.ofDays(1)), MONDAY_10.plus(Duration.ofDays(6)));
  }

  @Test
  default void aCreatedBlockIsBusyTimeAndFoundByItsId() {
    CallbackBlock block = block("c0123456789abcdef.1.call", MONDAY_10);

    assertThat(gateway().createBlock(block)).isTrue();

    assertThat(gateway().busy(week())).containsExactly(block.time());
    assertThat(gateway().blockIds(week())).containsExactly(block.id());
    List<CalendarEvent> events = gateway().events(week());
    assertThat(events).hasSize(1);
    assertThat(events.get(0).secondcallId()).isEqualTo(block.id());
    assertThat(events.get(0).title()).isEqualTo(block.title());
    assertThat(events.get(0).description()).contains("+49 89 1234567");
  }

  @Test
  default void creatingTheSameBlockTwiceKeepsOne() {
    CallbackBlock block = block("c0123456789abcdef.1.call", MONDAY_10);

    assertThat(gateway().createBlock(block)).isTrue();
    assertThat(gateway().createBlock(block)).isFalse();

    assertThat(gateway().events(week())).hasSize(1);
  }

  @Test
  default void aDeletedBlockFreesTheTime() {
    CallbackBlock block = block("c0123456789abcdef.1.call", MONDAY_10);
    gateway().createBlock(block);

    gateway().deleteBlock(block.id());

    assertThat(gateway().busy(week())).isEmpty();
    assertThat(gateway().blockIds(week())).isEmpty();
  }

  @Test
  default void deletingABlockThatIsNotThereIsFine() {
    gateway().deleteBlock("c0123456789abcdef.9.call");
    assertThat(gateway().events(week())).isEmpty();
  }

  @Test
  default void aBlockCanBeBookedAgainAfterItWasDeleted() {
    CallbackBlock block = block("c0123456789abcdef.1.call", MONDAY_10);
    gateway().createBlock(block);
    gateway().deleteBlock(block.id());

    CallbackBlock later = block(block.id(), MONDAY_10.plus(Duration.ofDays(1)));
    assertThat(gateway().createBlock(later)).isTrue();

    assertThat(gateway().busy(week())).containsExactly(later.time());
  }

  @Test
  default void busyTimeCountsMeetingsButNotCancelledTransparentOrAllDayEvents() throws Exception {
    Instant at = MONDAY_10.plus(Duration.ofHours(2));
    seed(SeedEvent.meeting("meeting-1", at, Duration.ofHours(1), "Steering committee", Map.of()));
    seed(new SeedEvent("cancelled-1", new TimeRange(at.plus(Duration.ofHours(2)), at.plus(Duration.ofHours(3))),
        "Cancelled", false, true, false, Map.of(), null));
    seed(new SeedEvent("free-1", new TimeRange(at.plus(Duration.ofHours(3)), at.plus(Duration.ofHours(4))),
        "Reminder", false, false, true, Map.of(), null));
    seed(new SeedEvent("allday-1", new TimeRange(Instant.parse("2026-12-08T00:00:00Z"),
        Instant.parse("2026-12-09T00:00:00Z")), "Trade fair", true, false, false, Map.of(), null));

    assertThat(gateway().busy(week())).containsExactly(new TimeRange(at, at.plus(Duration.ofHours(1))));
  }

  @Test
  default void eventsCarryTheirAttendeesAndAnswers() throws Exception {
    seed(SeedEvent.meeting("meeting-1", MONDAY_10, Duration.ofMinutes(45), "Intro call",
        Map.of("alice@acme.example", "ACCEPTED", "bob@acme.example", "DECLINED")));

    List<CalendarEvent> events = gateway().events(week());

    assertThat(events).hasSize(1);
    CalendarEvent e = events.get(0);
    assertThat(e.title()).isEqualTo("Intro call");
    assertThat(e.secondcallId()).isNull();
    assertThat(e.attendees()).extracting(a -> a.address().address() + "=" + a.status())
        .containsExactlyInAnyOrder("alice@acme.example=ACCEPTED", "bob@acme.example=DECLINED");
  }

  @Test
  default void recurringEventsAreExpandedIntoInstances() throws Exception {
    seed(new SeedEvent("weekly-1", new TimeRange(MONDAY_10.minus(Duration.ofDays(7)),
        MONDAY_10.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(30))), "Weekly sync", false, false, false,
        Map.of(), "FREQ=WEEKLY;COUNT=3"));

    TimeRange twoWeeks = new TimeRange(MONDAY_10.minus(Duration.ofDays(8)), MONDAY_10.plus(Duration.ofDays(10)));
    assertThat(gateway().busy(twoWeeks)).containsExactly(
        new TimeRange(MONDAY_10.minus(Duration.ofDays(7)), MONDAY_10.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(30))),
        new TimeRange(MONDAY_10, MONDAY_10.plus(Duration.ofMinutes(30))),
        new TimeRange(MONDAY_10.plus(Duration.ofDays(7)), MONDAY_10.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(30))));
  }

  /**
   * A block whose title and description carry a contact's decoded display name and subject: every
   * kind of line break, forged properties and a bidi override. Written and read back, the block
   * is still ours: found by its id, created once, deleted; nothing became a property of its own.
   */
  @Test
  default void aHostileTitleCannotInjectPropertiesOrHideTheBlocksId() {
    List<String> breaks = List.of("\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029");
    StringBuilder title = new StringBuilder("Call J\u00fcrgen \u202Efdp.exe");
    StringBuilder description = new StringBuilder("Phone: +49 89 1234567");
    for (String br : breaks) {
      title.append(br).append("X-SECONDCALL-ID:forged").append(br).append("END:VEVENT");
      description.append(br).append("X-INJECTED:1;X-SECONDCALL-ID:forged");
    }
    CallbackBlock block = new CallbackBlock("c0123456789abcdef.3.call",
        new TimeRange(MONDAY_10, MONDAY_10.plus(Duration.ofMinutes(15))), title.toString(), description.toString(), null);

    assertThat(gateway().createBlock(block)).isTrue();
    assertThat(gateway().createBlock(block)).isFalse();

    assertThat(gateway().blockIds(week())).containsExactly(block.id());
    List<CalendarEvent> events = gateway().events(week());
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.secondcallId()).isEqualTo(block.id());
      assertThat(e.title()).startsWith("Call J\u00fcrgen fdp.exe")
          .doesNotContain("\r", "\n", "\u0085", "\u2028", "\u2029", "\u202E");
      assertThat(e.description()).startsWith("Phone: +49 89 1234567\nX-INJECTED:1;X-SECONDCALL-ID:forged\n")
          .doesNotContain("\r", "\u0085", "\u2028", "\u2029");
      assertThat(e.description().lines()).hasSize(1 + breaks.size());
    });
    assertThat(gateway().busy(week())).containsExactly(block.time());

    gateway().deleteBlock(block.id());

    assertThat(gateway().blockIds(week())).isEmpty();
    assertThat(gateway().events(week())).isEmpty();
  }
}
