package io.secondcall.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.calendar.CalendarGatewayContract;
import io.secondcall.port.CalendarEvent;
import io.secondcall.core.TimeRange;
import io.secondcall.testing.Radicale;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each read after the first asks Radicale only for what changed, and still sees every change. */
class CalDavIncrementalReadIT {

  private static final String SYNC = "REPORT sync-collection depth 0";
  private static final String MULTIGET = "REPORT calendar-multiget depth 1";
  private static final String FULL_READ = "REPORT calendar-query depth 1";
  private static final String PROPS = "PROPFIND propfind depth 0";
  private static final String LISTING = "PROPFIND propfind depth 1";
  private static final TimeRange WEEK = CalendarGatewayContract.week();

  @TempDir
  static Path dir;

  private static Radicale radicale;

  private String user;
  private URI calendar;
  private CalDavCalendarGateway gateway;

  @BeforeAll
  static void startRadicale() throws Exception {
    radicale = Radicale.start(dir);
  }

  @AfterAll
  static void stopRadicale() {
    if (radicale != null) {
      radicale.close();
    }
  }

  @BeforeEach
  void freshCalendar() throws Exception {
    user = radicale.newUser();
    calendar = radicale.newCalendar(user);
    gateway = new CalDavCalendarGateway(calendar, user, Radicale.PASSWORD, ZoneId.of("Europe/Berlin"),
        Duration.ofSeconds(10));
  }

  /** Writes an event the way another calendar app would, past the gateway. */
  private void put(String name, String title, Instant start) throws Exception {
    String ics = String.join("\r\n", List.of("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//other app//EN",
        "BEGIN:VEVENT", "UID:" + name, "DTSTAMP:20261201T000000Z", "DTSTART:" + utc(start),
        "DTEND:" + utc(start.plus(Duration.ofHours(1))), "SUMMARY:" + title, "END:VEVENT", "END:VCALENDAR", ""));
    HttpResponse<String> response = radicale.send(user, "PUT", calendar.resolve(name + ".ics"), "text/calendar", ics);
    assertThat(response.statusCode()).as("PUT %s: %s", name, response.body()).isIn(201, 204);
  }

  private void delete(String name) throws Exception {
    assertThat(radicale.send(user, "DELETE", calendar.resolve(name + ".ics"), null, null).statusCode()).isEqualTo(200);
  }

  private static String utc(Instant t) {
    return t.toString().replace("-", "").replace(":", "");
  }

  private List<String> titles(TimeRange range) {
    return gateway.events(range).stream().map(CalendarEvent::title).toList();
  }

  /** The requests the gateway sends while {@code read} runs, by kind. */
  private Map<String, Integer> requestsDuring(Runnable read) {
    Map<String, Integer> before = gateway.requestCounts();
    read.run();
    Map<String, Integer> sent = new HashMap<>();
    gateway.requestCounts().forEach((kind, n) -> {
      int more = n - before.getOrDefault(kind, 0);
      if (more > 0) {
        sent.put(kind, more);
      }
    });
    return sent;
  }

  @Test
  void aReadWithoutChangesSendsOneSyncReportAndFetchesNothing() throws Exception {
    put("standup", "Standup", CalendarGatewayContract.MONDAY_10);
    assertThat(requestsDuring(() -> assertThat(titles(WEEK)).containsExactly("Standup")))
        .containsOnlyKeys(PROPS, FULL_READ);

    assertThat(requestsDuring(() -> assertThat(titles(WEEK)).containsExactly("Standup")))
        .isEqualTo(Map.of(SYNC, 1));
  }

  @Test
  void anEventAnotherAppAddsAppearsAndOnlyItIsFetched() throws Exception {
    put("standup", "Standup", CalendarGatewayContract.MONDAY_10);
    gateway.events(WEEK);

    put("review", "Review", CalendarGatewayContract.MONDAY_10.plus(Duration.ofHours(3)));

    assertThat(requestsDuring(() -> assertThat(titles(WEEK)).containsExactly("Standup", "Review")))
        .isEqualTo(Map.of(SYNC, 1, MULTIGET, 1));
  }

  @Test
  void anEventAnotherAppChangesIsReadAgain() throws Exception {
    put("standup", "Standup", CalendarGatewayContract.MONDAY_10);
    gateway.events(WEEK);

    Instant later = CalendarGatewayContract.MONDAY_10.plus(Duration.ofDays(1));
    put("standup", "Standup (moved)", later);

    List<CalendarEvent> events = gateway.events(WEEK);
    assertThat(events).extracting(CalendarEvent::title).containsExactly("Standup (moved)");
    assertThat(events.get(0).time().start()).isEqualTo(later);
  }

  @Test
  void anEventAnotherAppDeletesDisappearsWithoutAnyFetch() throws Exception {
    put("standup", "Standup", CalendarGatewayContract.MONDAY_10);
    put("review", "Review", CalendarGatewayContract.MONDAY_10.plus(Duration.ofHours(3)));
    gateway.events(WEEK);

    delete("standup");

    assertThat(requestsDuring(() -> assertThat(titles(WEEK)).containsExactly("Review")))
        .isEqualTo(Map.of(SYNC, 1));
  }

  @Test
  void ourOwnBlocksShowInTheNextReadAndLeaveItWhenDeleted() {
    gateway.events(WEEK);
    String id = "c0123456789abcdef.1.call";

    gateway.createBlock(CalendarGatewayContract.block(id, CalendarGatewayContract.MONDAY_10));
    assertThat(gateway.blockIds(WEEK)).containsExactly(id);
    assertThat(gateway.busy(WEEK)).hasSize(1);

    gateway.deleteBlock(id);
    assertThat(gateway.blockIds(WEEK)).isEmpty();
    assertThat(gateway.busy(WEEK)).isEmpty();
  }

  @Test
  void aWindowThatMovesOnFindsEventsReadBeforeWithoutReadingAgain() throws Exception {
    Instant nextSummer = Instant.parse("2027-07-05T08:00:00Z");
    put("holiday-planning", "Holiday planning", nextSummer);
    assertThat(titles(WEEK)).isEmpty();

    TimeRange summer = new TimeRange(nextSummer.minus(Duration.ofDays(1)), nextSummer.plus(Duration.ofDays(1)));
    assertThat(requestsDuring(() -> assertThat(titles(summer)).containsExactly("Holiday planning")))
        .isEqualTo(Map.of(SYNC, 1));
  }

  @Test
  void aSyncTokenTheServerDoesNotKnowLeadsToAFullReadWithEveryChange() throws Exception {
    put("standup", "Standup", CalendarGatewayContract.MONDAY_10);
    put("review", "Review", CalendarGatewayContract.MONDAY_10.plus(Duration.ofHours(3)));
    gateway.events(WEEK);
    String token = gateway.mirror().syncToken();

    put("retro", "Retro", CalendarGatewayContract.MONDAY_10.plus(Duration.ofHours(5)));
    delete("standup");
    gateway.mirror().useSyncToken("http://radicale.org/ns/sync/" + "0".repeat(64));

    assertThat(requestsDuring(() -> assertThat(titles(WEEK)).containsExactly("Review", "Retro")))
        .containsEntry(SYNC, 1).containsEntry(FULL_READ, 1).doesNotContainKey(MULTIGET);
    assertThat(gateway.mirror().syncToken()).isNotNull().isNotEqualTo(token);

    gateway.mirror().useSyncToken("not a token at all");
    assertThat(titles(WEEK)).containsExactly("Review", "Retro");
    assertThat(requestsDuring(() -> gateway.events(WEEK))).isEqualTo(Map.of(SYNC, 1));
  }

  @Test
  void withoutSyncCollectionAnUnchangedCtagMeansNoFurtherReading() throws Exception {
    gateway.mirror().useSyncCollection(false);
    put("standup", "Standup", CalendarGatewayContract.MONDAY_10);
    put("review", "Review", CalendarGatewayContract.MONDAY_10.plus(Duration.ofHours(3)));
    gateway.events(WEEK);

    assertThat(requestsDuring(() -> assertThat(titles(WEEK)).containsExactly("Standup", "Review")))
        .isEqualTo(Map.of(PROPS, 1));

    put("review", "Review (longer)", CalendarGatewayContract.MONDAY_10.plus(Duration.ofHours(3)));
    delete("standup");
    put("retro", "Retro", CalendarGatewayContract.MONDAY_10.plus(Duration.ofHours(5)));

    assertThat(requestsDuring(() -> assertThat(titles(WEEK)).containsExactly("Review (longer)", "Retro")))
        .isEqualTo(Map.of(PROPS, 1, LISTING, 1, MULTIGET, 1));
  }

  @Test
  void aCalendarDeletedAndMadeAgainWhileRunningIsReadAfresh() throws Exception {
    put("standup", "Standup", CalendarGatewayContract.MONDAY_10);
    assertThat(titles(WEEK)).containsExactly("Standup");

    assertThat(radicale.send(user, "DELETE", calendar, null, null).statusCode()).isEqualTo(200);
    assertThat(radicale.send(user, "MKCALENDAR", calendar, null, null).statusCode()).isEqualTo(201);
    put("review", "Review", CalendarGatewayContract.MONDAY_10.plus(Duration.ofHours(3)));

    // Radicale names the stale token (valid-sync-token), so no cycle fails at all.
    assertThat(titles(WEEK)).containsExactly("Review");
    assertThat(titles(WEEK)).containsExactly("Review");
  }
}
