package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secondcall.mail.TestMail;
import io.secondcall.port.ServerAccessException;
import io.secondcall.port.MailFolder;
import io.secondcall.port.SyncCursor;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Login failures, unreachable servers and waiting for new mail. */
interface ConnectionContract extends ImapServerFixture {

  private ImapAccount with(String password, int port) {
    ImapAccount a = account();
    return new ImapAccount(a.host(), port, a.security(), a.username(), password,
        null, null, null, null, Duration.ofSeconds(5));
  }

  @Test
  default void aWrongPasswordIsAPermanentFailureNamingServerAndUser() {
    try (ImapMailbox mailbox = new ImapMailbox(with("wrong-password", account().port()))) {
      ServerAccessException e = assertThrows(ServerAccessException.class,
          () -> mailbox.changes(MailFolder.SENT, SyncCursor.NONE, Instant.now()));

      assertThat(e.isTransient()).isFalse();
      assertThat(e.host()).isEqualTo(account().host());
      assertThat(e.port()).isEqualTo(account().port());
      assertThat(e.getMessage()).isEqualTo(account().host() + ":" + account().port()
          + ": login refused for " + account().username());
    }
  }

  @Test
  default void aServerThatIsNotListeningIsATransientFailure() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (ImapMailbox mailbox = new ImapMailbox(with(account().password(), closedPort))) {
      ServerAccessException e = assertThrows(ServerAccessException.class, mailbox::connect);

      assertThat(e.isTransient()).isTrue();
      assertThat(e.port()).isEqualTo(closedPort);
      assertThat(e.getMessage()).startsWith(account().host() + ":" + closedPort + ": cannot connect: ");
    }
  }

  @Test
  default void waitingForTheInboxEndsWhenMailArrives() throws Exception {
    try (SeedClient seed = new SeedClient(account()); ImapMailbox mailbox = new ImapMailbox(account())) {
      assertThat(mailbox.supportsIdle()).isTrue();
      CompletableFuture<Boolean> changed =
          CompletableFuture.supplyAsync(() -> mailbox.awaitInboxChange(Duration.ofSeconds(60)));

      // The wait may start after a delivery, so deliver until it reports one (bounded by the test's deadline).
      Instant deadline = Instant.now().plusSeconds(30);
      Boolean result = null;
      for (int i = 0; result == null && Instant.now().isBefore(deadline); i++) {
        seed.append("INBOX", TestMail.sent("new-" + i + "@acme.example", Instant.now(), "New " + i));
        try {
          result = changed.get(500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
          // deliver another one
        }
      }

      assertThat(result).isTrue();
    }
  }

  @Test
  default void waitingForTheInboxEndsAtTheDeadlineWhenNothingArrives() {
    try (ImapMailbox mailbox = new ImapMailbox(account())) {
      Instant start = Instant.now();

      boolean changed = mailbox.awaitInboxChange(Duration.ofMillis(1500));

      assertThat(changed).isFalse();
      assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(15));
      // The mailbox stays usable after an IDLE was cut short.
      assertThat(mailbox.secondcallIds(MailFolder.INBOX)).isEmpty();
    }
  }
}
