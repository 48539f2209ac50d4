package io.secondcall.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The numbered SQL scripts under {@code db/migration}, applied in order, each recorded in the
 * {@code schema_version} table. A script's number is its position in {@link #SCRIPTS}: a
 * resource directory cannot be listed reliably inside a jar, so the list is kept here.
 */
final class Migrations {

  /** {@code V<n>__<what>.sql}; append new scripts, never edit or reorder applied ones. */
  static final List<String> SCRIPTS = List.of("V1__initial.sql", "V2__callbacks.sql", "V3__versions_and_lists.sql",
      "V4__history.sql", "V5__cycle_indexes.sql");

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);
  private static final String LOCATION = "/db/migration/";

  private Migrations() {}

  static int latest() {
    return SCRIPTS.size();
  }

  /**
   * Brings the schema up to {@link #latest()} in one transaction, so a crash mid-way leaves the
   * old schema. The version is read inside that (immediate) transaction, so two processes
   * opening a fresh file at once cannot both apply the same script.
   */
  static void apply(Connection connection, String database) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version ("
          + "version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    }
    connection.setAutoCommit(false);
    try {
      int current = currentVersion(connection);
      if (current > latest()) {
        throw new StateStoreException(database, "schema version " + current
            + " was written by a newer secondcall; this one knows versions up to " + latest()
            + ". Upgrade secondcall, or restore the database from before the upgrade.");
      }
      for (int version = current + 1; version <= latest(); version++) {
        applyScript(connection, database, version);
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM schema_version");
        ResultSet rs = query.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static void applyScript(Connection connection, String database, int version)
      throws SQLException {
    String script = SCRIPTS.get(version - 1);
    if (!script.startsWith("V" + version + "__")) {
      throw new IllegalStateException("migration " + script + " is listed as version " + version);
    }
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(read(script))) {
        statement.executeUpdate(sql);
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
      insert.setInt(1, version);
      insert.setString(2, script);
      insert.setLong(3, System.currentTimeMillis());
      insert.executeUpdate();
    }
    if (database.equals(SqliteStateStore.IN_MEMORY)) {
      log.debug("{}: applied schema migration {}", database, script);
    } else {
      log.info("{}: applied schema migration {}", database, script);
    }
  }

  /**
   * Splits a script into statements: each ends with {@code ;} at the end of a line, and lines
   * starting with {@code --} are comments. Enough for DDL; scripts with triggers would need more.
   */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        statements.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  private static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream(LOCATION + script)) {
      if (in == null) {
        throw new IllegalStateException("migration " + LOCATION + script + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + script, e);
    }
  }
}
