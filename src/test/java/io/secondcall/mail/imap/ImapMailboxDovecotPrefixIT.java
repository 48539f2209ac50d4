package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.mail.MailboxContract;
import io.secondcall.mail.TestMail;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import io.secondcall.port.MailboxSetupException;
import io.secondcall.port.SyncCursor;
import io.secondcall.testing.Dovecot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mailbox contract on a Dovecot whose folders all live under {@code INBOX.} with '.' as
 * separator, as Cyrus (Debian's default) and Courier show them: configured names and the stop
 * folder must be found and made there.
 */
class ImapMailboxDovecotPrefixIT implements MailboxContract, ImapServerFixture {

  @TempDir
  static Path dir;

  private static Dovecot dovecot;

  private String user;
  private ImapAccount account;

  @BeforeAll
  static void startDovecot() throws Exception {
    dovecot = Dovecot.start(dir, Dovecot.Layout.INBOX_PREFIX);
  }

  @AfterAll
  static void stopDovecot() {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  @BeforeEach
  void createUser() {
    user = dovecot.newUser();
    account = configured(null, null, null);
  }

  private ImapAccount configured(String sent, String drafts, String stop) {
    return new ImapAccount(dovecot.host(), dovecot.port(), ImapAccount.Security.NONE,
        user, Dovecot.PASSWORD, sent, drafts, null, stop, Duration.ofSeconds(20));
  }

  @Override
  public ImapAccount account() {
    return account;
  }

  @Override
  public String sentFolder() {
    return dovecot.layout().folder(Dovecot.SENT);
  }

  @Override
  public String draftsFolder() {
    return dovecot.layout().folder(Dovecot.DRAFTS);
  }

  @Test
  void configuredNamesAreFoundUnderThePersonalNamespace() throws Exception {
    ImapAccount named = configured(Dovecot.SENT, Dovecot.DRAFTS, null);
    try (SeedClient seed = new SeedClient(named); ImapMailbox mailbox = new ImapMailbox(named)) {
      seed.append(sentFolder(), TestMail.sent("a@example.com", TestMail.daysAgo(1), "First"));

      assertThat(mailbox.folderName(MailFolder.SENT)).isEqualTo("INBOX.Sent Items");
      assertThat(mailbox.folderName(MailFolder.DRAFTS)).isEqualTo("INBOX.Brouillons");
      assertThat(mailbox.changes(MailFolder.SENT, SyncCursor.NONE, window()).messages()).hasSize(1);
    }
  }

  @Test
  void aConfiguredSentFolderThatDoesNotExistNamesTheKeyAndTheFoldersThereAre() {
    ImapAccount named = configured("Sent Messages", null, null);
    try (ImapMailbox mailbox = new ImapMailbox(named)) {
      assertThatThrownBy(() -> mailbox.changes(MailFolder.SENT, SyncCursor.NONE, window()))
          .isInstanceOfSatisfying(MailboxSetupException.class, e -> {
            assertThat(e.key()).isEqualTo("mail.imap.sent_folder");
            assertThat(e.getMessage()).contains("\"INBOX.Sent Messages\" does not exist")
                .contains("mail.imap.sent_folder").contains("\"INBOX.Sent Items\"").doesNotContain("\n");
          });
      assertThatThrownBy(mailbox::requireSentFolder).isInstanceOf(MailboxSetupException.class);
    }
  }

  @Test
  void aDraftsFolderTheServerRefusesToCreateIsASetupProblemInTheServersWords() throws Exception {
    ImapAccount named = configured(null, "Entwürfe", null);
    try (SeedClient seed = new SeedClient(named); ImapMailbox mailbox = new ImapMailbox(named)) {
      seed.append("INBOX", TestMail.sent("first@example.com", TestMail.daysAgo(1), "Makes the Maildir"));
      // The mail user may no longer add folders: Dovecot answers NO [SERVERBUG] Internal error occurred.
      Files.setPosixFilePermissions(dovecot.maildir(user), PosixFilePermissions.fromString("r-x------"));
      assertThatThrownBy(() -> mailbox.saveDraft(TestMail.draft("c1.1", "Re: Offer")))
          .isInstanceOfSatisfying(MailboxSetupException.class, e -> {
            assertThat(e.key()).isEqualTo("mail.imap.drafts_folder");
            assertThat(e.getMessage()).contains("refused to create the folder \"INBOX.Entwürfe\"")
                .contains("mail.imap.drafts_folder")
                // Dovecot's words for a file system refusal; the tag and "NO" are left out.
                .contains("Internal error occurred").doesNotContain(" NO ");
          });
    }
  }

  @Test
  void fullyQualifiedNamesAreTakenAsTheyAre() {
    ImapAccount named = configured("INBOX.Sent Items", "INBOX/Brouillons", null);
    try (ImapMailbox mailbox = new ImapMailbox(named)) {
      assertThat(mailbox.folderName(MailFolder.SENT)).isEqualTo("INBOX.Sent Items");
      assertThat(mailbox.folderName(MailFolder.DRAFTS)).isEqualTo("INBOX.Brouillons");
    }
  }

  @Test
  void theStopFolderIsMadeUnderThePersonalNamespaceAndReadThere() throws Exception {
    try (SeedClient seed = new SeedClient(account); ImapMailbox mailbox = new ImapMailbox(account)) {
      assertThat(mailbox.folderName(MailFolder.STOP)).isEqualTo("INBOX.secondcall.stop");
      assertThat(mailbox.ensureStopFolder()).isEqualTo("INBOX.secondcall.stop");
      assertThat(mailbox.ensureStopFolder()).isEqualTo("INBOX.secondcall.stop");

      FolderChanges empty = mailbox.changes(MailFolder.STOP, SyncCursor.NONE, window());
      assertThat(empty.messages()).isEmpty();
      assertThat(seed.exists("INBOX.secondcall.stop")).isTrue();

      seed.append("INBOX.secondcall.stop", TestMail.sent("a@example.com", TestMail.daysAgo(1), "Stop this"));
      assertThat(mailbox.changes(MailFolder.STOP, empty.cursor(), window()).messages()).hasSize(1);
    }
  }
}
