package io.secondcall.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.calendar.CalendarGatewayContract;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.ServerAccessException;
import io.secondcall.testing.Xandikos;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CalDAV gateway against a real Xandikos: the shared contract, then how it answers a token of a calendar made again. */
class CalDavXandikosIT implements CalendarGatewayContract {

  @TempDir
  static Path dir;

  private static Xandikos xandikos;

  private String user;
  private URI calendar;
  private CalDavCalendarGateway gateway;

  @BeforeAll
  static void startXandikos() throws Exception {
    xandikos = Xandikos.start(dir);
  }

  @AfterAll
  static void stopXandikos() {
    if (xandikos != null) {
      xandikos.close();
    }
  }

  @BeforeEach
  void freshCalendar() throws Exception {
    user = xandikos.newUser();
    calendar = xandikos.newCalendar(user);
    gateway = new CalDavCalendarGateway(calendar, user, xandikos.password(), ZoneId.of("Europe/Berlin"),
        Duration.ofSeconds(10));
  }

  @Override
  public CalendarGateway gateway() {
    return gateway;
  }

  @Override
  public void seed(SeedEvent e) throws Exception {
    new CalDavSeeds(xandikos, user, calendar).seed(e);
  }

  @Test
  void aCalendarDeletedAndMadeAgainWhileRunningIsReadInFullAfterTheSecondFailure() throws Exception {
    seed(SeedEvent.meeting("old", MONDAY_10, Duration.ofHours(1), "Old", java.util.Map.of()));
    assertThat(titles()).containsExactly("Old");

    assertThat(xandikos.send(user, "DELETE", calendar, null, null).statusCode()).isIn(200, 204);
    assertThat(xandikos.send(user, "MKCALENDAR", calendar, null, null).statusCode()).isEqualTo(201);
    seed(SeedEvent.meeting("new", MONDAY_10, Duration.ofHours(2), "New", java.util.Map.of()));

    // Xandikos answers the old token with a 500: one cycle may fail, the next must not.
    assertThatThrownBy(this::titles).isInstanceOfSatisfying(ServerAccessException.class,
        e -> assertThat(e.getMessage()).contains("500"));
    assertThat(titles()).containsExactly("New");
    assertThat(titles()).containsExactly("New");
  }

  private List<String> titles() {
    return gateway.events(CalendarGatewayContract.week()).stream().map(CalendarEvent::title).toList();
  }
}
