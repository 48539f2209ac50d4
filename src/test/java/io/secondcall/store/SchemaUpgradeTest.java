package io.secondcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.Conversation;
import io.secondcall.core.StepKind;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.MailFolder;
import io.secondcall.port.StepRecord;
import io.secondcall.port.SyncCursor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An upgrade of the package keeps {@code /var/lib/secondcall} and migrates it on the next start:
 * a database left at every earlier schema version, with a row in each table that version has,
 * opens with everything readable and the schema at the latest version. A new migration script is
 * tested from every older version without touching this test; only a new table wants a row in
 * {@link #ROWS_SINCE}.
 */
class SchemaUpgradeTest {

  static final Instant AT = Instant.parse("2026-03-02T09:15:30Z");
  static final long MILLIS = AT.toEpochMilli();

  /** Rows written by the release that ran schema version n, for the tables that version added. */
  static final Map<Integer, List<String>> ROWS_SINCE = Map.of(
      1, List.of(
          "INSERT INTO meta (key, value) VALUES ('first_scan_at', '" + MILLIS + "')",
          "INSERT INTO cursor (folder, uid_validity, last_uid) VALUES ('SENT', 7, 42)",
          "INSERT INTO conversation (id, contacts, subject, root_message_id, started_at, last_touch_at,"
              + " last_message_id, last_references, last_text, touches, steps_done, first_step_days, status)"
              + " VALUES ('c1', '[{\"address\":\"alice@acme.example\"}]', 'Proposal', 'r@x', " + MILLIS + ", "
              + MILLIS + ", 'r@x', '[]', 'Could we talk next week?', 1, 1, 0, 'ACTIVE')",
          "INSERT INTO message_link (message_id, conversation_id) VALUES ('r@x', 'c1')",
          "INSERT INTO step (secondcall_id, conversation_id, number, kind, due_at, state, prepared_at, updated_at)"
              + " VALUES ('c1-1', 'c1', 1, 'FOLLOW_UP', " + MILLIS + ", 'DRAFTED', " + MILLIS + ", " + MILLIS + ")",
          "INSERT INTO digest_entry (key, conversation_id, kind, text, created_at)"
              + " VALUES ('d1', 'c1', 'drafted', 'follow-up 1 for alice@acme.example', " + MILLIS + ")"),
      2, List.of(
          "INSERT INTO callback (block_id, conversation_id, step_id, start_at, end_at, phone, state, updated_at)"
              + " VALUES ('b1', 'c1', 'c1-1', " + MILLIS + ", " + (MILLIS + 900_000) + ", '+4930901820', 'BOOKED', "
              + MILLIS + ")",
          "INSERT INTO contact_phone (address, e164) VALUES ('alice@acme.example', '+4930901820')"),
      3, List.of(
          "INSERT INTO mailing_list (address, evidence, learned_at) VALUES ('news@list.example', 'List-Id', "
              + MILLIS + ")"),
      4, List.of(
          "INSERT INTO auto_reply (conversation_id, at) VALUES ('c1', " + MILLIS + ")"));

  /** The tables that grow with the user's history: a cycle never reads one of them whole. */
  static final java.util.regex.Pattern FULL_SCAN = java.util.regex.Pattern.compile(
      "SCAN (conversation|step|callback|digest_entry|message_link|touch|auto_reply)\\b.*");

  @TempDir Path stateDir;

  static IntStream earlierVersions() {
    return IntStream.range(0, Migrations.latest());
  }

  @ParameterizedTest(name = "from schema version {0}")
  @MethodSource("earlierVersions")
  void aDatabaseOfAnEarlierVersionIsMigratedWithItsRows(int version) throws Exception {
    createAtVersion(version);

    try (SqliteStateStore store = SqliteStateStore.open(stateDir)) {
      assertThat(schemaVersion()).isEqualTo(Migrations.latest());
      if (version >= 1) {
        assertVersionOneRows(store);
        // Written by the new version on top of the old rows: the migrated schema takes updates.
        Conversation c = store.conversation("c1").orElseThrow();
        assertThat(store.save(c.stepUsed()).stepsDone()).isEqualTo(2);
      }
      if (version >= 2) {
        assertThat(store.callback("b1")).get().extracting(CallbackRecord::state).isEqualTo(CallbackRecord.State.BOOKED);
        assertThat(store.phone("alice@acme.example")).contains("+4930901820");
      }
      if (version >= 3) {
        assertThat(store.isMailingList("news@list.example")).isTrue();
      }
      if (version >= 4) {
        assertThat(store.autoReplies("c1")).containsExactly(AT);
      }
      assertTheCycleReadsThroughIndexes(store);
      if (version >= 1) {
        // Old state is archived like new: the conversation goes, its Message-ID stays known.
        Conversation c = store.conversation("c1").orElseThrow();
        store.save(c.ended(Conversation.Status.REPLIED, "answered", AT));
        store.inTransaction(() -> assertThat(store.archiveEndedBefore(AT.plusSeconds(86_400))).isEqualTo(1));
        assertThat(store.conversation("c1")).isEmpty();
        assertThat(store.step("c1-1")).isEmpty();
        assertThat(store.conversationOfMessage("r@x")).contains("c1");
      }
    }
  }

  /**
   * What a cycle asks of the store is answered from an index (V5), so that its cost follows the
   * changes, not the history: no statement reads a growing table whole.
   */
  private static void assertTheCycleReadsThroughIndexes(SqliteStateStore store) {
    List<Object[]> statements = new java.util.ArrayList<>();
    store.sql().observe((sql, params) -> statements.add(new Object[] {sql, params}));
    store.activeConversations();
    store.activeWithDomain("acme.example");
    store.activeInThread("thread-1");
    store.conversationsWith(io.secondcall.core.EmailAddress.of("alice@acme.example"));
    store.conversation("c1");
    store.conversationOfMessage("never-seen@x");
    store.steps("c1");
    store.stepsIn(StepRecord.State.DRAFTED);
    store.stepsChangedSince(StepRecord.State.SENT, AT);
    store.countPreparedBetween(AT, AT.plusSeconds(86_400));
    store.callbacks("c1");
    store.callbacksIn(CallbackRecord.State.BOOKING);
    store.callbacksIn(CallbackRecord.State.BOOKED, AT);
    store.pendingDigestEntries();
    store.changes();
    store.inTransaction(() -> store.archiveEndedBefore(AT.minusSeconds(86_400 * 400L)));
    store.sql().observe((sql, params) -> { });

    assertThat(statements).hasSizeGreaterThan(12);
    List<String> plans = new java.util.ArrayList<>();
    for (Object[] statement : statements) {
      List<String> plan = store.sql().queryPlan((String) statement[0], (Object[]) statement[1]);
      plans.addAll(plan);
      assertThat(plan).as(statement[0] + " is planned as " + plan).noneMatch(line -> FULL_SCAN.matcher(line).matches());
    }
    for (String index : List.of("conversation_status_started", "conversation_ended", "step_state_due",
        "step_state_updated", "digest_entry_conversation", "conversation_contact_domain",
        "conversation_contact_address", "conversation_thread")) {
      assertThat(plans).as("a read uses " + index).anyMatch(line -> line.contains("INDEX " + index + " "));
    }
  }

  private static void assertVersionOneRows(SqliteStateStore store) {
    // The contacts of conversations from before V5 are found by domain and address too.
    assertThat(store.activeWithDomain("acme.example")).extracting(Conversation::id).containsExactly("c1");
    assertThat(store.conversationsWith(io.secondcall.core.EmailAddress.of("Alice@Acme.example")))
        .extracting(Conversation::id).containsExactly("c1");
    assertThat(store.firstScanAt()).contains(AT);
    assertThat(store.cursor(MailFolder.SENT)).isEqualTo(new SyncCursor(7, 42));
    Conversation c = store.conversation("c1").orElseThrow();
    assertThat(c.status()).isEqualTo(Conversation.Status.ACTIVE);
    assertThat(c.subject()).isEqualTo("Proposal");
    assertThat(c.contact().address()).isEqualTo("alice@acme.example");
    assertThat(store.conversationOfMessage("r@x")).contains("c1");
    StepRecord step = store.step("c1-1").orElseThrow();
    assertThat(step.kind()).isEqualTo(StepKind.FOLLOW_UP);
    assertThat(step.state()).isEqualTo(StepRecord.State.DRAFTED);
    assertThat(store.pendingDigestEntries()).extracting(e -> e.key()).containsExactly("d1");
  }

  /** The schema scripts 1..version applied as that release applied them, with its rows. */
  private void createAtVersion(int version) throws SQLException, IOException {
    Files.createDirectories(stateDir);
    try (Connection raw = connection(); Statement statement = raw.createStatement()) {
      statement.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
          + " applied_at INTEGER NOT NULL)");
      for (int v = 1; v <= version; v++) {
        String script = Migrations.SCRIPTS.get(v - 1);
        for (String sql : Migrations.statements(read(script))) {
          statement.executeUpdate(sql);
        }
        statement.executeUpdate("INSERT INTO schema_version VALUES (" + v + ", '" + script + "', 0)");
      }
      for (int v = 1; v <= version; v++) {
        for (String row : ROWS_SINCE.getOrDefault(v, List.of())) {
          statement.executeUpdate(row);
        }
      }
    }
  }

  private int schemaVersion() throws SQLException {
    try (Connection raw = connection(); Statement statement = raw.createStatement();
        ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private Connection connection() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve(SqliteStateStore.FILE_NAME));
  }

  private static String read(String script) throws IOException {
    try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
