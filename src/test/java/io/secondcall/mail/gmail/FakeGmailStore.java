package io.secondcall.mail.gmail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secondcall.core.Subjects;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mailbox behind the fake Gmail API: messages (raw RFC 5322 bytes) with labels and threads,
 * drafts, labels, and the history of every change, numbered as Gmail numbers them. Like Gmail:
 * message ids are 16 hex digits that grow; a new message joins a thread only when it references
 * a message in it and the subjects match (a draft naming a {@code threadId} that fails this
 * starts a thread of its own); history before {@link #expireHistory()} answers 404.
 */
public final class FakeGmailStore {

  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> SYSTEM_LABELS =
      List.of("INBOX", "SENT", "DRAFT", "UNREAD", "SPAM", "TRASH", "STARRED", "IMPORTANT", "CATEGORY_PERSONAL");
  private static final long FIRST_ID = 0x1900000000000000L;

  /** One stored message. */
  public static final class Stored {
    public final String id;
    public final String threadId;
    public final byte[] raw;
    final long internalDate;
    public final Set<String> labels = new LinkedHashSet<>();
    public final FakeGmailMessage parsed;
    long historyId;

    Stored(String id, String threadId, byte[] raw, long internalDate, FakeGmailMessage parsed) {
      this.id = id;
      this.threadId = threadId;
      this.raw = raw;
      this.internalDate = internalDate;
      this.parsed = parsed;
    }
  }

  private final Map<String, Stored> messages = new LinkedHashMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  /** draft id -> message id */
  private final Map<String, String> drafts = new LinkedHashMap<>();
  private final List<ObjectNode> history = new ArrayList<>();
  private long historyId = 1000;
  private long expiredBefore;
  private long nextId = FIRST_ID;
  private int nextLabel = 1;
  private int nextDraft = 1;
  private int threadsRefused;

  FakeGmailStore() {
    SYSTEM_LABELS.forEach(l -> labels.put(l, l));
  }

  public synchronized long historyId() {
    return historyId;
  }

  /** Every history id up to now is forgotten: history.list from any of them answers 404. */
  public synchronized void expireHistory() {
    expiredBefore = historyId + 1;
  }

  synchronized boolean historyExpired(long start) {
    return start < expiredBefore;
  }

  /** How many times a draft or message named a thread it could not join. */
  synchronized int threadsRefused() {
    return threadsRefused;
  }

  /** Stores a message with these labels; {@code threadId} is honoured only when Gmail would honour it. */
  public synchronized Stored add(byte[] raw, Collection<String> labelIds, String threadId, long internalDate) {
    String id = Long.toHexString(nextId++);
    FakeGmailMessage parsed = new FakeGmailMessage(raw);
    Stored m = new Stored(id, thread(id, parsed, threadId), raw, internalDate, parsed);
    m.labels.addAll(labelIds);
    messages.put(id, m);
    ObjectNode record = record();
    record.putArray("messagesAdded").addObject().set("message", ref(m));
    m.historyId = historyId;
    return m;
  }

  private String thread(String id, FakeGmailMessage m, String wanted) {
    Set<String> refs = new LinkedHashSet<>(m.references());
    String subject = Subjects.strip(m.subject());
    String found = null;
    for (Stored other : messages.values()) {
      if (refs.contains(other.parsed.messageId()) && Subjects.strip(other.parsed.subject()).equalsIgnoreCase(subject)
          && (wanted == null || wanted.equals(other.threadId))) {
        found = other.threadId;
      }
    }
    if (wanted != null && found == null) {
      threadsRefused++;
    }
    return found != null ? found : id;
  }

  public synchronized Stored get(String id) {
    return messages.get(id);
  }

  public synchronized List<Stored> all() {
    return List.copyOf(messages.values());
  }

  /** The messages with this label now; read under the store's lock, as the API may be changing labels meanwhile. */
  public synchronized List<Stored> withLabel(String labelId) {
    return messages.values().stream().filter(m -> m.labels.contains(labelId)).toList();
  }

  synchronized void delete(String id) {
    Stored m = messages.remove(id);
    if (m != null) {
      drafts.values().remove(id);
      record().putArray("messagesDeleted").addObject().set("message", ref(m));
    }
  }

  /** Adds and removes labels of a message, as a user does in Gmail. */
  public synchronized void relabel(String id, Collection<String> add, Collection<String> remove) {
    Stored m = messages.get(id);
    List<String> added = add.stream().filter(l -> !m.labels.contains(l)).toList();
    List<String> removed = remove.stream().filter(m.labels::contains).toList();
    m.labels.addAll(added);
    m.labels.removeAll(removed);
    if (!added.isEmpty()) {
      ObjectNode a = record().putArray("labelsAdded").addObject();
      a.set("message", ref(m));
      added.forEach(a.putArray("labelIds")::add);
      m.historyId = historyId;
    }
    if (!removed.isEmpty()) {
      ObjectNode r = record().putArray("labelsRemoved").addObject();
      r.set("message", ref(m));
      removed.forEach(r.putArray("labelIds")::add);
      m.historyId = historyId;
    }
  }

  /** The id of the label with this name, creating it when missing. */
  public synchronized String label(String name) {
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (e.getValue().equalsIgnoreCase(name)) {
        return e.getKey();
      }
    }
    String id = "Label_" + nextLabel++;
    labels.put(id, name);
    return id;
  }

  public synchronized boolean hasLabel(String name) {
    return labels.values().stream().anyMatch(n -> n.equalsIgnoreCase(name));
  }

  /** Deletes a user label; its messages lose it. */
  synchronized void deleteLabel(String name) {
    String id = label(name);
    for (Stored m : List.copyOf(messages.values())) {
      if (m.labels.contains(id)) {
        relabel(m.id, List.of(), List.of(id));
      }
    }
    labels.remove(id);
  }

  synchronized Map<String, String> labels() {
    return Map.copyOf(labels);
  }

  /** drafts.create: a message labelled DRAFT, and the draft id that names it. */
  synchronized String createDraft(byte[] raw, String threadId, long now) {
    Stored m = add(raw, List.of("DRAFT"), threadId, now);
    String draftId = "r-" + nextDraft++;
    drafts.put(draftId, m.id);
    return draftId;
  }

  /** As the user editing a draft in Gmail: the draft keeps its id, its message is a new one. */
  synchronized void editDraft(String draftId, byte[] raw, long now) {
    String old = drafts.get(draftId);
    Stored before = messages.get(old);
    Stored m = add(raw, List.of("DRAFT"), before.threadId, now);
    delete(old);
    drafts.put(draftId, m.id);
  }

  /** As the user sending a draft: the message stays, DRAFT goes, SENT comes. */
  synchronized void sendDraft(String draftId) {
    String id = drafts.remove(draftId);
    relabel(id, List.of("SENT"), List.of("DRAFT"));
  }

  public synchronized Map<String, String> drafts() {
    return Map.copyOf(drafts);
  }

  synchronized String draftOf(String messageId) {
    return drafts.entrySet().stream().filter(e -> e.getValue().equals(messageId)).map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }

  synchronized void deleteDraft(String draftId) {
    String id = drafts.remove(draftId);
    if (id != null) {
      delete(id);
    }
  }

  /** The history records after {@code start}. */
  synchronized List<ObjectNode> historyAfter(long start) {
    return history.stream().filter(h -> h.get("id").asLong() > start).map(ObjectNode::deepCopy).toList();
  }

  private ObjectNode record() {
    ObjectNode h = JSON.createObjectNode().put("id", Long.toString(++historyId));
    history.add(h);
    return h;
  }

  private static ObjectNode ref(Stored m) {
    ObjectNode ref = JSON.createObjectNode().put("id", m.id).put("threadId", m.threadId);
    ArrayNode ids = ref.putArray("labelIds");
    m.labels.forEach(ids::add);
    return ref;
  }
}
