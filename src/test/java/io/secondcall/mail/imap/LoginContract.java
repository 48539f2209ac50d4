package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secondcall.port.MailFolder;
import io.secondcall.port.ServerAccessException;
import io.secondcall.port.SyncCursor;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A refused login is a permanent failure, a server that does not answer a transient one. */
interface LoginContract extends ImapServerFixture {

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
}
