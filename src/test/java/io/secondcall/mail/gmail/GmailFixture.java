package io.secondcall.mail.gmail;

import io.secondcall.calendar.google.FakeGoogleAccount;
import io.secondcall.calendar.google.FakeGoogleCalendar;
import io.secondcall.google.GoogleConnection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake Google server with Gmail on it, the user's authorisation for it, and mailboxes that
 * record their retry waits instead of sleeping (and take no jitter, so the waits are exact).
 */
final class GmailFixture implements AutoCloseable {

  static final String STOP = "secondcall/stop";

  final FakeGoogleCalendar server;
  final FakeGmail gmail;
  final FakeGoogleAccount account;
  final List<Duration> waits = new ArrayList<>();

  GmailFixture(Path dir) throws Exception {
    server = new FakeGoogleCalendar();
    gmail = new FakeGmail(server, Clock.systemUTC());
    account = FakeGoogleAccount.in(dir, server);
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

  @Override
  public void close() {
    server.close();
  }
}
