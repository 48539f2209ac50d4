package io.secondcall.cli;

import static io.secondcall.cli.CheckCommandIT.assertNoStackTrace;
import static io.secondcall.cli.CheckCommandIT.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.secondcall.calendar.google.FakeGoogleAccount;
import io.secondcall.calendar.google.FakeGoogleCalendar;
import io.secondcall.google.GoogleScopes;
import io.secondcall.google.GoogleTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} asks Google whether the stored grant still works: it renews the access token once. */
class CheckGoogleIT {

  @RegisterExtension
  static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @TempDir Path dir;
  FakeGoogleCalendar google;
  Path config;

  @BeforeEach
  void setUp() throws Exception {
    GREENMAIL.setUser(CheckCommandIT.DANA, CheckCommandIT.DANA, "secret");
    // Every real mailbox has one, and a missing Sent folder is a setup error since issue 12 C.
    GREENMAIL.getManagers().getImapHostManager().createMailbox(
        GREENMAIL.getManagers().getUserManager().getUser(CheckCommandIT.DANA), "Sent");
    Path password = Files.writeString(dir.resolve("imap-password"), "secret\n");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
    google = new FakeGoogleCalendar();
    Path state = Files.createDirectories(dir.resolve("state"));
    // The token file as `auth google` left it, with an access token that expired an hour ago.
    FakeGoogleAccount.in(state, google, "ya29.stale", Instant.now().minusSeconds(3600));
    config = Files.writeString(dir.resolve("config.yaml"), String.join("\n",
        "me:", "  name: Dana Weber", "  addresses: [" + CheckCommandIT.DANA + "]", "  timezone: Europe/Berlin",
        "mail:", "  imap:", "    host: 127.0.0.1", "    port: " + GREENMAIL.getImap().getPort(),
        "    security: none", "    username: " + CheckCommandIT.DANA, "    password_file: imap-password",
        "calendar:", "  provider: google",
        "google:", "  credentials_file: state/google-client.json",
        "  endpoints:", "    api: " + google.apiRoot(), "    token: " + google.tokenEndpoint(),
        "    auth: " + google.oauth.authEndpoint(),
        "state_dir: state", ""));
  }

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void aWorkingGrantIsRenewedAndItsScopesShown() {
    CliIT.Result result = CheckCommandIT.check(config);

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(line(result, "google")).contains(GoogleTokens.fileIn(dir.resolve("state")).toString(),
        ": ok, renewed at 127.0.0.1, granted calendar.events");
    assertThat(line(result, "calendar")).contains(": ok");
    assertThat(google.oauth.tokenRequests()).as("check renews once; the calendar line uses the renewed token")
        .isEqualTo(1);
    assertThat(result.out()).doesNotContain("ya29", "1//");
  }

  @Test
  void aRevokedGrantIsOneLineThatSaysToAuthoriseAgain() {
    google.revokeRefreshToken();

    CliIT.Result result = CheckCommandIT.check(config);

    assertThat(result.exit()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(line(result, "google")).doesNotContain(": ok")
        .contains("Google refused the stored authorisation (invalid_grant: Token has been expired or revoked.)",
            "run `secondcall auth google` again");
    assertThat(line(result, "imap")).contains(": ok");
    assertThat(result.out()).doesNotContain("ya29", "1//");
    assertNoStackTrace(result);
  }

  @Test
  void aGrantWithoutTheCalendarScopeNamesIt() {
    google.oauth.grantPreset(GoogleScopes.GMAIL_READONLY);

    CliIT.Result result = CheckCommandIT.check(config);

    assertThat(result.exit()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(line(result, "google")).contains("lacks calendar.events", "granted: gmail.readonly",
        "secondcall auth google");
    assertNoStackTrace(result);
  }

  @Test
  void anUnreachableTokenEndpointIsTransientAndSaysWhichHost() {
    google.oauth.tokenEndpointAnswers(503);

    CliIT.Result result = CheckCommandIT.check(config);

    assertThat(result.exit()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(line(result, "google")).contains("token endpoint", "503");
    assertNoStackTrace(result);
  }
}
