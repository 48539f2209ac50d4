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
 * the same folder (the next cycle) lists again. Elsewhere each folder costs one STATUS. A
 * connection whose first need is names only (a first read, with nothing to compare) lists
 * without statuses; the first status asked for then lists with them.
 */
final class FolderStates {

  /** A list older than this is read again: it answers for the folders of one cycle, not for the next. */
  private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(20);

  private FolderList list;
  private IMAPStore listedOn;
  private long listedAt;
  private final Set<String> served = new HashSet<>();
  private boolean wrote;

  /** The server's folders, as last listed on this connection (listed now, with statuses, if not yet). */
  FolderList list(IMAPStore store) throws MessagingException {
    return list(store, true);
  }

  /**
   * The server's folders, as listed on this connection in the last seconds; listed now if not,
   * with statuses where {@code statuses} says they will be wanted. Each new connection lists
   * afresh, and so does each cycle: a folder the user made since must be seen.
   */
  FolderList list(IMAPStore store, boolean statuses) throws MessagingException {
    if (list == null || store != listedOn || System.nanoTime() - listedAt > FRESH_NANOS) {
      relist(store, statuses);
    }
    return list;
  }

  /** The folder is being read without its status: a status listed before says less than the read. */
  void reading(String name) {
    served.add(name);
  }

  /** We made a folder: the list no longer shows what is there. */
  void forget() {
    list = null;
  }

  /** The folder's status now, or null when it does not exist. */
  Status status(IMAPStore store, IMAPFolder folder) throws MessagingException {
    FolderList current = list(store);
    if (!FolderList.canListStatus(store)) {
      return FolderStatus.of(folder);
    }
    String name = folder.getFullName();
    // A stale list was listed again by list(store) above.
    if (!current.withStatus() || wrote || served.contains(name)) {
      current = relist(store, true);
    }
    served.add(name);
    return current.status(name);
  }

  /** We changed a folder: the statuses listed before say nothing about it any more. */
  void wrote() {
    wrote = true;
  }

  private FolderList relist(IMAPStore store, boolean statuses) throws MessagingException {
    list = FolderList.read(store, statuses);
    listedOn = store;
    listedAt = System.nanoTime();
    served.clear();
    wrote = false;
    return list;
  }
}
