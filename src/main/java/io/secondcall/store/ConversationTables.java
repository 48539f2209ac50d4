package io.secondcall.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.port.StaleStateException;
import io.secondcall.port.StepRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tables of {@link SqliteStateStore} about conversations: {@code conversation} with its
 * optimistic version, {@code message_link} (Message-ID to conversation, with a cache of hits) and
 * {@code step}. Callers hold the store's monitor.
 */
final class ConversationTables {

  private static final int MESSAGE_CACHE_SIZE = 50_000;

  private final Sql sql;
  /** Message-ID to conversation id; only hits are cached, and links are never removed. */
  private final Cache<String, String> messageCache =
      Caffeine.newBuilder().maximumSize(MESSAGE_CACHE_SIZE).executor(Runnable::run).build();

  ConversationTables(Sql sql) {
    this.sql = sql;
  }

  /** Drops the cached links: after a rollback, the cache may hold links the rolled-back work wrote. */
  void forgetCachedLinks() {
    messageCache.invalidateAll();
  }

  Conversation save(Conversation conversation) {
    // An upsert, not INSERT OR REPLACE, keeps the rowid and with it the insertion order. The
    // update applies only to the version the caller read: a row changed since is left alone.
    int changed = sql.update("save conversation " + conversation.id(),
        "INSERT INTO conversation (" + Rows.CONVERSATION_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            + " contacts = excluded.contacts, subject = excluded.subject,"
            + " root_message_id = excluded.root_message_id, thread_id = excluded.thread_id,"
            + " started_at = excluded.started_at, last_touch_at = excluded.last_touch_at,"
            + " last_message_id = excluded.last_message_id, last_references = excluded.last_references,"
            + " last_text = excluded.last_text, touches = excluded.touches,"
            + " steps_done = excluded.steps_done, first_step_days = excluded.first_step_days,"
            + " paused_until = excluded.paused_until, status = excluded.status,"
            + " end_reason = excluded.end_reason, ended_at = excluded.ended_at, me = excluded.me,"
            + " version = excluded.version"
            + " WHERE conversation.version = excluded.version - 1",
        Rows.params(conversation));
    if (changed != 1) {
      throw new StaleStateException("conversation " + conversation.id() + " changed since version "
          + conversation.version() + " was read");
    }
    if (conversation.version() == 0) {
      for (EmailAddress contact : conversation.contacts()) {
        sql.update("save contact of " + conversation.id(), "INSERT INTO conversation_contact"
            + " (conversation_id, address, domain) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            conversation.id(), contact.address(), contact.domain());
      }
    }
    countChange();
    return conversation.withVersion(conversation.version() + 1);
  }

  Optional<Conversation> conversation(String id) {
    return sql.queryOne("read conversation " + id,
        "SELECT " + Rows.CONVERSATION_COLUMNS + " FROM conversation WHERE id = ?",
        Rows::conversation, id);
  }

  List<Conversation> conversations() {
    return sql.query("read conversations",
        "SELECT " + Rows.CONVERSATION_COLUMNS + " FROM conversation ORDER BY started_at, rowid",
        Rows::conversation);
  }

  List<Conversation> activeConversations() {
    return sql.query("read active conversations",
        "SELECT " + Rows.CONVERSATION_COLUMNS + " FROM conversation WHERE status = ?"
            + " ORDER BY started_at, rowid",
        Rows::conversation, Conversation.Status.ACTIVE.name());
  }

  /** The active conversations with a contact at {@code domain}, oldest first. */
  List<Conversation> activeWithDomain(String domain) {
    return sql.query("read active conversations at " + domain,
        // CROSS JOIN makes SQLite start from the contacts at that domain, never from all active rows.
        "SELECT DISTINCT " + Rows.CONVERSATION_COLUMNS + ", c.rowid FROM conversation_contact k CROSS JOIN conversation c"
            + " ON c.id = k.conversation_id WHERE k.domain = ? AND c.status = ? ORDER BY started_at, c.rowid",
        Rows::conversation, domain, Conversation.Status.ACTIVE.name());
  }

  /** The conversations, active or ended, with {@code address} among their contacts, oldest first. */
  List<Conversation> conversationsWith(String address) {
    return sql.query("read conversations with " + address,
        "SELECT " + Rows.CONVERSATION_COLUMNS + " FROM conversation_contact k CROSS JOIN conversation c"
            + " ON c.id = k.conversation_id WHERE k.address = ? ORDER BY started_at, c.rowid",
        Rows::conversation, address);
  }

  /** The active conversations in this Gmail thread, oldest first. */
  List<Conversation> activeInThread(String threadId) {
    return sql.query("read active conversations in thread " + threadId,
        // Else SQLite would read all active rows in order rather than the thread's few and sort them.
        "SELECT " + Rows.CONVERSATION_COLUMNS + " FROM conversation INDEXED BY conversation_thread"
            + " WHERE thread_id = ? AND status = ?"
            + " ORDER BY started_at, rowid",
        Rows::conversation, threadId, Conversation.Status.ACTIVE.name());
  }

  void linkMessage(String messageId, String conversationId) {
    Objects.requireNonNull(conversationId, "conversationId");
    sql.update("link message " + messageId,
        "INSERT INTO message_link (message_id, conversation_id) VALUES (?, ?)"
            + " ON CONFLICT (message_id) DO NOTHING",
        Objects.requireNonNull(messageId, "messageId"), conversationId);
  }

  Optional<String> conversationOfMessage(String messageId) {
    String cached = messageCache.getIfPresent(messageId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<String> found = sql.queryOne("read message link " + messageId,
        "SELECT conversation_id FROM message_link WHERE message_id = ?", rs -> rs.getString(1),
        messageId);
    found.ifPresent(id -> messageCache.put(messageId, id));
    return found;
  }

  void saveStep(StepRecord step) {
    sql.update("save step " + step.secondcallId(),
        "INSERT INTO step (" + Rows.STEP_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (secondcall_id) DO UPDATE SET conversation_id = excluded.conversation_id,"
            + " number = excluded.number, kind = excluded.kind, due_at = excluded.due_at,"
            + " state = excluded.state, prepared_at = excluded.prepared_at,"
            + " updated_at = excluded.updated_at",
        Rows.params(step));
    countChange();
  }

  /** See {@link io.secondcall.port.StateStore#changes()}; callers write it in the same transaction. */
  private void countChange() {
    sql.update("count a change", "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key)"
        + " DO UPDATE SET value = CAST(value AS INTEGER) + 1", BookkeepingTables.CHANGES);
  }

  Optional<StepRecord> step(String secondcallId) {
    return sql.queryOne("read step " + secondcallId,
        "SELECT " + Rows.STEP_COLUMNS + " FROM step WHERE secondcall_id = ?", Rows::step,
        secondcallId);
  }

  List<StepRecord> steps(String conversationId) {
    return sql.query("read steps of " + conversationId,
        "SELECT " + Rows.STEP_COLUMNS + " FROM step WHERE conversation_id = ? ORDER BY number, rowid",
        Rows::step, conversationId);
  }

  List<StepRecord> stepsIn(StepRecord.State state) {
    return sql.query("read " + state + " steps",
        "SELECT " + Rows.STEP_COLUMNS + " FROM step WHERE state = ? ORDER BY due_at, rowid",
        Rows::step, state.name());
  }

  List<StepRecord> stepsChangedSince(StepRecord.State state, Instant since) {
    return sql.query("read " + state + " steps changed since " + since,
        "SELECT " + Rows.STEP_COLUMNS + " FROM step WHERE state = ? AND updated_at >= ? ORDER BY due_at, rowid",
        Rows::step, state.name(), Millis.ceil(since));
  }

  int countPreparedBetween(Instant from, Instant to) {
    return sql.queryOne("count prepared steps",
            "SELECT COUNT(*) FROM step WHERE prepared_at >= ? AND prepared_at < ?",
            rs -> rs.getInt(1), Millis.ceil(from), Millis.ceil(to))
        .orElse(0);
  }
}
