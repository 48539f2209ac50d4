package io.secondcall.mail.imap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MailEvent;
import jakarta.mail.event.MessageChangedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.MessageVanishedEvent;
import org.eclipse.angus.mail.imap.ResyncData;

/**
 * The tagged messages of one folder as last read, kept for as long as the mailbox lives (the
 * whole of {@code run}) and between processes in the state directory ({@link TaggedIndexFiles}),
 * so that a folder that changed is read as what changed. On a server with
 * QRESYNC (RFC 7162) the folder is opened with the UIDVALIDITY and HIGHESTMODSEQ of the last
 * read, and the server answers with the UIDs expunged since (a draft sent or deleted) and the
 * flags that changed; only messages that arrived since, or whose \Deleted flag was taken back,
 * are fetched. Without QRESYNC, or when UIDVALIDITY changed, every tagged message is read again.
 */
final class TaggedIndex {

  /**
   * What a read found, complete: any snapshot a read once returned is a valid point to resync
   * from, however old, since the server reports every change after its HIGHESTMODSEQ.
   */
  record Snapshot(long uidValidity, long highestModSeq, long uidNext, Map<Long, String> idsByUid) {
    Snapshot {
      idsByUid = Map.copyOf(idsByUid);
    }

    /** Whether a read can start from here: the server had CONDSTORE when it was taken. */
    boolean usable() {
      return uidValidity > 0 && highestModSeq > 0 && uidNext > 0;
    }
  }

  private long uidValidity = -1;
  private long highestModSeq = -1;
  private long uidNext = -1;
  /** The ids of the tagged messages without \Deleted, by UID. */
  private final Map<Long, String> idsByUid = new HashMap<>();

  TaggedIndex() {}

  /** Starts from what an earlier process read. */
  TaggedIndex(Snapshot from) {
    uidValidity = from.uidValidity();
    highestModSeq = from.highestModSeq();
    uidNext = from.uidNext();
    idsByUid.putAll(from.idsByUid());
  }

  /** The state after the last read that ended well; not {@link Snapshot#usable} before one. */
  Snapshot snapshot() {
    return new Snapshot(uidValidity, highestModSeq, uidNext, idsByUid);
  }

  /** Opens {@code folder} read-only (the caller closes it) and returns the ids of its tagged messages. */
  Set<String> read(IMAPFolder folder, TaggedMessages tagged, boolean qresync) throws MessagingException {
    long since = highestModSeq;
    // Until this read ends well the index is not to be trusted: a read cut short reads all next time.
    highestModSeq = -1;
    if (qresync && since > 0 && uidNext > 0) {
      List<MailEvent> events = folder.open(Folder.READ_ONLY, new ResyncData(uidValidity, since));
      // UIDNEXT and HIGHESTMODSEQ never go back in the same folder; where they did, it is another.
      if (folder.getUIDValidity() == uidValidity && folder.getHighestModSeq() >= since
          && folder.getUIDNext() >= uidNext) {
        update(folder, tagged, events == null ? List.of() : events);
        remember(folder);
        return Set.copyOf(idsByUid.values());
      }
    } else {
      folder.open(Folder.READ_ONLY);
    }
    idsByUid.clear();
    idsByUid.putAll(tagged.idsByUid(folder, folder.getMessages()));
    remember(folder);
    return Set.copyOf(idsByUid.values());
  }

  private void update(IMAPFolder folder, TaggedMessages tagged, List<MailEvent> events) throws MessagingException {
    Set<Long> unknown = new HashSet<>();
    for (MailEvent event : events) {
      if (event instanceof MessageVanishedEvent vanished) {
        for (long uid : vanished.getUIDs()) {
          idsByUid.remove(uid);
        }
      } else if (event instanceof MessageChangedEvent changed) {
        Message m = changed.getMessage();
        long uid = folder.getUID(m);
        if (m.isSet(Flags.Flag.DELETED)) {
          idsByUid.remove(uid);
        } else if (!idsByUid.containsKey(uid)) {
          unknown.add(uid);
        }
      }
    }
    forgetGone(folder);
    List<Message> toRead = new ArrayList<>();
    for (long uid : unknown) {
      Message m = folder.getMessageByUID(uid);
      if (m != null) {
        toRead.add(m);
      }
    }
    // New since the last read, whether or not the server listed them among the changes. "UID
    // FETCH n:*" also answers with the last message when its UID is below n: left out here.
    if (folder.getUIDNext() != uidNext) {
      for (Message m : folder.getMessagesByUID(uidNext, UIDFolder.LASTUID)) {
        if (m != null && folder.getUID(m) >= uidNext && !unknown.contains(folder.getUID(m))) {
          toRead.add(m);
        }
      }
    }
    idsByUid.putAll(tagged.idsByUid(folder, toRead.toArray(new Message[0])));
  }

  /**
   * Drops the UIDs that are no longer there, in one {@code UID FETCH (UID)} of the ones kept. A
   * server should have named them VANISHED, but Cyrus keeps UIDVALIDITY, UIDs and mod-sequences
   * going in a folder deleted and made anew, and names none of the old ones.
   */
  private void forgetGone(IMAPFolder folder) throws MessagingException {
    if (idsByUid.isEmpty()) {
      return;
    }
    long[] kept = idsByUid.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    Message[] present = folder.getMessagesByUID(kept);
    for (int i = 0; i < kept.length; i++) {
      if (present[i] == null) {
        idsByUid.remove(kept[i]);
      }
    }
  }

  private void remember(IMAPFolder folder) throws MessagingException {
    uidValidity = folder.getUIDValidity();
    highestModSeq = folder.getHighestModSeq();
    uidNext = folder.getUIDNext();
  }
}
