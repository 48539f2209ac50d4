package io.secondcall.calendar.google;

import io.secondcall.config.GoogleSettings;
import io.secondcall.google.FakeGoogleOAuth;
import io.secondcall.google.GoogleConnection;
import io.secondcall.google.GoogleTokens;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The files a user of the fake has after `secondcall auth google`: the OAuth client and the token file. */
public final class FakeGoogleAccount {

  static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  public final GoogleSettings settings;
  public final Path tokenFile;

  private FakeGoogleAccount(GoogleSettings settings, Path tokenFile) {
    this.settings = settings;
    this.tokenFile = tokenFile;
  }

  /** An account whose access token is valid for another hour. */
  public static FakeGoogleAccount in(Path dir, FakeGoogleCalendar fake) throws IOException {
    return in(dir, fake, fake.issueAccessToken(), NOW.plus(Duration.ofHours(1)));
  }

  public static FakeGoogleAccount in(Path dir, FakeGoogleCalendar fake, String accessToken, Instant expiresAt)
      throws IOException {
    Path client = FakeGoogleOAuth.writeClientFile(dir.resolve("google-client.json"));
    Path tokenFile = GoogleTokens.fileIn(dir);
    new GoogleTokens(accessToken, FakeGoogleCalendar.REFRESH_TOKEN, expiresAt, FakeGoogleCalendar.SCOPE)
        .write(tokenFile);
    GoogleSettings settings = new GoogleSettings(client, fake.apiRoot(), fake.oauth.authEndpoint(),
        fake.tokenEndpoint());
    return new FakeGoogleAccount(settings, tokenFile);
  }

  /** The connection secondcall opens with these files; tokens expire by the fake's fixed clock. */
  public GoogleConnection connection() {
    return GoogleConnection.open(settings, tokenFile, Duration.ofSeconds(10), CLOCK);
  }

  GoogleCalendarGateway gateway(String calendarId) {
    return GoogleCalendarGateway.open(settings, tokenFile, calendarId, ZONE, Duration.ofSeconds(10), CLOCK);
  }
}
