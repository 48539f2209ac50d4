package io.secondcall.mail.imap;

import io.secondcall.port.SyncCursor;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * One STATUS (RFC 3501 6.3.10) instead of opening a folder: UIDNEXT and UIDVALIDITY tell
 * whether anything arrived since the cursor, so an unchanged folder costs one command and the
 * server reads none of its messages. Every IMAP server has STATUS.
 */
final class FolderStatus {

  private static final String[] ITEMS = {"UIDNEXT", "UIDVALIDITY"};

  private FolderStatus() {}

  /** The folder's status, or null when the server says NO (the folder does not exist, e.g. no stop folder yet). */
  static Status of(IMAPFolder folder) throws MessagingException {
    try {
      return (Status) folder.doCommand(p -> p.status(folder.getFullName(), ITEMS));
    } catch (MessagingException e) {
      if (e.getCause() instanceof CommandFailedException) {
        return null;
      }
      throw e;
    }
  }

  /** Whether nothing arrived after the cursor: same UIDVALIDITY, and no UID above the last one read. */
  static boolean unchanged(Status status, SyncCursor cursor) {
    return !cursor.isNone() && status.uidvalidity == cursor.uidValidity() && status.uidnext > 0
        && status.uidnext - 1 <= cursor.lastUid();
  }
}
