package io.secondcall.engine;

import io.secondcall.core.MailMessage;
import io.secondcall.port.DraftSink;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import io.secondcall.port.MailSource;
import io.secondcall.port.SyncCursor;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An in-memory mailbox with UIDs and UIDVALIDITY, standing in for IMAP in engine tests. */
final class FakeMailbox implements MailSource, DraftSink {

  private final Map<MailFolder, List<MailMessage>> folders = new EnumMap<>(MailFolder.class);
  private final Map<MailFolder, Long> validity = new EnumMap<>(MailFolder.class);
  private final Map<MailFolder, Long> nextUid = new EnumMap<>(MailFolder.class);
  private final Map<Long, String> texts = new HashMap<>();
  /** Drafts by secondcall id, in the order they were saved. */
  final Map<String, MimeMessage> drafts = new LinkedHashMap<>();
  final List<MimeMessage> inboxDeliveries = new ArrayList<>();
  int draftsSaved;
  /** When set, the next saveDraft stores the draft and then fails, like a crash after APPEND. */
  boolean failAfterNextSave;
  /** When set, the next saveDraft fails before storing, like a crash before APPEND. */
  boolean failBeforeNextSave;

  FakeMailbox() {
    for (MailFolder f : MailFolder.values()) {
      folders.put(f, new ArrayList<>());
      validity.put(f, 1L);
      nextUid.put(f, 1L);
    }
  }

  /** Adds a message with the next UID; {@code text} is what {@link #texts} returns for it. */
  MailMessage add(MailFolder folder, MailMessage.Builder message, String text) {
    long uid = nextUid.merge(folder, 1L, Long::sum) - 1;
    MailMessage m = message.uid(uid).build();
    folders.get(folder).add(m);
    if (text != null) {
      texts.put(uid * 10 + folder.ordinal(), text);
    }
    return m;
  }

  /** Renumbers a folder, as a server does when it changes UIDVALIDITY. */
  void renumber(MailFolder folder) {
    validity.merge(folder, 1L, Long::sum);
  }

  /** The user deletes a draft in their mail client. */
  void userDeletes(String secondcallId) {
    drafts.remove(secondcallId);
  }

  @Override
  public FolderChanges changes(MailFolder folder, SyncCursor cursor, Instant notBefore) {
    long v = validity.get(folder);
    boolean resync = cursor.isNone() || cursor.uidValidity() != v;
    List<MailMessage> out = new ArrayList<>();
    long last = resync ? 0 : cursor.lastUid();
    long max = last;
    for (MailMessage m : folders.get(folder)) {
      max = Math.max(max, m.uid());
      if (m.uid() > last && (!resync || !m.date().isBefore(notBefore))) {
        out.add(m);
      }
    }
    return new FolderChanges(folder, new SyncCursor(v, max), resync, out, 0);
  }

  @Override
  public Map<Long, String> texts(MailFolder folder, long uidValidity, Collection<Long> uids) {
    Map<Long, String> out = new HashMap<>();
    for (Long uid : uids) {
      out.put(uid, texts.getOrDefault(uid * 10 + folder.ordinal(), ""));
    }
    return out;
  }

  @Override
  public Set<String> secondcallIds(MailFolder folder) {
    if (folder == MailFolder.DRAFTS) {
      return new HashSet<>(drafts.keySet());
    }
    Set<String> ids = new HashSet<>();
    if (folder == MailFolder.INBOX) {
      for (MimeMessage m : inboxDeliveries) {
        ids.add(header(m, "X-Secondcall-Id"));
      }
    }
    return ids;
  }

  @Override
  public void saveDraft(MimeMessage draft) {
    if (failBeforeNextSave) {
      failBeforeNextSave = false;
      throw new IllegalStateException("simulated crash before APPEND");
    }
    drafts.put(header(draft, "X-Secondcall-Id"), draft);
    draftsSaved++;
    if (failAfterNextSave) {
      failAfterNextSave = false;
      throw new IllegalStateException("simulated crash after APPEND");
    }
  }

  @Override
  public void deleteDrafts(Collection<String> secondcallIds) {
    secondcallIds.forEach(drafts::remove);
  }

  @Override
  public void deliverToInbox(MimeMessage message) {
    inboxDeliveries.add(message);
  }

  static String header(MimeMessage m, String name) {
    try {
      return m.getHeader(name, null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
