package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.port.MailFolder;
import org.junit.jupiter.api.Test;

/** What only an IMAP server needs: finding Sent and Drafts among its folders. */
interface ImapFolderContract extends ImapServerFixture {

  @Test
  default void sentAndDraftsAreFoundWithoutConfiguration() {
    try (ImapMailbox mailbox = new ImapMailbox(account())) {
      assertThat(mailbox.folderName(MailFolder.SENT)).isEqualTo(sentFolder());
      assertThat(mailbox.folderName(MailFolder.DRAFTS)).isEqualTo(draftsFolder());
      assertThat(mailbox.folderName(MailFolder.INBOX)).isEqualTo("INBOX");
    }
  }
}
