package io.secondcall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.sqlite.SQLiteConfig;

/**
 * Prepared statements on one connection, with every {@link SQLException} turned into a
 * {@link StateStoreException} that names the database and what was being done. Values are only
 * ever bound as parameters. Callers hold the store's monitor.
 */
final class Sql {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final Connection connection;
  private final String database;
  /** Sees every statement prepared, with its parameters: for tests of what the store asks. */
  private BiConsumer<String, Object[]> observer = (sql, params) -> { };

  private Sql(Connection connection, String database) {
    this.connection = connection;
    this.database = database;
  }

  /** Opens the connection with the pragmas durability depends on. */
  static Sql connect(String url, String database) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL syncs the WAL on every commit: a commit survives a power loss (SPEC section 10).
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5000);
    // Take the write lock at BEGIN: a deferred transaction that later writes can fail at once
    // with SQLITE_BUSY instead of waiting out busy_timeout.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    try {
      return new Sql(config.createConnection(url), database);
    } catch (SQLException e) {
      throw new StateStoreException(database, "cannot open: " + e.getMessage(), e);
    }
  }

  /**
   * Opens a connection that can only read, for threads that must never write (the pipeline
   * page): in WAL mode it reads the last commit while the daemon's connection writes.
   */
  static Sql connectReadOnly(String url, String database) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(5000);
    try {
      return new Sql(config.createConnection(url), database);
    } catch (SQLException e) {
      throw new StateStoreException(database, "cannot open: " + e.getMessage(), e);
    }
  }

  /** Brings the schema up to date; see {@link Migrations}. */
  void migrate() {
    try {
      Migrations.apply(connection, database);
    } catch (SQLException e) {
      throw failure("migrate the schema", e);
    }
  }

  void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }

  /** Closes the connection after {@code cause} made it useless, keeping {@code cause} first. */
  void closeAfter(RuntimeException cause) {
    try {
      connection.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... params) {
    try (PreparedStatement statement = prepare(sql, params);
        ResultSet rs = statement.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
      return rows;
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  <T> Optional<T> queryOne(String what, String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = query(what, sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** The named pragmas' values, in order. */
  Map<String, String> pragmas(String... names) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : names) {
      values.put(name, queryOne("read " + name, "PRAGMA " + name, rs -> rs.getString(1)).orElse(""));
    }
    return values;
  }

  int update(String what, String sql, Object... params) {
    try (PreparedStatement statement = prepare(sql, params)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** Runs the statement once per row of parameters, in one batch. */
  void updateBatch(String what, String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] params : rows) {
        bind(statement, params);
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  void begin() {
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      StateStoreException failure = failure("begin a transaction", e);
      // The driver flips its flag before it runs BEGIN: flip it back, or the next begin() would
      // think a transaction is open and run its work unprotected.
      resetAutoCommit(failure);
      throw failure;
    }
  }

  /** Commits; on failure the transaction is still open and the caller rolls it back. */
  void commit() {
    try {
      connection.commit();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw failure("commit", e);
    }
  }

  void rollback() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      StateStoreException failure = failure("roll back", e);
      resetAutoCommit(failure);
      throw failure;
    }
    resetAutoCommit(null);
  }

  private void resetAutoCommit(StateStoreException pending) {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      if (pending == null) {
        throw failure("end the transaction", e);
      }
      pending.addSuppressed(e);
    }
  }

  StateStoreException failure(String what, SQLException e) {
    return new StateStoreException(database, what + " failed: " + e.getMessage(), e);
  }

  void observe(BiConsumer<String, Object[]> observer) {
    this.observer = observer;
  }

  /** How SQLite runs {@code sql}: the detail column of {@code EXPLAIN QUERY PLAN}. */
  List<String> queryPlan(String sql, Object... params) {
    try (PreparedStatement statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
      bind(statement, params);
      List<String> plan = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          plan.add(rs.getString("detail"));
        }
      }
      return plan;
    } catch (SQLException e) {
      throw failure("plan " + sql, e);
    }
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    observer.accept(sql, params);
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      bind(statement, params);
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement statement, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
  }
}
