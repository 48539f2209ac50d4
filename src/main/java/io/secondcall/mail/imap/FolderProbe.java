package io.secondcall.mail.imap;

import io.secondcall.port.MailFolder;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.ReadOnlyFolderException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.Rights;

/**
 * Looks at a folder without reading or changing a message: STATUS for the count, the server's
 * ACL rights where it offers them (RFC 4314), and for Drafts a SELECT, which a server answers
 * with {@code [READ-ONLY]} when the user may not change the folder.
 */
final class FolderProbe {

  private FolderProbe() {}

  static FolderInfo probe(IMAPStore store, MailFolder role, String name) throws MessagingException {
    IMAPFolder folder = (IMAPFolder) store.getFolder(name);
    if (!folder.exists() || (folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
      return new FolderInfo(role, name, false, 0, false);
    }
    int messages = folder.getMessageCount();
    return new FolderInfo(role, name, true, messages, writable(store, folder, role));
  }

  private static boolean writable(IMAPStore store, IMAPFolder folder, MailFolder role) throws MessagingException {
    if (store.hasCapability("ACL") && !folder.myRights().contains(Rights.Right.INSERT)) {
      return false;
    }
    // Drafts are removed again, which needs a folder selected for writing. The inbox is not
    // selected that way: it would take the \Recent flag from new mail, and APPEND needs no SELECT.
    if (role != MailFolder.DRAFTS) {
      return true;
    }
    try {
      folder.open(Folder.READ_WRITE);
      return folder.getMode() == Folder.READ_WRITE;
    } catch (ReadOnlyFolderException e) {
      return false;
    } finally {
      if (folder.isOpen()) {
        folder.close(false);
      }
    }
  }
}
