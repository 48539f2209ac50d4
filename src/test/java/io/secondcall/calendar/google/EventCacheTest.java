package io.secondcall.calendar.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.calendar.google.EventCache.Change;
import io.secondcall.port.CalendarEvent;
import io.secondcall.core.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCacheTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant MONDAY_10 = Instant.parse("2026-12-07T09:00:00Z");
  private static final TimeRange ALL = new TimeRange(START, START.plus(Duration.ofDays(120)));

  private final EventCache cache = new EventCache();

  @Test
  void anEmptyCacheCoversNothing() {
    assertThat(cache.covers(MONDAY_10)).isFalse();
  }

  @Test
  void aFullReadCoversRangesFromItsWindowStartOn() {
    cache.replace(START, Map.of(), "token-1");

    assertThat(cache.covers(START)).isTrue();
    assertThat(cache.covers(MONDAY_10)).isTrue();
    assertThat(cache.covers(START.minusSeconds(1))).isFalse();
  }

  @Test
  void aFullReadWithoutATokenCoversNothingSoTheNextReadIsFullAgain() {
    cache.replace(START, Map.of("a", single("a", MONDAY_10, "Standup")), null);

    assertThat(cache.covers(MONDAY_10)).isFalse();
    assertThat(cache.overlapping(ALL)).hasSize(1);
  }

  @Test
  void eventsOverlappingTheRangeComeSortedByStart() {
    Map<String, CalendarEvent> events = new LinkedHashMap<>();
    events.put("late", single("late", MONDAY_10.plus(Duration.ofHours(3)), "Late"));
    events.put("early", single("early", MONDAY_10, "Early"));
    events.put("nextweek", single("nextweek", MONDAY_10.plus(Duration.ofDays(7)), "Next week"));
    cache.replace(START, events, "token-1");

    assertThat(cache.overlapping(new TimeRange(MONDAY_10, MONDAY_10.plus(Duration.ofDays(1)))))
        .extracting(CalendarEvent::title).containsExactly("Early", "Late");
  }

  @Test
  void changesReplaceAddAndRemoveByIdAndKeepTheNewToken() {
    cache.replace(START, Map.of("a", single("a", MONDAY_10, "Standup"), "b", single("b", MONDAY_10, "Review")),
        "token-1");

    cache.apply(List.of(new Change("a", single("a", MONDAY_10.plus(Duration.ofDays(1)), "Standup moved")),
        Change.removed("b"), new Change("c", single("c", MONDAY_10, "New"))), "token-2");

    assertThat(cache.overlapping(ALL)).extracting(CalendarEvent::title).containsExactly("New", "Standup moved");
    assertThat(cache.syncToken()).isEqualTo("token-2");
  }

  @Test
  void aRemovedSeriesTakesItsInstancesWith() {
    cache.replace(START, Map.of(
        "w_1", instance("w", MONDAY_10), "w_2", instance("w", MONDAY_10.plus(Duration.ofDays(7))),
        "other", single("other", MONDAY_10, "Other")), "token-1");

    cache.apply(List.of(Change.removed("w")), "token-2");

    assertThat(cache.overlapping(ALL)).extracting(CalendarEvent::title).containsExactly("Other");
  }

  @Test
  void cancelledEventsAndChangesBeforeTheWindowAreNotKept() {
    cache.replace(START, Map.of(), "token-1");
    CalendarEvent cancelled = new CalendarEvent("x", null, "Cancelled", null,
        new TimeRange(MONDAY_10, MONDAY_10.plusSeconds(1800)), false, true, false, null, null, null, null);

    cache.apply(List.of(new Change("old", single("old", START.minus(Duration.ofDays(3)), "Old")),
        new Change("x", cancelled)), "token-2");

    assertThat(cache.size()).isZero();
  }

  @Test
  void clearingForgetsEventsAndToken() {
    cache.replace(START, Map.of("a", single("a", MONDAY_10, "Standup")), "token-1");

    cache.clear();

    assertThat(cache.size()).isZero();
    assertThat(cache.syncToken()).isNull();
    assertThat(cache.covers(MONDAY_10)).isFalse();
  }

  private static CalendarEvent single(String id, Instant start, String title) {
    return new CalendarEvent(id, null, title, null, new TimeRange(start, start.plusSeconds(1800)), false, false,
        false, null, null, null, null);
  }

  private static CalendarEvent instance(String series, Instant start) {
    return new CalendarEvent(series, start, "Weekly", null, new TimeRange(start, start.plusSeconds(1800)), false,
        false, false, null, null, null, null);
  }
}
