package io.secondcall.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.secondcall.core.Conversation;
import io.secondcall.port.StepRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SPEC section 10: kill -9 at any instant loses nothing committed and keeps nothing uncommitted. */
class SqliteStateStoreCrashTest {

  @TempDir Path tempDir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aKilledProcessLosesNothingItCommittedAndKeepsNothingItDidNot() throws Exception {
    Path stateDir = tempDir.resolve("state");
    Path errors = tempDir.resolve("child.err");
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            CrashingWriter.class.getName(), stateDir.toString())
        .redirectError(errors.toFile())
        .start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      awaitLine(out, CrashingWriter.COMMITTED, errors);
      awaitLine(out, CrashingWriter.WRITING, errors);
    } finally {
      child.destroyForcibly(); // SIGKILL on POSIX: no shutdown hooks, no close
      child.waitFor();
    }

    assertThat(Files.size(stateDir.resolve(SqliteStateStore.FILE_NAME + "-wal")))
        .as("premise: the uncommitted transaction had spilled pages into the WAL file")
        .isGreaterThan(1_000_000L);

    try (SqliteStateStore store = SqliteStateStore.open(stateDir)) {
      assertThat(store.conversations()).extracting(Conversation::id).containsExactly("c1");
      assertThat(store.step("c1.1").orElseThrow().state()).isEqualTo(StepRecord.State.PREPARING);
      assertThat(store.pendingDigestEntries()).hasSize(1);
      store.inTransaction(() -> store.save(StateStoreContract.conversation("c2", StateStoreContract.T0)));
      assertThat(store.conversations()).hasSize(2);
    }
    assertThat(integrityCheck(stateDir.resolve(SqliteStateStore.FILE_NAME))).isEqualTo("ok");
  }

  private static void awaitLine(BufferedReader out, String expected, Path errors) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.equals(expected)) {
        return;
      }
    }
    fail("the child exited before printing '" + expected + "': " + Files.readString(errors));
  }

  private static String integrityCheck(Path file) throws SQLException {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement check = raw.prepareStatement("PRAGMA integrity_check");
        ResultSet rs = check.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }
}
