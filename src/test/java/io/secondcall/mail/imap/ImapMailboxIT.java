package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.secondcall.mail.MailboxContract;
import io.secondcall.mail.MessageContentContract;
import io.secondcall.mail.TestMail;
import io.secondcall.port.FolderMissingException;
import io.secondcall.port.MailFolder;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The IMAP contracts against GreenMail (a fresh server per test). GreenMail has no UIDPLUS,
 * no CONDSTORE and no SPECIAL-USE, so this also covers the fallbacks for those.
 */
class ImapMailboxIT implements MailboxContract, MessageContentContract, ImapFolderContract, ConnectionContract {

  static {
    // GreenMail logs every protocol line at DEBUG; with 10 MB test messages that is hundreds of MB.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.icegreen.greenmail")).setLevel(Level.INFO);
  }

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  private ImapAccount account;

  @BeforeEach
  void createUser() throws Exception {
    greenMail.setUser("dana@example.com", "dana", "secret");
    account = new ImapAccount("127.0.0.1", greenMail.getImap().getPort(), ImapAccount.Security.NONE,
        "dana", "secret", null, null, null, null, Duration.ofSeconds(20));
    try (SeedClient seed = new SeedClient(account)) {
      seed.create("Sent");
    }
  }

  @Override
  public ImapAccount account() {
    return account;
  }

  @Override
  public String sentFolder() {
    return "Sent";
  }

  @Override
  public boolean condstore() {
    return false;
  }

  @Override
  public String draftsFolder() {
    return "Drafts";
  }

  @Test
  void theDraftsFolderIsCreatedOnTheFirstDraft() throws Exception {
    try (SeedClient seed = new SeedClient(account); ImapMailbox mailbox = new ImapMailbox(account)) {
      assertThatThrownBy(() -> mailbox.secondcallIds(MailFolder.DRAFTS)).isInstanceOf(FolderMissingException.class);

      mailbox.saveDraft(TestMail.draft("c1.1", "Re: Hello"));

      assertThat(seed.list("Drafts")).extracting(io.secondcall.mail.MailSeed.Stored::secondcallId).containsExactly("c1.1");
    }
  }
}
