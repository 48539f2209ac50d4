package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.mail.MailboxContract;
import io.secondcall.port.MailFolder;
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
 * The IMAP contracts on Cyrus IMAP 3.6 with {@code altnamespace} and {@code unixhierarchysep}:
 * folders beside INBOX, separated by '/', as many hosted Cyrus installations show them.
 */
class ImapMailboxCyrusAltIT implements MailboxContract, ImapFolderContract, LoginContract {

  @TempDir
  static Path dir;

  private static Cyrus cyrus;

  private ImapAccount account;

  @BeforeAll
  static void startCyrus() throws Exception {
    cyrus = Cyrus.start(dir, Dovecot.Layout.SLASH);
  }

  @AfterAll
  static void stopCyrus() {
    if (cyrus != null) {
      cyrus.close();
    }
  }

  @BeforeEach
  void createUser() {
    account = new ImapAccount(cyrus.host(), cyrus.port(), ImapAccount.Security.NONE,
        cyrus.newUser(), Cyrus.PASSWORD, null, null, null, null, Duration.ofSeconds(20));
  }

  @Override
  public ImapAccount account() {
    return account;
  }

  @Override
  public String sentFolder() {
    return Cyrus.SENT;
  }

  @Override
  public String draftsFolder() {
    return Cyrus.DRAFTS;
  }

  @Override
  public boolean condstore() {
    return true;
  }

  @Override
  public boolean cyrus() {
    return true;
  }

  @Test
  void theStopFolderIsMadeWithTheServersSeparator() throws Exception {
    try (SeedClient seed = new SeedClient(account); ImapMailbox mailbox = new ImapMailbox(account)) {
      assertThat(mailbox.ensureStopFolder()).isEqualTo("secondcall/stop");
      assertThat(seed.exists("secondcall/stop")).isTrue();
    }
  }
}
