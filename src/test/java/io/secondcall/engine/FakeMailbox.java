package io.secondcall.engine;

import io.secondcall.core.MailMessage;
import io.secondcall.port.DraftSink;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.FolderMissingException;
import io.secondcall.port.MailFolder;
import io.secondcall.port.MailSource;
import io.secondcall.port.ServerAccessException;
import io.secondcall.port.SyncCursor;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
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
import java.util.Optional;
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
  /** When set, the drafts folder does not exist (renamed or deleted by the user). */
  boolean draftsFolderMissing;
  /** When set, every read fails as a server that refuses the login does. */
  boolean refuseLogin;
  /** When set, the drafts folder has a version (an IMAP server with CONDSTORE). */
  boolean versioned;
  /** Moves with every change to the drafts folder. */
  private int draftsChanges;
  /** How often the drafts folder's ids were read. */
  int draftsReads;
  /** Runs once, after the next draft is saved: another process acting in the middle of a cycle. */
  Runnable afterNextSave;

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
    draftsChanges++;
  }

  @Override
  public Optional<String> version(MailFolder folder) {
    return versioned && folder == MailFolder.DRAFTS ? Optional.of("v" + draftsChanges) : Optional.empty();
  }

  @Override
  public FolderChanges changes(MailFolder folder, SyncCursor cursor, Instant notBefore) {
    if (refuseLogin) {
      throw new ServerAccessException("127.0.0.1:143: login refused: AUTHENTICATIONFAILED", "127.0.0.1", 143,
          false, null);
    }
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

  /** The user sends the draft: it leaves Drafts and its copy, with our header, lands in Sent. */
  MailMessage userSends(String secondcallId, Instant at) {
    MimeMessage draft = drafts.remove(secondcallId);
    try {
      MailMessage.Builder copy = MailMessage.builder("sent-" + secondcallId + "@northwind.example", at)
          .from(((InternetAddress) draft.getFrom()[0]).getAddress())
          .to(((InternetAddress) draft.getRecipients(jakarta.mail.Message.RecipientType.TO)[0]).getAddress())
          .subject(draft.getSubject()).inReplyTo(bare(header(draft, "In-Reply-To")))
          .header("x-secondcall-id", secondcallId);
      return add(MailFolder.SENT, copy, draft.getContent().toString());
    } catch (MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Set<String> secondcallIds(MailFolder folder) {
    if (folder == MailFolder.DRAFTS && draftsFolderMissing) {
      throw new FolderMissingException(folder, "Drafts");
    }
    if (folder == MailFolder.DRAFTS) {
      draftsReads++;
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
    draftsChanges++;
    if (afterNextSave != null) {
      Runnable hook = afterNextSave;
      afterNextSave = null;
      hook.run();
    }
    if (failAfterNextSave) {
      failAfterNextSave = false;
      throw new IllegalStateException("simulated crash after APPEND");
    }
  }

  @Override
  public void deleteDrafts(Collection<String> secondcallIds) {
    secondcallIds.forEach(drafts::remove);
    draftsChanges++;
  }

  @Override
  public void deliverToInbox(MimeMessage message) {
    inboxDeliveries.add(message);
  }

  private static List<String> bare(String messageId) {
    return messageId == null ? List.of() : List.of(messageId.replaceAll("[<>\\s]", ""));
  }

  static String header(MimeMessage m, String name) {
    try {
      return m.getHeader(name, null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
