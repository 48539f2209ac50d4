package io.secondcall.mail.gmail;

import io.secondcall.calendar.google.FakeGoogleAccount;
import io.secondcall.calendar.google.FakeGoogleCalendar;
import io.secondcall.google.GoogleConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh fake Google server with Gmail on it for each test, the user's authorisation for it,
 * and mailboxes that record their retry waits instead of sleeping (and take no jitter, so the
 * waits are exact). Register it with {@code @RegisterExtension}.
 */
final class GmailFixture implements BeforeEachCallback, AfterEachCallback {

  static final String STOP = "secondcall/stop";

  FakeGoogleCalendar server;
  FakeGmail gmail;
  FakeGoogleAccount account;
  final List<Duration> waits = new ArrayList<>();
  private Path dir;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("gmail-fixture");
    server = new FakeGoogleCalendar();
    gmail = new FakeGmail(server, Clock.systemUTC());
    account = FakeGoogleAccount.in(dir, server);
    waits.clear();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    server.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  GmailMailbox mailbox() {
    return mailbox(account.connection());
  }

  GmailMailbox mailbox(GoogleConnection connection) {
    return GmailMailbox.on(connection, "dana@example.com", STOP, millis -> waits.add(Duration.ofMillis(millis)),
        () -> 0);
  }

  FakeGmailSeed seed() {
    return new FakeGmailSeed(gmail.store, Clock.systemUTC());
  }
}
