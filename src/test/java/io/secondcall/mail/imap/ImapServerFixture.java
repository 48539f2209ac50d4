package io.secondcall.mail.imap;

import io.secondcall.mail.MailServerFixture;
import io.secondcall.port.MailFolder;
import io.secondcall.port.Mailbox;

/** One IMAP server under test: the shared contracts' fixture, plus the account for IMAP-only ones. */
interface ImapServerFixture extends MailServerFixture {

  /** A fresh account whose Sent and Drafts folders are not configured (so they are detected). */
  ImapAccount account();

  @Override
  default Mailbox mailbox() {
    return new ImapMailbox(account());
  }

  @Override
  default SeedClient seed() throws Exception {
    return new SeedClient(account());
  }

  /** With the server's separator: {@code secondcall.stop} on a server that separates with dots. */
  @Override
  default String stopFolder() {
    try (ImapMailbox mailbox = new ImapMailbox(account())) {
      return mailbox.folderName(MailFolder.STOP);
    }
  }
}
