package io.secondcall.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.calendar.CalendarGatewayContract;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackBlock;
import io.secondcall.port.ServerAccessException;
import io.secondcall.core.TimeRange;
import io.secondcall.testing.Radicale;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CalDAV gateway against a real Radicale: the shared contract, then what only a real server shows. */
class CalDavCalendarGatewayIT implements CalendarGatewayContract {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

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
    gateway = new CalDavCalendarGateway(calendar, user, Radicale.PASSWORD, BERLIN, Duration.ofSeconds(10));
  }

  @Override
  public CalendarGateway gateway() {
    return gateway;
  }

  @Override
  public void seed(SeedEvent e) throws Exception {
    new CalDavSeeds(radicale, user, calendar).seed(e);
  }

  private static String vevent(List<String> properties) {
    return CalDavSeeds.vevent(properties);
  }

  /** What calendar apps send along with TZID=Europe/Berlin (Radicale needs it to read those times). */
  static final String BERLIN_VTIMEZONE = String.join("\r\n", List.of(
      "BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
      "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
      "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
      "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
      "END:VTIMEZONE", ""));

  private void put(String name, String components) throws Exception {
    new CalDavSeeds(radicale, user, calendar).put(name, components);
  }

  @Test
  void aWrongPasswordIsALoginRefusalThatRetryingWillNotFix() {
    CalDavCalendarGateway wrong = new CalDavCalendarGateway(calendar, user, "wrong", BERLIN, Duration.ofSeconds(10));

    assertThatThrownBy(() -> wrong.busy(CalendarGatewayContract.week()))
        .isInstanceOfSatisfying(ServerAccessException.class, e -> {
          assertThat(e.isTransient()).isFalse();
          assertThat(e.getMessage()).isEqualTo("caldav 127.0.0.1:" + radicale.port() + ": login refused for " + user);
        });
  }

  @Test
  void aClosedPortIsATransientFailure() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    CalDavCalendarGateway nowhere = new CalDavCalendarGateway(URI.create("http://127.0.0.1:" + closed + "/u/cal/"),
        user, Radicale.PASSWORD, BERLIN, Duration.ofSeconds(5));

    assertThatThrownBy(() -> nowhere.events(CalendarGatewayContract.week()))
        .isInstanceOfSatisfying(ServerAccessException.class, e -> {
          assertThat(e.isTransient()).isTrue();
          assertThat(e.port()).isEqualTo(closed);
          assertThat(e.getMessage()).startsWith("caldav 127.0.0.1:" + closed + ": cannot connect: ")
              .containsIgnoringCase("connection refused").doesNotContain("\n");
        });
  }

  @Test
  void aServerThatNeverAnswersTimesOutAsATransientFailure() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CalDavCalendarGateway stuck = new CalDavCalendarGateway(
          URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/u/cal/"), user, Radicale.PASSWORD, BERLIN,
          Duration.ofMillis(300));

      assertThatThrownBy(() -> stuck.createBlock(CalendarGatewayContract.block("c1.1.call", MONDAY_10)))
          .isInstanceOfSatisfying(ServerAccessException.class, e -> {
            assertThat(e.isTransient()).isTrue();
            assertThat(e.getMessage()).contains("no answer within 300ms");
          });
    }
  }

  @Test
  void aResourceThatCannotBeReadIsSkippedAndTheRestStillCounts() throws Exception {
    // Radicale accepts this; ical4j cannot read SEQUENCE:abc, as a broken client might write it.
    put("broken", vevent(List.of("UID:broken", "DTSTART:20261207T120000Z", "DTEND:20261207T130000Z",
        "SUMMARY:Broken", "SEQUENCE:abc")));
    seed(new SeedEvent("meeting-1", new TimeRange(MONDAY_10, MONDAY_10.plus(Duration.ofHours(1))), "Readable", false,
        false, false, Map.of(), null));

    assertThat(gateway.events(CalendarGatewayContract.week()))
        .extracting(CalendarEvent::title).containsExactly("Readable");
  }

  @Test
  void aRetriedCreationAfterACrashLeavesOneBlockInTheCollection() throws Exception {
    CallbackBlock block = CalendarGatewayContract.block("c0123456789abcdef.2.call", MONDAY_10);
    // The first attempt got through but its answer was lost; a fresh gateway (after a restart) tries again.
    assertThat(gateway.createBlock(block)).isTrue();
    CalDavCalendarGateway restarted = new CalDavCalendarGateway(calendar, user, Radicale.PASSWORD, BERLIN,
        Duration.ofSeconds(10));

    assertThat(restarted.createBlock(block)).isFalse();

    assertThat(radicale.members(user, calendar))
        .containsExactly(calendar.getPath() + "c0123456789abcdef.2.call@secondcall.ics");
  }

  @Test
  void aBlockWhoseIdIsNoSafeFileNameIsStoredFoundAndDeleted() {
    CallbackBlock block = CalendarGatewayContract.block("../c01/2 ä?.call", MONDAY_10);

    assertThat(gateway.createBlock(block)).isTrue();
    assertThat(gateway.createBlock(block)).isFalse();
    assertThat(gateway.blockIds(CalendarGatewayContract.week())).containsExactly(block.id());

    gateway.deleteBlock(block.id());
    assertThat(gateway.events(CalendarGatewayContract.week())).isEmpty();
  }

  @Test
  void aWeeklyMeetingWithAnExceptionAndAMovedInstanceExpandsAsTheCalendarShowsIt() throws Exception {
    // Mondays 10:00 Berlin from 30 Nov: 7 Dec is off, 14 Dec moved to 15:00, 21 Dec as usual.
    put("weekly", BERLIN_VTIMEZONE + vevent(List.of("UID:weekly", "DTSTART;TZID=Europe/Berlin:20261130T100000",
        "DTEND;TZID=Europe/Berlin:20261130T103000", "RRULE:FREQ=WEEKLY;COUNT=4",
        "EXDATE;TZID=Europe/Berlin:20261207T100000", "SUMMARY:Weekly"))
        + vevent(List.of("UID:weekly", "RECURRENCE-ID;TZID=Europe/Berlin:20261214T100000",
        "DTSTART;TZID=Europe/Berlin:20261214T150000", "DTEND;TZID=Europe/Berlin:20261214T153000", "SUMMARY:Moved")));

    List<CalendarEvent> events = gateway.events(new TimeRange(Instant.parse("2026-11-29T00:00:00Z"),
        Instant.parse("2026-12-28T00:00:00Z")));

    assertThat(events).extracting(e -> e.title() + " " + e.time().start() + " " + e.recurrenceId()).containsExactly(
        "Weekly 2026-11-30T09:00:00Z 2026-11-30T09:00:00Z",
        "Moved 2026-12-14T14:00:00Z 2026-12-14T09:00:00Z",
        "Weekly 2026-12-21T09:00:00Z 2026-12-21T09:00:00Z");
  }

  @Test
  void eventsInBerlinTimeMapToTheirInstantsAcrossDaylightSavingTime() throws Exception {
    // 10:00 in Berlin is 08:00 UTC in summer and 09:00 UTC in winter.
    put("summer", BERLIN_VTIMEZONE + vevent(List.of("UID:summer", "DTSTART;TZID=Europe/Berlin:20260701T100000",
        "DTEND;TZID=Europe/Berlin:20260701T110000", "SUMMARY:Summer")));
    put("winter", BERLIN_VTIMEZONE + vevent(List.of("UID:winter", "DTSTART;TZID=Europe/Berlin:20261207T100000",
        "DTEND;TZID=Europe/Berlin:20261207T110000", "SUMMARY:Winter")));

    TimeRange summerToWinter =
        new TimeRange(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(gateway.busy(summerToWinter))
        .containsExactly(
            new TimeRange(Instant.parse("2026-07-01T08:00:00Z"), Instant.parse("2026-07-01T09:00:00Z")),
            new TimeRange(Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T10:00:00Z")));
  }

  @Test
  void theSyncTokenChangesWhenTheCalendarChanges() {
    String before = gateway.syncToken();

    gateway.createBlock(CalendarGatewayContract.block("c0123456789abcdef.1.call", MONDAY_10));

    assertThat(before).isNotBlank();
    assertThat(gateway.syncToken()).isNotBlank().isNotEqualTo(before);
  }
}
