package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.mail.MailboxContract;
import io.secondcall.mail.MessageContentContract;
import io.secondcall.mail.TestMail;
import io.secondcall.port.MailFolder;
import io.secondcall.port.SyncCursor;
import io.secondcall.testing.Dovecot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IMAP contracts on a Dovecot that does not offer CONDSTORE, QRESYNC, UIDPLUS or
 * LIST-STATUS, as older and smaller servers do not: the plain paths (a STATUS per folder, Drafts
 * read every time, EXPUNGE without UID) must give the same results on a real server.
 */
class ImapMailboxDovecotPlainIT implements MailboxContract, MessageContentContract, ImapFolderContract {

  @TempDir
  static Path dir;

  private static Dovecot dovecot;

  private ImapAccount account;

  @BeforeAll
  static void startDovecot() throws Exception {
    dovecot = Dovecot.startWithout(dir, Set.of("CONDSTORE", "QRESYNC", "UIDPLUS", "LIST-STATUS"));
  }

  @AfterAll
  static void stopDovecot() {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  @BeforeEach
  void createUser() {
    account = new ImapAccount(dovecot.host(), dovecot.port(), ImapAccount.Security.NONE,
        dovecot.newUser(), Dovecot.PASSWORD, null, null, null, null, Duration.ofSeconds(20));
  }

  @Test
  void theServerReallyOffersNoneOfThem() throws Exception {
    try (SeedClient seed = seed(); ImapMailbox mailbox = new ImapMailbox(account)) {
      seed.append(sentFolder(), TestMail.sent("a@example.com", TestMail.daysAgo(1), "First"));
      assertThat(mailbox.changes(MailFolder.SENT, SyncCursor.NONE, window()).messages()).hasSize(1);
      assertThat(seed.capabilities()).doesNotContain("CONDSTORE", "UIDPLUS", "LIST-STATUS").contains("IDLE");
    }
  }

  @Override
  public ImapAccount account() {
    return account;
  }

  @Override
  public String sentFolder() {
    return Dovecot.SENT;
  }

  @Override
  public String draftsFolder() {
    return Dovecot.DRAFTS;
  }

  @Override
  public boolean condstore() {
    return false;
  }
}
