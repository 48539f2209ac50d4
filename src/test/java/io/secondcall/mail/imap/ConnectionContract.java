package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.mail.TestMail;
import io.secondcall.port.MailFolder;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Waiting for new mail with IDLE, on servers that report it at once (Cyrus without idled does not). */
interface ConnectionContract extends LoginContract {

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
