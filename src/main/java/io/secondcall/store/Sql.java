package io.secondcall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  Sql(Connection connection, String database) {
    this.connection = connection;
    this.database = database;
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
      throw failure("begin a transaction", e);
    }
  }

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
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw failure("roll back", e);
    }
  }

  StateStoreException failure(String what, SQLException e) {
    return new StateStoreException(database, what + " failed: " + e.getMessage(), e);
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
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
