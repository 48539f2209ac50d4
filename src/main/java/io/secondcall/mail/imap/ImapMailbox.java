package io.secondcall.mail.imap;

import io.secondcall.port.FolderChanges;
import io.secondcall.port.FolderMissingException;
import io.secondcall.port.MailFolder;
import io.secondcall.port.Mailbox;
import io.secondcall.port.MailboxSetupException;
import io.secondcall.port.ServerAccessException;
import io.secondcall.port.SyncCursor;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's mailbox over IMAP (Angus Mail): reads Sent, INBOX and the stop folder, writes
 * drafts and the digest. One store connection, opened on first use and re-opened after it
 * dropped; each call opens the folder it needs and closes it again. Calls are serialised;
 * {@link #awaitInboxChange} waits on a connection of its own and does not block them.
 *
 * <p>Every failure to reach or talk to the server is a {@link ServerAccessException}: not
 * transient for a refused login, transient otherwise.
 */
public final class ImapMailbox implements Mailbox {

  private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);


  private final ImapAccount account;
  private final ImapConnection connection;
  private final FolderNames names;
  private final FolderStates states = new FolderStates();
  private final InboxWatch inboxWatch;
  private final TaggedMessages tagged;
  private final Map<MailFolder, TaggedIndex> taggedIndexes = new EnumMap<>(MailFolder.class);
  private final TaggedIndexFiles indexFiles;
  /** Null until {@link #supportsIdle} first found IDLE. */
  private Optional<String> idleNote;

  /** A mailbox that keeps what it read of Drafts for its own life only. */
  public ImapMailbox(ImapAccount account) {
    this(account, null);
  }

  /** @param stateDir where what it read of Drafts is kept for the next process (the state directory), or null */
  public ImapMailbox(ImapAccount account, Path stateDir) {
    this.account = Objects.requireNonNull(account, "account");
    this.connection = new ImapConnection(account);
    this.names = new FolderNames(account);
    this.inboxWatch = new InboxWatch(account.label());
    this.tagged = new TaggedMessages(account.label());
    this.indexFiles = new TaggedIndexFiles(stateDir, account.label() + ":" + account.port());
  }

  /** Logs in now (if not logged in yet) so that a bad password shows at start-up, not at the first poll. */
  public synchronized void connect() {
    connection.store();
  }

  /** The real name of the folder for a role, detecting Sent and Drafts when not configured. */
  public synchronized String folderName(MailFolder role) {
    return folderName(role, connection.store());
  }

  private String folderName(MailFolder role, IMAPStore store) {
    try {
      return name(role, store);
    } catch (MessagingException e) {
      throw connection.failure("listing folders", e);
    }
  }

  /** What the folder of {@code role} holds and whether it can be written, for {@code check}. */
  public synchronized FolderInfo inspect(MailFolder role) {
    IMAPStore store = connection.store();
    String name = folderName(role, store);
    try {
      return FolderProbe.probe(store, role, name);
    } catch (MessagingException e) {
      throw connection.failure("inspecting " + name, e);
    }
  }

  /** The full names of every folder on the server, for messages that name the choices. */
  public synchronized List<String> folders() {
    try {
      return Stream.of(connection.store().getDefaultFolder().list("*")).map(Folder::getFullName).toList();
    } catch (MessagingException e) {
      throw connection.failure("listing folders", e);
    }
  }

  @Override
  public synchronized FolderChanges changes(MailFolder role, SyncCursor cursor, Instant notBefore) {
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(notBefore, "notBefore");
    return connection.read("reading " + role, store -> {
      // A first read compares with nothing: the folder's name and existence are all it needs to know.
      boolean first = cursor.isNone();
      FolderList listed = states.list(store, !first);
      String name = names.name(role, store, listed);
      IMAPFolder folder = (IMAPFolder) store.getFolder(name);
      Status status = first ? null : states.status(store, folder);
      boolean there = first ? listed.selectable(name) : status != null;
      if (!there) {
        if (role == MailFolder.SENT) {
          // Reading nothing from a folder that is not there would look like "Nothing new" for ever.
          throw FolderSetup.noSentFolder(store, name, account.label());
        }
        return new FolderChanges(role, cursor, false, List.of(), 0);
      }
      if (first) {
        states.reading(name);
      } else if (FolderStatus.unchanged(status, cursor)) {
        log.debug("{} {} '{}': unchanged", account.label(), role, name);
        return new FolderChanges(role, cursor, false, List.of(), 0);
      }
      folder.open(Folder.READ_ONLY);
      try {
        FolderChanges changes = new ChangeReader(account.label()).read(folder, role, cursor, notBefore);
        log.debug("{} {} '{}': {} new, {} skipped{}", account.label(), role, name,
            changes.messages().size(), changes.skipped(), changes.resynced() ? " (full read)" : "");
        return changes;
      } finally {
        closeQuietly(folder, false);
      }
    });
  }

  /** UIDVALIDITY, UIDNEXT, MESSAGES and HIGHESTMODSEQ, where the server has CONDSTORE. */
  @Override
  public synchronized Optional<String> version(MailFolder role) {
    return connection.read("looking at " + role, store -> {
      Status status = states.status(store, (IMAPFolder) store.getFolder(name(role, store)));
      if (status == null || status.highestmodseq <= 0) {
        return Optional.empty();
      }
      return Optional.of(status.uidvalidity + "/" + status.uidnext + "/" + status.total + "/" + status.highestmodseq);
    });
  }

  @Override
  public synchronized Map<Long, String> texts(MailFolder role, long uidValidity, Collection<Long> uids) {
    if (uids.isEmpty()) {
      return Map.of();
    }
    return connection.read("reading texts in " + role, store -> {
      IMAPFolder folder = (IMAPFolder) store.getFolder(name(role, store));
      if (!folder.exists()) {
        return Map.of();
      }
      folder.open(Folder.READ_ONLY);
      try {
        if (folder.getUIDValidity() != uidValidity) {
          return Map.of();
        }
        return BodyTexts.fetch(folder, uids);
      } finally {
        closeQuietly(folder, false);
      }
    });
  }

  @Override
  public synchronized Set<String> secondcallIds(MailFolder role) {
    return connection.read("reading ids in " + role, store -> {
      String name = name(role, store);
      IMAPFolder folder = (IMAPFolder) store.getFolder(name);
      if (!folder.exists()) {
        throw new FolderMissingException(role, name);
      }
      try {
        boolean qresync = store.hasCapability("QRESYNC");
        TaggedIndex index = taggedIndexes.computeIfAbsent(role,
            r -> indexFiles.load(r, name).map(TaggedIndex::new).orElseGet(TaggedIndex::new));
        Set<String> ids = index.read(folder, tagged, qresync);
        indexFiles.save(role, name, index.snapshot());
        return ids;
      } finally {
        closeQuietly(folder, false);
      }
    });
  }

  private String name(MailFolder role, IMAPStore store) throws MessagingException {
    return names.name(role, store, states.list(store));
  }

  /**
   * Checks that the sent folder exists, for {@code check}.
   *
   * @return its full name
   * @throws MailboxSetupException naming the key to set and the folders there are
   */
  public synchronized String requireSentFolder() {
    IMAPStore store = connection.store();
    String name = folderName(MailFolder.SENT, store);
    try {
      FolderSetup.requireSent(store, name, account.label());
      return name;
    } catch (MessagingException e) {
      throw connection.failure("looking for " + name, e);
    }
  }

  @Override
  public void createStopFolder() {
    ensureStopFolder();
  }

  /**
   * Creates the stop folder when it is missing, so that the user finds it to move conversations
   * into. A server that refuses is logged, not an error: the folder is a convenience.
   *
   * @return the stop folder's full name on this server
   */
  public synchronized String ensureStopFolder() {
    // A read first, on the list the cycle made: where the folder is there, that costs no command.
    String listed = connection.read("looking for the stop folder", store -> {
      String name = name(MailFolder.STOP, store);
      return states.list(store).folders().containsKey(name) ? name : null;
    });
    if (listed != null) {
      return listed;
    }
    IMAPStore store = connection.store();
    String name = folderName(MailFolder.STOP, store);
    try {
      FolderSetup.ensureStop(store, name, account.label());
      states.forget();
    } catch (MessagingException e) {
      throw connection.failure("creating " + name, e);
    }
    return name;
  }

  @Override
  public synchronized void saveDraft(MimeMessage draft) {
    IMAPStore store = connection.store();
    String name = folderName(MailFolder.DRAFTS, store);
    try {
      states.wrote();
      tagged.appendDraft((IMAPFolder) store.getFolder(name), name, draft);
    } catch (MessagingException e) {
      throw connection.failure("saving a draft in " + name, e);
    }
  }

  @Override
  public synchronized void deleteDrafts(Collection<String> secondcallIds) {
    if (secondcallIds.isEmpty()) {
      return;
    }
    IMAPStore store = connection.store();
    String name = folderName(MailFolder.DRAFTS, store);
    try {
      IMAPFolder folder = (IMAPFolder) store.getFolder(name);
      if (!folder.exists()) {
        return;
      }
      folder.open(Folder.READ_WRITE);
      try {
        states.wrote();
        tagged.remove(folder, name, secondcallIds);
      } finally {
        closeQuietly(folder, false);
      }
    } catch (MessagingException e) {
      throw connection.failure("removing drafts from " + name, e);
    }
  }

  @Override
  public synchronized void deliverToInbox(MimeMessage message) {
    IMAPStore store = connection.store();
    String name = folderName(MailFolder.INBOX, store);
    try {
      message.setFlag(Flags.Flag.SEEN, false);
      states.wrote();
      store.getFolder(name).appendMessages(new Message[] {message});
    } catch (MessagingException e) {
      throw connection.failure("delivering to " + name, e);
    }
  }

  /** Whether the server offers IMAP IDLE (RFC 2177), so {@link #awaitInboxChange} can return early. */
  public synchronized boolean supportsIdle() {
    try {
      boolean idle = connection.store().hasCapability("IDLE");
      if (idle && idleNote == null) {
        idleNote = IdleNote.of(connection.store());
        idleNote.ifPresent(note -> log.info("{} {}", account.label(), note));
      }
      return idle;
    } catch (MessagingException e) {
      throw connection.failure("asking for capabilities", e);
    }
  }

  /** What the user should know about this server's IDLE, where it may report new mail late; asked once. */
  public synchronized Optional<String> idleNote() {
    if (!supportsIdle()) {
      return Optional.empty();
    }
    return idleNote;
  }

  /**
   * Waits until the server reports a change in the inbox, or {@code max} passed, or
   * {@link #close()} is called from another thread. Uses a connection of its own, so other
   * calls go on meanwhile.
   *
   * @return true when the server reported a change before {@code max}
   */
  public boolean awaitInboxChange(Duration max) {
    if (inboxWatch.isClosed()) {
      return false;
    }
    IMAPFolder inbox;
    synchronized (this) {
      IMAPStore store = connection.store();
      String name = folderName(MailFolder.INBOX, store);
      try {
        inbox = (IMAPFolder) store.getFolder(name);
      } catch (MessagingException e) {
        throw connection.failure("opening " + name, e);
      }
    }
    try {
      return inboxWatch.await(inbox, max);
    } catch (MessagingException e) {
      throw new ServerAccessException(account.host() + ":" + account.port() + ": waiting for the inbox failed: "
          + ServerAccessException.reason(e), account.host(), account.port(), true, e);
    }
  }

  /**
   * Ends a running {@link #awaitInboxChange} at once and makes later ones return at once, without
   * waiting for other calls in progress: for a stop request from another thread, while a cycle may
   * still be using the mailbox.
   */
  public void stopWatching() {
    inboxWatch.close();
  }

  /** Ends a running {@link #awaitInboxChange} and logs out. */
  @Override
  public void close() {
    stopWatching();
    synchronized (this) {
      connection.close();
    }
  }

  private void closeQuietly(Folder folder, boolean expunge) {
    try {
      if (folder.isOpen()) {
        folder.close(expunge);
      }
    } catch (MessagingException | RuntimeException e) {
      log.debug("{} closing {}: {}", account.label(), folder.getFullName(), e.toString());
    }
  }
}
