package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.mail.MailboxContract;
import io.secondcall.mail.MessageContentContract;
import io.secondcall.mail.TestMail;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import io.secondcall.port.MailboxSetupException;
import io.secondcall.port.SyncCursor;
import io.secondcall.testing.Cyrus;
import io.secondcall.testing.Dovecot;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IMAP contracts on a real Cyrus IMAP 3.6 as Debian sets it up: every folder under
 * {@code INBOX.}, '.' as separator, Sent and Drafts flagged by SPECIAL-USE, and a server that
 * refuses to make folders outside the user's INBOX.
 */
class ImapMailboxCyrusIT implements MailboxContract, MessageContentContract, ImapFolderContract, LoginContract {

  @TempDir
  static Path dir;

  private static Cyrus cyrus;

  private String user;
  private ImapAccount account;

  @BeforeAll
  static void startCyrus() throws Exception {
    cyrus = Cyrus.start(dir, Dovecot.Layout.INBOX_PREFIX);
  }

  @AfterAll
  static void stopCyrus() {
    if (cyrus != null) {
      cyrus.close();
    }
  }

  @BeforeEach
  void createUser() {
    user = cyrus.newUser();
    account = configured(null, null, null);
  }

  private ImapAccount configured(String sent, String drafts, String stop) {
    return new ImapAccount(cyrus.host(), cyrus.port(), ImapAccount.Security.NONE,
        user, Cyrus.PASSWORD, sent, drafts, null, stop, Duration.ofSeconds(20));
  }

  @Override
  public ImapAccount account() {
    return account;
  }

  @Override
  public String sentFolder() {
    return "INBOX." + Cyrus.SENT;
  }

  @Override
  public String draftsFolder() {
    return "INBOX." + Cyrus.DRAFTS;
  }

  @Override
  public boolean condstore() {
    return true;
  }

  @Override
  public boolean cyrus() {
    return true;
  }

  /** A user moving from Dovecot writes the names as they were there: "Sent", not "INBOX.Sent". */
  @Test
  void dovecotStyleNamesAreFoundUnderInbox() throws Exception {
    ImapAccount named = configured("Sent", "Drafts", "secondcall/stop");
    try (SeedClient seed = new SeedClient(named); ImapMailbox mailbox = new ImapMailbox(named)) {
      seed.append("INBOX.Sent", TestMail.sent("a@example.com", TestMail.daysAgo(1), "First"));

      assertThat(mailbox.folderName(MailFolder.SENT)).isEqualTo("INBOX.Sent");
      assertThat(mailbox.folderName(MailFolder.DRAFTS)).isEqualTo("INBOX.Drafts");
      assertThat(mailbox.requireSentFolder()).isEqualTo("INBOX.Sent");
      assertThat(mailbox.changes(MailFolder.SENT, SyncCursor.NONE, window()).messages()).hasSize(1);
    }
  }

  /** Cyrus refuses "secondcall/stop" and "secondcall.stop" at the top level; under INBOX it is the user's. */
  @Test
  void theStopFolderIsMadeUnderInboxAndReadThere() throws Exception {
    try (SeedClient seed = new SeedClient(account); ImapMailbox mailbox = new ImapMailbox(account)) {
      assertThat(mailbox.ensureStopFolder()).isEqualTo("INBOX.secondcall.stop");
      assertThat(seed.exists("INBOX.secondcall.stop")).isTrue();
      FolderChanges empty = mailbox.changes(MailFolder.STOP, SyncCursor.NONE, window());

      seed.append("INBOX.secondcall.stop", TestMail.sent("a@example.com", TestMail.daysAgo(1), "Stop this"));

      assertThat(mailbox.changes(MailFolder.STOP, empty.cursor(), window()).messages()).hasSize(1);
    }
  }

  @Test
  void aSentFolderThatIsNotThereNamesTheKeyAndTheFoldersThereAre() {
    ImapAccount named = configured("Sent Messages", null, null);
    try (ImapMailbox mailbox = new ImapMailbox(named)) {
      assertThatThrownBy(() -> mailbox.changes(MailFolder.SENT, SyncCursor.NONE, window()))
          .isInstanceOfSatisfying(MailboxSetupException.class, e -> {
            assertThat(e.key()).isEqualTo("mail.imap.sent_folder");
            assertThat(e.getMessage()).contains("\"INBOX.Sent Messages\" does not exist").contains("\"INBOX.Sent\"");
          });
    }
  }

  /** A drafts folder the user may not add to (a shared one, or its rights changed): a setup error, in Cyrus's words. */
  @Test
  void aDraftsFolderCyrusRefusesIsASetupProblemInItsWords() throws Exception {
    try (SeedClient seed = new SeedClient(account); ImapMailbox mailbox = new ImapMailbox(account)) {
      seed.denyInsert(draftsFolder(), user);

      assertThatThrownBy(() -> mailbox.saveDraft(TestMail.draft("c1.1", "Re: Offer")))
          .isInstanceOfSatisfying(MailboxSetupException.class, e -> {
            assertThat(e.key()).isEqualTo("mail.imap.drafts_folder");
            assertThat(e.getMessage()).contains("refused to store a draft in \"INBOX.Drafts\"")
                .contains("mail.imap.drafts_folder").contains("Permission denied").doesNotContain("\n");
          });
    }
  }
}
