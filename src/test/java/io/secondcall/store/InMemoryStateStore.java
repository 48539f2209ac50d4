package io.secondcall.store;

import io.secondcall.core.Conversation;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.DigestEntry;
import io.secondcall.port.MailFolder;
import io.secondcall.port.StaleStateException;
import io.secondcall.port.StateStore;
import io.secondcall.port.StepRecord;
import io.secondcall.port.SyncCursor;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link StateStore} in memory, for tests of the engine. It behaves like {@link
 * SqliteStateStore}: same ordering, instants kept to the millisecond, and transactions that
 * restore a snapshot taken at the start of the outermost transaction when the work throws.
 */
public final class InMemoryStateStore implements StateStore {

  private Tables tables = new Tables();
  private final NestedTransactions transactions = new NestedTransactions(this::run);

  @Override
  public synchronized void inTransaction(Runnable work) {
    transactions.inTransaction(work);
  }

  @Override
  public synchronized void inDiscardedTransaction(Runnable work) {
    transactions.inDiscardedTransaction(work);
  }

  private void run(Runnable work, boolean discarded) {
    Tables before = tables.copy();
    boolean done = false;
    try {
      work.run();
      done = true;
    } finally {
      if (!done || discarded) {
        tables = before;
      }
    }
  }

  @Override
  public synchronized Optional<Instant> firstScanAt() {
    return Optional.ofNullable(tables.firstScanAt);
  }

  @Override
  public synchronized void setFirstScanAt(Instant at) {
    tables.firstScanAt = Millis.truncate(Objects.requireNonNull(at, "at"));
  }

  @Override
  public synchronized SyncCursor cursor(MailFolder folder) {
    return tables.cursors.getOrDefault(Objects.requireNonNull(folder, "folder"), SyncCursor.NONE);
  }

  @Override
  public synchronized void saveCursor(MailFolder folder, SyncCursor cursor) {
    tables.cursors.put(Objects.requireNonNull(folder, "folder"), Objects.requireNonNull(cursor, "cursor"));
  }

  @Override
  public synchronized Conversation save(Conversation conversation) {
    Conversation stored = tables.conversations.get(conversation.id());
    long storedVersion = stored == null ? 0 : stored.version();
    if (storedVersion != conversation.version()) {
      throw new StaleStateException("conversation " + conversation.id() + " changed since version "
          + conversation.version() + " was read");
    }
    Conversation saved = Millis.truncate(conversation.withVersion(storedVersion + 1));
    tables.conversations.put(conversation.id(), saved);
    countChange();
    if (saved.touches() >= 1) {
      // Keyed "id#number" so a copy of the map is a snapshot; the first time of a number stays.
      tables.touches.putIfAbsent(saved.id() + "#" + saved.touches(), saved.lastTouchAt());
    }
    return saved;
  }

  @Override
  public synchronized List<Instant> touchTimes(String conversationId) {
    return tables.touches.entrySet().stream()
        .filter(e -> e.getKey().startsWith(conversationId + "#"))
        .sorted(Comparator.comparingInt(e -> Integer.parseInt(e.getKey().substring(conversationId.length() + 1))))
        .map(Map.Entry::getValue)
        .toList();
  }

  @Override
  public synchronized void addAutoReply(String conversationId, Instant at) {
    tables.autoReplies.add(conversationId + "#" + Millis.truncate(at).toEpochMilli());
  }

  @Override
  public synchronized List<Instant> autoReplies(String conversationId) {
    return tables.autoReplies.stream()
        .filter(k -> k.startsWith(conversationId + "#"))
        .map(k -> Instant.ofEpochMilli(Long.parseLong(k.substring(conversationId.length() + 1))))
        .sorted()
        .toList();
  }

  @Override
  public synchronized Optional<Conversation> conversation(String id) {
    return Optional.ofNullable(tables.conversations.get(id));
  }

  @Override
  public synchronized List<Conversation> conversations() {
    return tables.conversations.values().stream()
        .sorted(Comparator.comparing(Conversation::startedAt))
        .toList();
  }

  @Override
  public synchronized List<Conversation> activeConversations() {
    return conversations().stream().filter(Conversation::isActive).toList();
  }

  @Override
  public synchronized List<Conversation> activeWithDomain(String domain) {
    return activeConversations().stream()
        .filter(c -> c.contacts().stream().anyMatch(a -> a.domain().equals(domain))).toList();
  }

  @Override
  public synchronized List<Conversation> activeInThread(String threadId) {
    return activeConversations().stream().filter(c -> threadId.equals(c.threadId())).toList();
  }

  @Override
  public synchronized List<Conversation> conversationsWith(io.secondcall.core.EmailAddress address) {
    return conversations().stream().filter(c -> c.hasContact(address)).toList();
  }

  @Override
  public synchronized void linkMessage(String messageId, String conversationId) {
    Objects.requireNonNull(conversationId, "conversationId");
    tables.messageLinks.putIfAbsent(Objects.requireNonNull(messageId, "messageId"), conversationId);
  }

  @Override
  public synchronized Optional<String> conversationOfMessage(String messageId) {
    return Optional.ofNullable(tables.messageLinks.get(messageId));
  }

  @Override
  public synchronized void saveStep(StepRecord step) {
    tables.steps.put(step.secondcallId(), Millis.truncate(step));
    countChange();
  }

  private void countChange() {
    tables.meta.merge("state.changes", "1", (a, b) -> Long.toString(Long.parseLong(a) + 1));
  }

  @Override
  public synchronized long changes() {
    return Long.parseLong(tables.meta.getOrDefault("state.changes", "0"));
  }

  @Override
  public synchronized List<StepRecord> stepsChangedSince(StepRecord.State state, Instant since) {
    long sinceMillis = Millis.ceil(since);
    return stepsIn(state).stream().filter(s -> s.updatedAt().toEpochMilli() >= sinceMillis).toList();
  }

  @Override
  public synchronized List<CallbackRecord> callbacksIn(CallbackRecord.State state, Instant from) {
    long fromMillis = Millis.ceil(from);
    return callbacksIn(state).stream().filter(c -> c.time().start().toEpochMilli() >= fromMillis).toList();
  }

  @Override
  public synchronized int archiveEndedBefore(Instant cutoff) {
    long at = Millis.ceil(cutoff);
    Set<String> old = new HashSet<>();
    for (Conversation c : tables.conversations.values()) {
      if (!c.isActive() && c.endedAt() != null && c.endedAt().toEpochMilli() < at
          && c.lastTouchAt().toEpochMilli() < at && c.startedAt().toEpochMilli() < at) {
        old.add(c.id());
      }
    }
    tables.conversations.keySet().removeAll(old);
    tables.steps.values().removeIf(s -> old.contains(s.conversationId()));
    tables.callbacks.values().removeIf(c -> old.contains(c.conversationId()));
    tables.touches.keySet().removeIf(k -> old.contains(k.substring(0, k.lastIndexOf('#'))));
    tables.autoReplies.removeIf(k -> old.stream().anyMatch(id -> k.startsWith(id + "#")));
    tables.digest.values().removeIf(e -> e.digestId != null && old.contains(e.entry.conversationId()));
    return old.size();
  }

  @Override
  public synchronized Optional<StepRecord> step(String secondcallId) {
    return Optional.ofNullable(tables.steps.get(secondcallId));
  }

  @Override
  public synchronized List<StepRecord> steps(String conversationId) {
    return tables.steps.values().stream()
        .filter(s -> s.conversationId().equals(conversationId))
        .sorted(Comparator.comparingInt(StepRecord::number))
        .toList();
  }

  @Override
  public synchronized List<StepRecord> stepsIn(StepRecord.State state) {
    return tables.steps.values().stream()
        .filter(s -> s.state() == state)
        .sorted(Comparator.comparing(StepRecord::dueAt))
        .toList();
  }

  @Override
  public synchronized int countPreparedBetween(Instant from, Instant to) {
    long fromMillis = Millis.ceil(from);
    long toMillis = Millis.ceil(to);
    return (int) tables.steps.values().stream()
        .mapToLong(s -> s.preparedAt().toEpochMilli())
        .filter(at -> at >= fromMillis && at < toMillis)
        .count();
  }

  @Override
  public synchronized void addDigestEntry(DigestEntry entry) {
    tables.digest.putIfAbsent(entry.key(), new StoredEntry(Millis.truncate(entry), null));
  }

  @Override
  public synchronized List<DigestEntry> pendingDigestEntries() {
    return tables.digest.values().stream()
        .filter(e -> e.digestId == null)
        .map(StoredEntry::entry)
        .sorted(Comparator.comparing(DigestEntry::createdAt))
        .toList();
  }

  @Override
  public synchronized void markDigestDelivered(Collection<String> keys, String digestId) {
    Objects.requireNonNull(digestId, "digestId");
    for (String key : keys) {
      tables.digest.computeIfPresent(key,
          (k, e) -> e.digestId == null ? new StoredEntry(e.entry, digestId) : e);
    }
  }

  @Override
  public synchronized void saveCallback(CallbackRecord c) {
    tables.callbacks.put(c.blockId(), Millis.truncate(c));
  }

  @Override
  public synchronized Optional<CallbackRecord> callback(String blockId) {
    return Optional.ofNullable(tables.callbacks.get(blockId));
  }

  @Override
  public synchronized List<CallbackRecord> callbacks(String conversationId) {
    return tables.callbacks.values().stream()
        .filter(c -> c.conversationId().equals(conversationId))
        .sorted(Comparator.comparing(c -> c.time().start()))
        .toList();
  }

  @Override
  public synchronized List<CallbackRecord> callbacksIn(CallbackRecord.State state) {
    return tables.callbacks.values().stream()
        .filter(c -> c.state() == state)
        .sorted(Comparator.comparing(c -> c.time().start()))
        .toList();
  }

  @Override
  public synchronized boolean addMailingList(String address, String evidence, Instant at) {
    return tables.lists.add(address);
  }

  @Override
  public synchronized boolean isMailingList(String address) {
    return tables.lists.contains(address);
  }

  @Override
  public synchronized void savePhone(String address, String e164) {
    tables.phones.put(address, e164);
  }

  @Override
  public synchronized Optional<String> phone(String address) {
    return Optional.ofNullable(tables.phones.get(address));
  }

  @Override
  public synchronized List<DigestEntry> digestEntries(String digestId) {
    return tables.digest.values().stream()
        .filter(e -> digestId.equals(e.digestId))
        .map(StoredEntry::entry)
        .sorted(Comparator.comparing(DigestEntry::createdAt))
        .toList();
  }

  @Override
  public synchronized Optional<String> meta(String key) {
    return Optional.ofNullable(tables.meta.get(key));
  }

  @Override
  public synchronized void setMeta(String key, String value) {
    if (value == null) {
      tables.meta.remove(key);
    } else {
      tables.meta.put(key, value);
    }
  }

  @Override
  public void close() {
    // Nothing to release.
  }

  private record StoredEntry(DigestEntry entry, String digestId) {}

  /** All state; values are immutable records, so a copy of the maps is a full snapshot. */
  private static final class Tables {
    Instant firstScanAt;
    final Map<MailFolder, SyncCursor> cursors = new EnumMap<>(MailFolder.class);
    // Insertion order is the tie-break, as rowid is in SQLite.
    final Map<String, Conversation> conversations = new LinkedHashMap<>();
    final Map<String, String> messageLinks = new LinkedHashMap<>();
    final Map<String, StepRecord> steps = new LinkedHashMap<>();
    final Map<String, StoredEntry> digest = new LinkedHashMap<>();
    final Map<String, String> meta = new LinkedHashMap<>();
    final Map<String, CallbackRecord> callbacks = new LinkedHashMap<>();
    final Map<String, String> phones = new LinkedHashMap<>();
    final Set<String> lists = new HashSet<>();
    final Map<String, Instant> touches = new LinkedHashMap<>();
    final Set<String> autoReplies = new HashSet<>();

    Tables copy() {
      Tables copy = new Tables();
      copy.firstScanAt = firstScanAt;
      copy.cursors.putAll(cursors);
      copy.conversations.putAll(conversations);
      copy.messageLinks.putAll(messageLinks);
      copy.steps.putAll(steps);
      copy.digest.putAll(digest);
      copy.meta.putAll(meta);
      copy.callbacks.putAll(callbacks);
      copy.phones.putAll(phones);
      copy.lists.addAll(lists);
      copy.touches.putAll(touches);
      copy.autoReplies.addAll(autoReplies);
      return copy;
    }
  }
}
