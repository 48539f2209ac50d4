package io.secondcall.store;

import static io.secondcall.store.StateStoreContract.conversation;
import static io.secondcall.store.StateStoreContract.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.core.Conversation;
import io.secondcall.port.DigestEntry;
import io.secondcall.port.MailFolder;
import io.secondcall.port.StaleStateException;
import io.secondcall.port.StateStore;
import io.secondcall.port.StepRecord;
import io.secondcall.port.SyncCursor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateStoreTest implements StateStoreContract {

  @TempDir Path tempDir;

  private final List<SqliteStateStore> opened = new ArrayList<>();
  private SqliteStateStore store;

  @Override
  public StateStore store() {
    if (store == null) {
      store = open();
    }
    return store;
  }

  private SqliteStateStore open() {
    SqliteStateStore opening = SqliteStateStore.open(stateDir());
    opened.add(opening);
    return opening;
  }

  private Path stateDir() {
    return tempDir.resolve("var/lib/secondcall");
  }

  private Path dbFile() {
    return stateDir().resolve(SqliteStateStore.FILE_NAME);
  }

  @AfterEach
  void closeAll() {
    opened.forEach(SqliteStateStore::close);
  }

  @Test
  void keepsEverythingAcrossCloseAndReopen() {
    SqliteStateStore first = open();
    Conversation c1 = conversation("c1", T0);
    StepRecord s1 = step("c1", 1, StepRecord.State.DRAFTED, T0);
    DigestEntry e1 = StateStoreContract.entry("c1.1", T0);
    first.inTransaction(() -> {
      first.save(c1);
      first.linkMessage("<m1@mail.example>", "c1");
      first.saveStep(s1);
      first.addDigestEntry(e1);
      first.saveCursor(MailFolder.INBOX, new SyncCursor(5, 500));
      first.setFirstScanAt(T0);
    });
    first.close();
    opened.remove(first);

    SqliteStateStore reopened = open();

    assertThat(reopened.conversations()).containsExactly(c1.withVersion(1));
    assertThat(reopened.conversationOfMessage("<m1@mail.example>")).contains("c1");
    assertThat(reopened.steps("c1")).containsExactly(s1);
    assertThat(reopened.pendingDigestEntries()).containsExactly(e1);
    assertThat(reopened.cursor(MailFolder.INBOX)).isEqualTo(new SyncCursor(5, 500));
    assertThat(reopened.firstScanAt()).contains(T0);
  }

  @Test
  void createsTheDirectoryOwnerOnlyAndTheFileOwnerReadWriteOnly() throws IOException {
    store().save(conversation("c1", T0));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir())))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dbFile())))
        .isEqualTo("rw-------");
    Path wal = stateDir().resolve(SqliteStateStore.FILE_NAME + "-wal");
    assertThat(wal).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wal)))
        .as("SQLite gives the write-ahead log the database file's mode")
        .isEqualTo("rw-------");
  }

  @Test
  void runsDurablyInWriteAheadLogMode() {
    SqliteStateStore sqlite = open();

    assertThat(sqlite.sql().pragmas("journal_mode", "synchronous", "foreign_keys", "busy_timeout"))
        .containsEntry("journal_mode", "wal")
        .containsEntry("synchronous", "2")
        .containsEntry("foreign_keys", "1")
        .containsEntry("busy_timeout", "5000");
  }

  @Test
  void aCommitIsVisibleToAnotherConnectionBeforeTheFirstIsClosed() {
    SqliteStateStore writer = open();
    SqliteStateStore reader = open();

    writer.inTransaction(() -> {
      writer.save(conversation("c1", T0));
      writer.saveStep(step("c1", 1, StepRecord.State.PREPARING, T0));
      assertThat(reader.conversation("c1")).as("not yet committed").isEmpty();
    });

    assertThat(reader.conversation("c1")).isPresent();
    assertThat(reader.stepsIn(StepRecord.State.PREPARING)).hasSize(1);
    // As if the writer were killed now: a third process starting up sees the commit.
    assertThat(open().conversations()).extracting(Conversation::id).containsExactly("c1");
  }

  @Test
  void migratesOnceAndReopensWithoutMigratingAgain() throws SQLException {
    open().close();
    open().close();
    SqliteStateStore third = open();
    third.save(conversation("c1", T0));

    try (Connection raw = rawConnection();
        PreparedStatement query = raw.prepareStatement(
            "SELECT COUNT(*), MAX(version), MIN(script) FROM schema_version");
        ResultSet rs = query.executeQuery()) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(Migrations.latest());
      assertThat(rs.getInt(2)).isEqualTo(Migrations.latest());
      assertThat(rs.getString(3)).isEqualTo("V1__initial.sql");
    }
    assertThat(third.conversation("c1")).isPresent();
  }

  @Test
  void refusesADatabaseFromANewerSecondcall() throws SQLException {
    open().close();
    try (Connection raw = rawConnection();
        PreparedStatement insert = raw.prepareStatement(
            "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
      insert.setInt(1, 99);
      insert.setString(2, "V99__from_the_future.sql");
      insert.setLong(3, 0);
      insert.executeUpdate();
    }

    assertThatThrownBy(this::open)
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(dbFile().toString())
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("newer secondcall")
        .hasMessageContaining("up to " + Migrations.latest());
  }

  @Test
  void refusesAFileThatIsNotADatabaseNamingTheFile() throws IOException {
    Files.createDirectories(stateDir());
    Files.writeString(dbFile(), "not a database, just text that is long enough to be a header "
        + "of a page, and then some more text to fill it", StandardCharsets.UTF_8);

    assertThatThrownBy(this::open)
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(dbFile().toString());
  }

  @Test
  void reportsAStateDirectoryThatCannotBeCreated() throws IOException {
    Path blocker = tempDir.resolve("var");
    Files.writeString(blocker, "a file where a directory should be");

    assertThatThrownBy(this::open)
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(dbFile().toString());
  }

  @Test
  void listsEveryMigrationScriptInTheBuild() throws IOException, URISyntaxException {
    Path dir = Paths.get(Migrations.class.getResource("/db/migration").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactlyElementsOf(Migrations.SCRIPTS);
    }
  }

  @Test
  void aStopFromAnotherProcessIsNotUndoneByACycleThatReadEarlier() {
    SqliteStateStore cycle = open();
    SqliteStateStore cli = open();
    Conversation readByCycle = cycle.save(conversation("c1", T0));

    cli.inTransaction(() -> cli.save(cli.conversation("c1").orElseThrow()
        .ended(Conversation.Status.STOPPED, "stopped by you", T0.plusSeconds(1))));

    assertThatThrownBy(() -> cycle.inTransaction(() -> cycle.save(readByCycle.stepUsed())))
        .isInstanceOf(StaleStateException.class);
    assertThat(cycle.conversation("c1").orElseThrow().status()).isEqualTo(Conversation.Status.STOPPED);
    assertThat(cycle.conversation("c1").orElseThrow().stepsDone()).isZero();
  }

  @Test
  void aDatabaseOfTheFirstReleasesKeepsItsConversationsAcrossTheUpgrade() throws Exception {
    Files.createDirectories(stateDir());
    try (Connection raw = rawConnection(); var statement = raw.createStatement()) {
      statement.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
          + " applied_at INTEGER NOT NULL)");
      for (int v = 1; v <= 2; v++) {
        String script = Migrations.SCRIPTS.get(v - 1);
        String text = new String(Migrations.class.getResourceAsStream("/db/migration/" + script).readAllBytes(),
            StandardCharsets.UTF_8);
        for (String sql : Migrations.statements(text)) {
          statement.executeUpdate(sql);
        }
        statement.executeUpdate("INSERT INTO schema_version VALUES (" + v + ", '" + script + "', 0)");
      }
      statement.executeUpdate("INSERT INTO conversation (id, contacts, subject, root_message_id, started_at,"
          + " last_touch_at, last_message_id, last_references, last_text, touches, steps_done, first_step_days,"
          + " status) VALUES ('c1', '[{\"address\":\"alice@acme.example\"}]', 'Proposal', 'r@x', 0, 0, 'r@x', '[]',"
          + " '', 1, 0, 0, 'ACTIVE')");
    }

    SqliteStateStore upgraded = open();

    Conversation c = upgraded.conversation("c1").orElseThrow();
    assertThat(c.version()).isEqualTo(1);
    assertThat(c.me()).isNull();
    assertThat(upgraded.save(c.stepUsed()).version()).isEqualTo(2);
  }

  private Connection rawConnection() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dbFile());
  }

  @Test
  void aReadOnlyConnectionSeesEachCommitAndCannotWrite() {
    store().save(StateStoreContract.conversation("c1", T0));
    try (SqliteStateStore reader = SqliteStateStore.openReadOnly(stateDir())) {
      assertThat(reader.conversations()).hasSize(1);
      store().save(StateStoreContract.conversation("c2", T0.plusSeconds(1)));
      assertThat(reader.conversations()).hasSize(2);
      assertThat(reader.touchTimes("c2")).hasSize(1);

      assertThatThrownBy(() -> reader.save(StateStoreContract.conversation("c3", T0)))
          .isInstanceOf(StateStoreException.class);
      assertThatThrownBy(() -> reader.setMeta("web.feed_token", "x")).isInstanceOf(StateStoreException.class);
    }
    assertThat(store().conversations()).hasSize(2);
  }
}
