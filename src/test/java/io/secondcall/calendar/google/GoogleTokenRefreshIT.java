package io.secondcall.calendar.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.secondcall.calendar.CalendarGatewayContract;
import io.secondcall.google.GoogleTokens;
import io.secondcall.port.ServerAccessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access token is renewed at the configured token endpoint and the token file kept current. */
class GoogleTokenRefreshIT {

  @TempDir
  Path dir;
  private FakeGoogleCalendar fake;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeGoogleCalendar();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void anExpiredAccessTokenIsRenewedBeforeTheCallAndSavedOwnerOnly() throws Exception {
    FakeGoogleAccount account = FakeGoogleAccount.in(dir, fake, "ya29.stale",
        FakeGoogleAccount.NOW.minus(Duration.ofMinutes(5)));

    assertThat(account.gateway("primary").events(CalendarGatewayContract.week())).isEmpty();

    assertThat(fake.refreshes()).isEqualTo(1);
    assertThat(fake.requests()).hasSize(1);
    GoogleTokens saved = GoogleTokens.read(account.tokenFile);
    assertThat(saved.accessToken()).isNotEqualTo("ya29.stale").startsWith("ya29.fake-");
    assertThat(saved.refreshToken()).isEqualTo(FakeGoogleCalendar.REFRESH_TOKEN);
    assertThat(saved.expiresAt()).isEqualTo(FakeGoogleAccount.NOW.plusSeconds(3599));
    assertThat(saved.scope()).isEqualTo(FakeGoogleCalendar.SCOPE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(account.tokenFile))).isEqualTo("rw-------");
  }

  @Test
  void aTokenTheApiCallsInvalidIsRenewedAndTheCallRepeatedOnce() throws Exception {
    FakeGoogleAccount account = FakeGoogleAccount.in(dir, fake);
    String before = GoogleTokens.read(account.tokenFile).accessToken();
    GoogleCalendarGateway gateway = account.gateway("primary");
    fake.expireAccessTokens();

    assertThat(gateway.createBlock(CalendarGatewayContract.block("c1.1.call", CalendarGatewayContract.MONDAY_10)))
        .isTrue();

    assertThat(fake.refreshes()).isEqualTo(1);
    assertThat(fake.requests()).containsExactly("POST /calendar/v3/calendars/primary/events",
        "POST /calendar/v3/calendars/primary/events");
    assertThat(fake.store.all("primary")).hasSize(1);
    assertThat(GoogleTokens.read(account.tokenFile).accessToken()).isNotEqualTo(before);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(account.tokenFile))).isEqualTo("rw-------");
  }

  @Test
  void aRevokedGrantIsAPermanentFailureThatSaysWhatToDo() throws Exception {
    FakeGoogleAccount account = FakeGoogleAccount.in(dir, fake, "ya29.stale",
        FakeGoogleAccount.NOW.minus(Duration.ofMinutes(5)));
    fake.revokeRefreshToken();
    String fileBefore = Files.readString(account.tokenFile);

    ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
        () -> account.gateway("primary").events(CalendarGatewayContract.week()));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("invalid_grant", "secondcall auth google").doesNotContain("ya29", "1//");
    assertThat(e.host()).isEqualTo("127.0.0.1");
    assertThat(e.port()).isEqualTo(fake.port());
    assertThat(fake.requests()).isEmpty();
    assertThat(Files.readString(account.tokenFile)).isEqualTo(fileBefore);
  }

  @Test
  void aRefusalEvenWithAFreshTokenIsPermanentAndRenewsOnlyOnce() throws Exception {
    FakeGoogleAccount account = FakeGoogleAccount.in(dir, fake);
    fake.rejectEveryToken();

    ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
        () -> account.gateway("primary").busy(CalendarGatewayContract.week()));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("401");
    assertThat(fake.refreshes()).isEqualTo(1);
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void aTokenEndpointOutageIsTransientAndTheNextCallRecovers() throws Exception {
    FakeGoogleAccount account = FakeGoogleAccount.in(dir, fake, "ya29.stale",
        FakeGoogleAccount.NOW.minus(Duration.ofMinutes(5)));
    GoogleCalendarGateway gateway = account.gateway("primary");
    fake.tokenEndpointAnswers(503);

    ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
        () -> gateway.events(CalendarGatewayContract.week()));

    assertThat(e.isTransient()).isTrue();
    assertThat(e.getMessage()).contains("access token", "503");
    assertThat(fake.requests()).as("no API call with a token known to be expired").isEmpty();

    fake.tokenEndpointAnswers(0);
    assertThat(gateway.events(CalendarGatewayContract.week())).isEmpty();
    assertThat(fake.refreshes()).isEqualTo(1);
  }
}
