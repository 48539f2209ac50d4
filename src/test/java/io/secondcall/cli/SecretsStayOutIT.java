package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.secondcall.calendar.google.FakeGoogleAccount;
import io.secondcall.calendar.google.FakeGoogleCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code scan} and {@code check} with {@code --verbose}, once with a refused IMAP login (error
 * paths, stack traces) and once working: neither the IMAP password nor a Google token appears
 * in what they print, log or put in an exception.
 */
class SecretsStayOutIT {

  @RegisterExtension
  static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  static final String DANA = "dana@northwind.example";
  static final String PASSWORD = "Pa55-secret-value";
  /** Expired, so that the run renews it and handles the fresh one too. */
  static final String ACCESS_TOKEN = "ya29.Access-secret-value";

  @TempDir Path dir;
  FakeGoogleCalendar google;
  Path config;
  ListAppender<ILoggingEvent> logged;
  Level rootLevel;

  @BeforeEach
  void setUp() throws Exception {
    google = new FakeGoogleCalendar();
    Path state = Files.createDirectories(dir.resolve("state"));
    FakeGoogleAccount.in(state, google, ACCESS_TOKEN, Instant.now().minusSeconds(3600));
    Path password = Files.writeString(dir.resolve("imap-password"), PASSWORD + "\n");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
    config = Files.writeString(dir.resolve("config.yaml"), String.join("\n",
        "me:", "  name: Dana Weber", "  addresses: [" + DANA + "]", "  timezone: Europe/Berlin",
        "mail:", "  imap:", "    host: 127.0.0.1", "    port: " + GREENMAIL.getImap().getPort(),
        "    security: none", "    username: " + DANA, "    password_file: imap-password",
        "calendar:", "  provider: google",
        "google:", "  credentials_file: state/google-client.json",
        "  endpoints:", "    api: " + google.apiRoot(), "    token: " + google.tokenEndpoint(),
        "    auth: " + google.oauth.authEndpoint(),
        "state_dir: state", ""));
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void tearDown() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(logged);
    root.setLevel(rootLevel);
    google.close();
  }

  @Test
  void aRefusedLoginShowsNoSecret() {
    GREENMAIL.setUser(DANA, DANA, "the-server-wants-another");

    CliIT.Result scan = CliIT.run("scan", "--verbose", "--config", config.toString());
    CliIT.Result check = CliIT.run("check", "--verbose", "--config", config.toString());

    assertThat(scan.exit()).as(scan.err()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(check.exit()).as(check.out()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(scan.err()).as("the verbose run shows the stack trace").contains("\tat ");
    assertNoSecretIn(scan, check);
  }

  @Test
  void aWorkingRunShowsNoSecret() throws Exception {
    GREENMAIL.setUser(DANA, DANA, PASSWORD);
    GREENMAIL.getManagers().getImapHostManager().createMailbox(
        GREENMAIL.getManagers().getUserManager().getUser(DANA), "Sent");

    CliIT.Result scan = CliIT.run("scan", "--verbose", "--config", config.toString());
    CliIT.Result check = CliIT.run("check", "--verbose", "--config", config.toString());

    assertThat(scan.exit()).as(scan.err()).isZero();
    assertThat(check.exit()).as(check.out() + check.err()).isZero();
    assertThat(google.oauth.refreshes()).as("the expired token was renewed").isPositive();
    assertNoSecretIn(scan, check);
  }

  private void assertNoSecretIn(CliIT.Result... results) {
    StringBuilder everything = new StringBuilder();
    for (CliIT.Result r : results) {
      everything.append(r.out()).append('\n').append(r.err()).append('\n');
    }
    List<ILoggingEvent> events = List.copyOf(logged.list);
    // The test's own IMAP server is not the product: what GreenMail logs is left out.
    events.stream().filter(e -> !e.getLoggerName().startsWith("com.icegreen")).forEach(e -> {
      everything.append(e.getLoggerName()).append(' ').append(e.getFormattedMessage()).append('\n');
      if (e.getThrowableProxy() != null) {
        everything.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
      }
    });
    assertThat(everything.toString()).as("the capture sees the runs").contains(DANA)
        .doesNotContain(PASSWORD, ACCESS_TOKEN, io.secondcall.google.FakeGoogleOAuth.REFRESH_TOKEN, "ya29.fake-")
        .doesNotContain(java.util.Base64.getEncoder().encodeToString((DANA + ":" + PASSWORD).getBytes()));
  }
}
