package io.secondcall.calendar.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.secondcall.calendar.CalendarGatewayContract;
import io.secondcall.config.GoogleSettings;
import io.secondcall.port.ServerAccessException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures reach the caller as ServerAccessException, transient when waiting may help. */
class GoogleCalendarFailuresIT {

  @TempDir
  Path dir;
  private FakeGoogleCalendar fake;
  private FakeGoogleAccount account;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeGoogleCalendar();
    account = FakeGoogleAccount.in(dir, fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void aServerErrorIsTransient() {
    fake.failNextWith(500, "backendError");

    ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
        () -> account.gateway("primary").busy(CalendarGatewayContract.week()));

    assertThat(e.isTransient()).isTrue();
    assertThat(e.getMessage()).contains("events.list", "500");
    assertThat(e.host()).isEqualTo("127.0.0.1");
    assertThat(e.port()).isEqualTo(fake.port());
  }

  @Test
  void aFailedInsertIsTransientAndARetryBooksTheBlockOnce() {
    GoogleCalendarGateway gateway = account.gateway("primary");
    fake.failNextWith(503, "backendError");
    var block = CalendarGatewayContract.block("c1.1.call", CalendarGatewayContract.MONDAY_10);

    assertThat(catchThrowableOfType(ServerAccessException.class, () -> gateway.createBlock(block)).isTransient())
        .isTrue();
    assertThat(gateway.createBlock(block)).isTrue();

    assertThat(fake.store.all("primary")).hasSize(1);
  }

  @Test
  void aForbiddenCalendarIsPermanent() {
    fake.failNextWith(403, "forbidden");

    ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
        () -> account.gateway("someone-else@example.com").events(CalendarGatewayContract.week()));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("403");
  }

  @Test
  void aClosedPortIsTransient() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    GoogleSettings settings = new GoogleSettings(account.settings.credentialsFile(),
        URI.create("http://127.0.0.1:" + closed + "/"), GoogleSettings.DEFAULT_AUTH, fake.tokenEndpoint());
    GoogleCalendarGateway gateway = GoogleCalendarGateway.open(settings, account.tokenFile, "primary",
        FakeGoogleAccount.ZONE, Duration.ofSeconds(5), FakeGoogleAccount.CLOCK);

    ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
        () -> gateway.busy(CalendarGatewayContract.week()));

    assertThat(e.isTransient()).isTrue();
    assertThat(e.host()).isEqualTo("127.0.0.1");
    assertThat(e.port()).isEqualTo(closed);
  }

  @Test
  void aServerThatNeverAnswersTimesOutAsTransient() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      GoogleSettings settings = new GoogleSettings(account.settings.credentialsFile(),
          URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"), GoogleSettings.DEFAULT_AUTH,
          fake.tokenEndpoint());
      GoogleCalendarGateway gateway = GoogleCalendarGateway.open(settings, account.tokenFile, "primary",
          FakeGoogleAccount.ZONE, Duration.ofMillis(300), FakeGoogleAccount.CLOCK);
      Thread acceptor = new Thread(() -> {
        try (Socket held = silent.accept()) {
          held.getInputStream().readAllBytes();
        } catch (IOException e) {
          // the client gave up; nothing to do
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();

      ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
          () -> gateway.busy(CalendarGatewayContract.week()));

      assertThat(e.isTransient()).isTrue();
      assertThat(e.getMessage()).containsIgnoringCase("timed out");
    }
  }
}
