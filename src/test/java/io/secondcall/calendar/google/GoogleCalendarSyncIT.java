package io.secondcall.calendar.google;

import static io.secondcall.calendar.CalendarGatewayContract.MONDAY_10;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secondcall.calendar.CalendarGatewayContract;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.ServerAccessException;
import io.secondcall.core.TimeRange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each cycle reads only what changed since the last one, and still sees everything that changed. */
class GoogleCalendarSyncIT {

  private static final String CALENDAR = "dana@example.com";
  /** What secondcall asks for each cycle: a month back, three months ahead. */
  private static final TimeRange WINDOW = new TimeRange(FakeGoogleAccount.NOW.minus(Duration.ofDays(30)),
      FakeGoogleAccount.NOW.plus(Duration.ofDays(90)));

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

  @Test
  void theFirstCallReadsTheCalendarAndASecondWithoutChangesTransfersNoEvents() {
    putMeeting("standup01", MONDAY_10, "Standup");
    putMeeting("review001", MONDAY_10.plus(Duration.ofHours(2)), "Review");

    assertThat(titles(gateway.events(WINDOW))).containsExactly("Standup", "Review");
    assertThat(fake.fullLists()).isEqualTo(1);
    assertThat(fake.syncLists()).isZero();
    int listed = fake.eventsListed();

    assertThat(titles(gateway.events(WINDOW))).containsExactly("Standup", "Review");

    assertThat(fake.fullLists()).as("no second full read").isEqualTo(1);
    assertThat(fake.syncLists()).isEqualTo(1);
    assertThat(fake.eventsListed()).as("nothing changed, nothing transferred").isEqualTo(listed);
  }

  @Test
  void eventsAddedMovedAndDeletedByAnotherAppShowUpMoveAndDisappear() {
    putMeeting("standup01", MONDAY_10, "Standup");
    putMeeting("review001", MONDAY_10.plus(Duration.ofHours(2)), "Review");
    gateway.events(WINDOW);
    int listed = fake.eventsListed();

    putMeeting("newcall01", MONDAY_10.plus(Duration.ofHours(4)), "New call");
    assertThat(titles(gateway.events(WINDOW))).containsExactly("Standup", "Review", "New call");
    assertThat(fake.eventsListed() - listed).as("only the new event was transferred").isEqualTo(1);

    putMeeting("standup01", MONDAY_10.plus(Duration.ofDays(1)), "Standup");
    assertThat(gateway.events(WINDOW)).extracting(e -> e.title() + "@" + e.time().start())
        .containsExactly("Review@2026-12-07T11:00:00Z", "New call@2026-12-07T13:00:00Z",
            "Standup@2026-12-08T09:00:00Z");

    fake.store.delete(CALENDAR, "review001");
    assertThat(titles(gateway.events(WINDOW))).containsExactly("New call", "Standup");

    assertThat(fake.fullLists()).isEqualTo(1);
    assertThat(fake.syncLists()).isEqualTo(3);
  }

  @Test
  void instancesOfASeriesFollowItsChangesAndItsDeletion() {
    ObjectNode weekly = meeting("weekly001", MONDAY_10, "Weekly");
    weekly.putArray("recurrence").add("RRULE:FREQ=WEEKLY;COUNT=3");
    fake.store.put(CALENDAR, weekly);
    assertThat(gateway.events(WINDOW)).hasSize(3);

    weekly.putArray("recurrence").add("RRULE:FREQ=WEEKLY;COUNT=2");
    fake.store.put(CALENDAR, weekly);
    assertThat(gateway.events(WINDOW)).extracting(e -> e.time().start())
        .containsExactly(MONDAY_10, MONDAY_10.plus(Duration.ofDays(7)));

    ObjectNode later = meeting("weekly001", MONDAY_10.plus(Duration.ofHours(1)), "Weekly");
    later.putArray("recurrence").add("RRULE:FREQ=WEEKLY;COUNT=2");
    fake.store.put(CALENDAR, later);
    assertThat(gateway.events(WINDOW)).extracting(e -> e.time().start())
        .containsExactly(MONDAY_10.plus(Duration.ofHours(1)),
            MONDAY_10.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));

    fake.store.delete(CALENDAR, "weekly001");
    assertThat(gateway.events(WINDOW)).isEmpty();
    assertThat(fake.fullLists()).isEqualTo(1);
  }

  @Test
  void anExpiredSyncTokenLeadsToOneFullReadWithCorrectResults() {
    putMeeting("standup01", MONDAY_10, "Standup");
    putMeeting("review001", MONDAY_10.plus(Duration.ofHours(2)), "Review");
    gateway.events(WINDOW);

    fake.expireSyncTokens();
    fake.store.delete(CALENDAR, "standup01");
    putMeeting("newcall01", MONDAY_10.plus(Duration.ofHours(4)), "New call");

    assertThat(titles(gateway.events(WINDOW))).containsExactly("Review", "New call");
    assertThat(fake.fullLists()).isEqualTo(2);

    assertThat(titles(gateway.events(WINDOW))).containsExactly("Review", "New call");
    assertThat(fake.fullLists()).as("the new token is used again").isEqualTo(2);
    assertThat(fake.syncLists()).as("the refused one and the one after the full read").isEqualTo(2);
  }

  @Test
  void ourOwnBlocksAppearAndDisappearOnTheNextCall() {
    gateway.events(WINDOW);
    var block = CalendarGatewayContract.block("c1.1.call", MONDAY_10);

    gateway.createBlock(block);
    assertThat(gateway.events(WINDOW)).extracting(CalendarEvent::secondcallId).containsExactly(block.id());
    assertThat(gateway.busy(WINDOW)).containsExactly(block.time());

    gateway.deleteBlock(block.id());
    assertThat(gateway.events(WINDOW)).isEmpty();
    assertThat(gateway.blockIds(WINDOW)).isEmpty();
    assertThat(fake.fullLists()).isEqualTo(1);
  }

  @Test
  void aRangeReachingFurtherBackThanTheCacheReadsTheWiderWindow() {
    putMeeting("oldmeet01", FakeGoogleAccount.NOW.minus(Duration.ofDays(20)), "Old meeting");
    putMeeting("standup01", MONDAY_10, "Standup");
    TimeRange ahead = new TimeRange(FakeGoogleAccount.NOW, WINDOW.end());

    assertThat(titles(gateway.events(ahead))).containsExactly("Standup");
    assertThat(titles(gateway.events(WINDOW))).containsExactly("Old meeting", "Standup");
    assertThat(fake.fullLists()).isEqualTo(2);

    assertThat(titles(gateway.events(ahead))).containsExactly("Standup");
    assertThat(fake.fullLists()).as("the wider window covers the later range").isEqualTo(2);
  }

  @Test
  void aFailedIncrementalReadKeepsTheCacheAndTheNextCallCatchesUp() {
    putMeeting("standup01", MONDAY_10, "Standup");
    gateway.events(WINDOW);
    putMeeting("newcall01", MONDAY_10.plus(Duration.ofHours(4)), "New call");

    fake.failNextWith(503, "backendError");
    assertThat(catchThrowableOfType(ServerAccessException.class, () -> gateway.events(WINDOW)).isTransient())
        .isTrue();

    assertThat(titles(gateway.events(WINDOW))).containsExactly("Standup", "New call");
    assertThat(fake.fullLists()).isEqualTo(1);
  }

  @Test
  void theFakeRefusesATimeBoundWithASyncTokenAsGoogleDoes() throws Exception {
    putMeeting("standup01", MONDAY_10, "Standup");
    String base = fake.apiRoot() + "calendar/v3/calendars/" + CALENDAR + "/events?singleEvents=true";
    String syncToken = get(base).get("nextSyncToken").asText();

    HttpResponse<String> bounded = send(base + "&syncToken=" + syncToken + "&timeMin=2026-11-01T00:00:00Z");
    assertThat(bounded.statusCode()).isEqualTo(400);

    fake.expireSyncTokens();
    HttpResponse<String> expired = send(base + "&syncToken=" + syncToken);
    assertThat(expired.statusCode()).isEqualTo(410);
    JsonNode error = FakeCalendarStore.JSON.readTree(expired.body()).get("error");
    assertThat(error.at("/errors/0/reason").asText()).isEqualTo("fullSyncRequired");
    assertThat(error.at("/errors/0/domain").asText()).isEqualTo("calendar");
  }

  private JsonNode get(String url) throws Exception {
    HttpResponse<String> response = send(url);
    assertThat(response.statusCode()).isEqualTo(200);
    return FakeCalendarStore.JSON.readTree(response.body());
  }

  private HttpResponse<String> send(String url) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + fake.issueAccessToken()).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private void putMeeting(String id, Instant start, String title) {
    fake.store.put(CALENDAR, meeting(id, start, title));
  }

  private static ObjectNode meeting(String id, Instant start, String title) {
    ObjectNode event = FakeCalendarStore.JSON.createObjectNode().put("id", id).put("summary", title)
        .put("status", "confirmed");
    event.putObject("start").put("dateTime", FakeCalendarStore.rfc3339(start.atOffset(ZoneOffset.UTC)));
    event.putObject("end")
        .put("dateTime", FakeCalendarStore.rfc3339(start.plus(Duration.ofMinutes(30)).atOffset(ZoneOffset.UTC)));
    return event;
  }

  private static List<String> titles(List<CalendarEvent> events) {
    return events.stream().map(CalendarEvent::title).toList();
  }
}
