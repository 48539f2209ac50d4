package io.secondcall.store;

import io.secondcall.core.Conversation;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.DigestEntry;
import io.secondcall.port.MailFolder;
import io.secondcall.port.StateStore;
import io.secondcall.port.StepRecord;
import io.secondcall.port.SyncCursor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@link StateStore} in one SQLite file, {@code secondcall.db} under the state directory:
 * the connection and its transactions, over the tables of {@link ConversationTables},
 * {@link CallbackTables}, {@link BookkeepingTables} and {@link HistoryTables}; the reads that find
 * conversations and steps are in {@link SqliteConversationReads}.
 *
 * <p>One connection, guarded by this object's monitor: a transaction holds the monitor for its
 * whole duration, so other threads never see its uncommitted writes. The database runs in WAL
 * mode with {@code synchronous=FULL}, so a commit is on disk when {@link #inTransaction}
 * returns, even across a power loss (SPEC section 10). Writes outside a transaction commit
 * one by one. Instants are kept to the millisecond.
 */
public final class SqliteStateStore extends SqliteConversationReads {

  /** The database file's name inside the state directory. */
  public static final String FILE_NAME = "secondcall.db";

  /** How an in-memory database is named in messages. */
  static final String IN_MEMORY = ":memory:";

  private final Sql sql;
  private final CallbackTables callbacks;
  private final BookkeepingTables books;
  private final HistoryTables history;
  private final ArchiveTables archive;
  private final NestedTransactions transactions;

  private SqliteStateStore(Sql sql) {
    super(new ConversationTables(sql));
    this.sql = sql;
    this.callbacks = new CallbackTables(sql);
    this.books = new BookkeepingTables(sql);
    this.history = new HistoryTables(sql);
    this.archive = new ArchiveTables(sql);
    this.transactions = new NestedTransactions(new SqlTransactions(sql, conversations::forgetCachedLinks));
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
    SqliteNativeCopy.useCopyIn(file.getParent());
    return connect("jdbc:sqlite:" + file, file.toString());
  }

  /**
   * Opens {@code stateDir/secondcall.db}, which must exist with an up-to-date schema, for reading
   * only: every write through it fails. The pipeline page reads through one, so that a page
   * view never waits for a cycle's transaction nor can change anything by mistake.
   */
  public static SqliteStateStore openReadOnly(Path stateDir) {
    Path file = stateDir.resolve(FILE_NAME);
    SqliteNativeCopy.useCopyIn(stateDir);
    return new SqliteStateStore(Sql.connectReadOnly("jdbc:sqlite:" + file, file.toString()));
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

  @Override
  public synchronized Optional<Instant> firstScanAt() {
    return books.firstScanAt();
  }

  @Override
  public synchronized void setFirstScanAt(Instant at) {
    books.setFirstScanAt(at);
  }

  @Override
  public synchronized SyncCursor cursor(MailFolder folder) {
    return books.cursor(folder);
  }

  @Override
  public synchronized void saveCursor(MailFolder folder, SyncCursor cursor) {
    books.saveCursor(folder, cursor);
  }

  @Override
  public synchronized Conversation save(Conversation conversation) {
    Conversation[] saved = new Conversation[1];
    // The touch is recorded with the row that counts it, or not at all.
    transactions.inTransaction(() -> {
      saved[0] = conversations.save(conversation);
      history.recordTouch(saved[0]);
    });
    return saved[0];
  }

  @Override
  public synchronized List<Instant> touchTimes(String conversationId) {
    return history.touchTimes(conversationId);
  }

  @Override
  public synchronized void addAutoReply(String conversationId, Instant at) {
    history.addAutoReply(conversationId, at);
  }

  @Override
  public synchronized List<Instant> autoReplies(String conversationId) {
    return history.autoReplies(conversationId);
  }

  @Override
  public synchronized void linkMessage(String messageId, String conversationId) {
    conversations.linkMessage(messageId, conversationId);
  }

  @Override
  public synchronized void saveStep(StepRecord step) {
    transactions.inTransaction(() -> conversations.saveStep(step));
  }

  @Override
  public synchronized long changes() {
    return books.changes();
  }

  @Override
  public synchronized int archiveEndedBefore(Instant cutoff) {
    return archive.archiveEndedBefore(cutoff);
  }

  @Override
  public synchronized void saveCallback(CallbackRecord callback) {
    callbacks.saveCallback(callback);
  }

  @Override
  public synchronized Optional<CallbackRecord> callback(String blockId) {
    return callbacks.callback(blockId);
  }

  @Override
  public synchronized List<CallbackRecord> callbacks(String conversationId) {
    return callbacks.callbacks(conversationId);
  }

  @Override
  public synchronized List<CallbackRecord> callbacksIn(CallbackRecord.State state) {
    return callbacks.callbacksIn(state);
  }

  @Override
  public synchronized List<CallbackRecord> callbacksIn(CallbackRecord.State state, Instant from) {
    return callbacks.callbacksIn(state, from);
  }

  @Override
  public synchronized void savePhone(String address, String e164) {
    callbacks.savePhone(address, e164);
  }

  @Override
  public synchronized Optional<String> phone(String address) {
    return callbacks.phone(address);
  }

  @Override
  public synchronized boolean addMailingList(String address, String evidence, Instant at) {
    return books.addMailingList(address, evidence, at);
  }

  @Override
  public synchronized boolean isMailingList(String address) {
    return books.isMailingList(address);
  }

  @Override
  public synchronized void addDigestEntry(DigestEntry entry) {
    books.addDigestEntry(entry);
  }

  @Override
  public synchronized List<DigestEntry> pendingDigestEntries() {
    return books.pendingDigestEntries();
  }

  @Override
  public synchronized void markDigestDelivered(Collection<String> keys, String digestId) {
    books.markDigestDelivered(keys, digestId);
  }

  @Override
  public synchronized List<DigestEntry> digestEntries(String digestId) {
    return books.digestEntries(digestId);
  }

  @Override
  public synchronized Optional<String> meta(String key) {
    return books.meta(key);
  }

  @Override
  public synchronized void setMeta(String key, String value) {
    books.setMeta(key, value);
  }

  /** The connection, for tests and diagnostics (its pragmas, the statements run and their plans). */
  synchronized Sql sql() {
    return sql;
  }

  @Override
  public synchronized void close() {
    sql.close();
  }
}
