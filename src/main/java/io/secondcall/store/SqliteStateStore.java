package io.secondcall.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.secondcall.core.Conversation;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.DigestEntry;
import io.secondcall.port.MailFolder;
import io.secondcall.port.StaleStateException;
import io.secondcall.port.StateStore;
import io.secondcall.port.StepRecord;
import io.secondcall.port.SyncCursor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link StateStore} in one SQLite file, {@code secondcall.db} under the state directory.
 *
 * <p>One connection, guarded by this object's monitor: a transaction holds the monitor for its
 * whole duration, so other threads never see its uncommitted writes. The database runs in WAL
 * mode with {@code synchronous=FULL}, so a commit is on disk when {@link #inTransaction}
 * returns, even across a power loss (SPEC section 10). Writes outside a transaction commit
 * one by one. Instants are kept to the millisecond.
 */
public final class SqliteStateStore implements StateStore {

  /** The database file's name inside the state directory. */
  public static final String FILE_NAME = "secondcall.db";

  /** How an in-memory database is named in messages. */
  static final String IN_MEMORY = ":memory:";

  private static final int MESSAGE_CACHE_SIZE = 50_000;
  private static final String FIRST_SCAN_AT = "first_scan_at";

  private final Sql sql;
  /** Message-ID to conversation id; only hits are cached, and links are never removed. */
  private final Cache<String, String> messageCache =
      Caffeine.newBuilder().maximumSize(MESSAGE_CACHE_SIZE).executor(Runnable::run).build();
  private final NestedTransactions transactions = new NestedTransactions(this::run);

  private SqliteStateStore(Sql sql) {
    this.sql = sql;
  }

  /**
   * Opens (creating when missing) {@code stateDir/secondcall.db}, the directory with mode 0700
   * and the file with 0600 where the file system is POSIX, and migrates its schema.
   *
   * @throws StateStoreException if the directory or file cannot be created, the database cannot
   *     be opened, or its schema is newer than this version of secondcall knows
   */
  public static SqliteStateStore open(Path stateDir) {
    Path file = StateFiles.prepare(stateDir, FILE_NAME);
    return connect("jdbc:sqlite:" + file, file.toString());
  }

  /** A fresh database in memory, gone on {@link #close()}: for dry runs on a fresh install. */
  public static SqliteStateStore inMemory() {
    return connect("jdbc:sqlite::memory:", IN_MEMORY);
  }

  private static SqliteStateStore connect(String url, String database) {
    Sql sql = Sql.connect(url, database);
    try {
      sql.migrate();
      return new SqliteStateStore(sql);
    } catch (RuntimeException e) {
      sql.closeAfter(e);
      throw e;
    }
  }

  @Override
  public synchronized void inTransaction(Runnable work) {
    transactions.inTransaction(work);
  }

  @Override
  public synchronized void inDiscardedTransaction(Runnable work) {
    transactions.inDiscardedTransaction(work);
  }

  private void run(Runnable work, boolean discarded) {
    sql.begin();
    try {
      work.run();
    } catch (Throwable failure) {
      rollback(failure);
      throw failure;
    }
    if (discarded) {
      rollback(null);
    } else {
      try {
        sql.commit();
      } catch (StateStoreException e) {
        rollback(e);
        throw e;
      }
    }
  }

  private void rollback(Throwable failure) {
    // The cache may hold links written by the rolled-back work.
    messageCache.invalidateAll();
    try {
      sql.rollback();
    } catch (StateStoreException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  @Override
  public synchronized Optional<Instant> firstScanAt() {
    return sql.queryOne("read first_scan_at", "SELECT value FROM meta WHERE key = ?",
        rs -> Instant.ofEpochMilli(Long.parseLong(rs.getString(1))), FIRST_SCAN_AT);
  }

  @Override
  public synchronized void setFirstScanAt(Instant at) {
    sql.update("save first_scan_at",
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        FIRST_SCAN_AT, Long.toString(at.toEpochMilli()));
  }

  @Override
  public synchronized SyncCursor cursor(MailFolder folder) {
    return sql.queryOne("read cursor", "SELECT uid_validity, last_uid FROM cursor WHERE folder = ?",
            rs -> new SyncCursor(rs.getLong(1), rs.getLong(2)), folder.name())
        .orElse(SyncCursor.NONE);
  }

  @Override
  public synchronized void saveCursor(MailFolder folder, SyncCursor cursor) {
    sql.update("save cursor",
        "INSERT INTO cursor (folder, uid_validity, last_uid) VALUES (?, ?, ?) ON CONFLICT (folder)"
            + " DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid",
        folder.name(), cursor.uidValidity(), cursor.lastUid());
  }

  @Override
  public synchronized Conversation save(Conversation conversation) {
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
    return conversation.withVersion(conversation.version() + 1);
  }

  @Override
  public synchronized Optional<Conversation> conversation(String id) {
    return sql.queryOne("read conversation " + id,
        "SELECT " + Rows.CONVERSATION_COLUMNS + " FROM conversation WHERE id = ?",
        Rows::conversation, id);
  }

  @Override
  public synchronized List<Conversation> conversations() {
    return sql.query("read conversations",
        "SELECT " + Rows.CONVERSATION_COLUMNS + " FROM conversation ORDER BY started_at, rowid",
        Rows::conversation);
  }

  @Override
  public synchronized List<Conversation> activeConversations() {
    return sql.query("read active conversations",
        "SELECT " + Rows.CONVERSATION_COLUMNS + " FROM conversation WHERE status = ?"
            + " ORDER BY started_at, rowid",
        Rows::conversation, Conversation.Status.ACTIVE.name());
  }

  @Override
  public synchronized void linkMessage(String messageId, String conversationId) {
    Objects.requireNonNull(conversationId, "conversationId");
    sql.update("link message " + messageId,
        "INSERT INTO message_link (message_id, conversation_id) VALUES (?, ?)"
            + " ON CONFLICT (message_id) DO NOTHING",
        Objects.requireNonNull(messageId, "messageId"), conversationId);
  }

  @Override
  public synchronized Optional<String> conversationOfMessage(String messageId) {
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

  @Override
  public synchronized void saveStep(StepRecord step) {
    sql.update("save step " + step.secondcallId(),
        "INSERT INTO step (" + Rows.STEP_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (secondcall_id) DO UPDATE SET conversation_id = excluded.conversation_id,"
            + " number = excluded.number, kind = excluded.kind, due_at = excluded.due_at,"
            + " state = excluded.state, prepared_at = excluded.prepared_at,"
            + " updated_at = excluded.updated_at",
        Rows.params(step));
  }

  @Override
  public synchronized Optional<StepRecord> step(String secondcallId) {
    return sql.queryOne("read step " + secondcallId,
        "SELECT " + Rows.STEP_COLUMNS + " FROM step WHERE secondcall_id = ?", Rows::step,
        secondcallId);
  }

  @Override
  public synchronized List<StepRecord> steps(String conversationId) {
    return sql.query("read steps of " + conversationId,
        "SELECT " + Rows.STEP_COLUMNS + " FROM step WHERE conversation_id = ? ORDER BY number, rowid",
        Rows::step, conversationId);
  }

  @Override
  public synchronized List<StepRecord> stepsIn(StepRecord.State state) {
    return sql.query("read " + state + " steps",
        "SELECT " + Rows.STEP_COLUMNS + " FROM step WHERE state = ? ORDER BY due_at, rowid",
        Rows::step, state.name());
  }

  @Override
  public synchronized int countPreparedBetween(Instant from, Instant to) {
    return sql.queryOne("count prepared steps",
            "SELECT COUNT(*) FROM step WHERE prepared_at >= ? AND prepared_at < ?",
            rs -> rs.getInt(1), Millis.ceil(from), Millis.ceil(to))
        .orElse(0);
  }

  @Override
  public synchronized void addDigestEntry(DigestEntry entry) {
    sql.update("add digest entry " + entry.key(),
        "INSERT INTO digest_entry (" + Rows.DIGEST_COLUMNS + ") VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (key) DO NOTHING",
        Rows.params(entry));
  }

  @Override
  public synchronized List<DigestEntry> pendingDigestEntries() {
    return sql.query("read pending digest entries",
        "SELECT " + Rows.DIGEST_COLUMNS + " FROM digest_entry WHERE digest_id IS NULL"
            + " ORDER BY created_at, rowid",
        Rows::digestEntry);
  }

  @Override
  public synchronized void markDigestDelivered(Collection<String> keys, String digestId) {
    Objects.requireNonNull(digestId, "digestId");
    List<Object[]> rows = new ArrayList<>();
    for (String key : keys) {
      rows.add(new Object[] {digestId, key});
    }
    sql.updateBatch("mark digest " + digestId + " delivered",
        "UPDATE digest_entry SET digest_id = ? WHERE key = ? AND digest_id IS NULL", rows);
  }

  @Override
  public synchronized void saveCallback(CallbackRecord c) {
    sql.update("save callback " + c.blockId(),
        "INSERT INTO callback (" + Rows.CALLBACK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (block_id) DO UPDATE SET conversation_id = excluded.conversation_id,"
            + " step_id = excluded.step_id, start_at = excluded.start_at, end_at = excluded.end_at,"
            + " phone = excluded.phone, state = excluded.state, updated_at = excluded.updated_at",
        Rows.params(c));
  }

  @Override
  public synchronized Optional<CallbackRecord> callback(String blockId) {
    return sql.queryOne("read callback " + blockId,
        "SELECT " + Rows.CALLBACK_COLUMNS + " FROM callback WHERE block_id = ?", Rows::callback, blockId);
  }

  @Override
  public synchronized List<CallbackRecord> callbacks(String conversationId) {
    return sql.query("read callbacks of " + conversationId,
        "SELECT " + Rows.CALLBACK_COLUMNS + " FROM callback WHERE conversation_id = ? ORDER BY start_at, rowid",
        Rows::callback, conversationId);
  }

  @Override
  public synchronized List<CallbackRecord> callbacksIn(CallbackRecord.State state) {
    return sql.query("read " + state + " callbacks",
        "SELECT " + Rows.CALLBACK_COLUMNS + " FROM callback WHERE state = ? ORDER BY start_at, rowid",
        Rows::callback, state.name());
  }

  @Override
  public synchronized boolean addMailingList(String address, String evidence, Instant at) {
    return sql.update("remember mailing list " + address,
        "INSERT INTO mailing_list (address, evidence, learned_at) VALUES (?, ?, ?) ON CONFLICT (address) DO NOTHING",
        address, evidence, Rows.millis(at)) == 1;
  }

  @Override
  public synchronized boolean isMailingList(String address) {
    return sql.queryOne("read mailing list " + address, "SELECT 1 FROM mailing_list WHERE address = ?",
        rs -> true, address).isPresent();
  }

  @Override
  public synchronized void savePhone(String address, String e164) {
    sql.update("save phone of " + address,
        "INSERT INTO contact_phone (address, e164) VALUES (?, ?) ON CONFLICT (address) DO UPDATE SET e164 = excluded.e164",
        address, e164);
  }

  @Override
  public synchronized Optional<String> phone(String address) {
    return sql.queryOne("read phone of " + address, "SELECT e164 FROM contact_phone WHERE address = ?",
        rs -> rs.getString(1), address);
  }

  @Override
  public synchronized List<DigestEntry> digestEntries(String digestId) {
    return sql.query("read digest " + digestId,
        "SELECT " + Rows.DIGEST_COLUMNS + " FROM digest_entry WHERE digest_id = ? ORDER BY created_at, rowid",
        Rows::digestEntry, digestId);
  }

  @Override
  public synchronized Optional<String> meta(String key) {
    return sql.queryOne("read " + key, "SELECT value FROM meta WHERE key = ?", rs -> rs.getString(1), key);
  }

  @Override
  public synchronized void setMeta(String key, String value) {
    if (value == null) {
      sql.update("clear " + key, "DELETE FROM meta WHERE key = ?", key);
    } else {
      sql.update("save " + key,
          "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          key, value);
    }
  }

  /** The connection's effective pragmas, for tests and diagnostics. */
  synchronized Map<String, String> pragmas() {
    Map<String, String> pragmas = new LinkedHashMap<>();
    for (String[] pragma : new String[][] {
        {"journal_mode", "PRAGMA journal_mode"}, {"synchronous", "PRAGMA synchronous"},
        {"foreign_keys", "PRAGMA foreign_keys"}, {"busy_timeout", "PRAGMA busy_timeout"}}) {
      pragmas.put(pragma[0], sql.queryOne("read " + pragma[0], pragma[1], rs -> rs.getString(1))
          .orElse(""));
    }
    return pragmas;
  }

  @Override
  public synchronized void close() {
    sql.close();
  }
}
