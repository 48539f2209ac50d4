package io.secondcall.mail.imap;

import jakarta.mail.MessagingException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * The state of the watched folders for one cycle. Where the server has LIST-STATUS, one LIST
 * answers for all of them, and each folder's status is served from it once: the next look at
 * the same folder (the next cycle) lists again. Elsewhere each folder costs one STATUS.
 */
final class FolderStates {

  /** A list older than this is read again: it answers for the folders of one cycle, not for the next. */
  private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(20);

  private FolderList list;
  private IMAPStore listedOn;
  private long listedAt;
  private final Set<String> served = new HashSet<>();
  private boolean wrote;

  /** The server's folders, as last listed on this connection (listed now if not yet): each new connection lists afresh. */
  FolderList list(IMAPStore store) throws MessagingException {
    if (list == null || store != listedOn) {
      relist(store);
    }
    return list;
  }

  /** The folder's status now, or null when it does not exist. */
  Status status(IMAPStore store, IMAPFolder folder) throws MessagingException {
    FolderList current = list(store);
    if (!current.withStatus()) {
      return FolderStatus.of(folder);
    }
    String name = folder.getFullName();
    if (wrote || served.contains(name) || System.nanoTime() - listedAt > FRESH_NANOS) {
      current = relist(store);
    }
    served.add(name);
    return current.status(name);
  }

  /** We changed a folder: the statuses listed before say nothing about it any more. */
  void wrote() {
    wrote = true;
  }

  private FolderList relist(IMAPStore store) throws MessagingException {
    list = FolderList.read(store);
    listedOn = store;
    listedAt = System.nanoTime();
    served.clear();
    wrote = false;
    return list;
  }
}
