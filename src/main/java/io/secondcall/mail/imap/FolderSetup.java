package io.secondcall.mail.imap;

import io.secondcall.port.MailboxSetupException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders a mailbox needs before it can be used: a Sent folder that is really there (reading
 * nothing from a missing one would look like "Nothing new" for ever), and the stop folder the
 * user moves conversations into, made where the server allows it.
 */
final class FolderSetup {

  private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);
  private static final String SENT_KEY = "mail.imap.sent_folder";

  private FolderSetup() {}

  /** @throws MailboxSetupException when {@code name} does not exist on the server */
  static void requireSent(IMAPStore store, String name, String label) throws MessagingException {
    if (!store.getFolder(name).exists()) {
      throw noSentFolder(store, name, label);
    }
  }

  /** Names the key to set and the folders there are. */
  static MailboxSetupException noSentFolder(IMAPStore store, String name, String label) throws MessagingException {
    return new MailboxSetupException(SENT_KEY, label + ": the sent folder \"" + name
        + "\" does not exist; set " + SENT_KEY + " to one of: " + FolderNames.existing(store), null);
  }

  /** Creates the stop folder when missing; a server that refuses is logged, not an error. */
  static void ensureStop(IMAPStore store, String name, String label) throws MessagingException {
    try {
      IMAPFolder folder = (IMAPFolder) store.getFolder(name);
      if (!folder.exists()) {
        FolderCreation.create(folder, name, "followup.stop_folder");
        log.info("{} created stop folder '{}'", label, name);
      }
    } catch (MailboxSetupException e) {
      log.warn("{} {}", label, e.getMessage());
    }
  }
}
