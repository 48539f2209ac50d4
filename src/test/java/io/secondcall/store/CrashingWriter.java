package io.secondcall.store;

import io.secondcall.port.StepRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a child JVM by {@link SqliteStateStoreCrashTest}: commits one transaction, then blocks
 * in the middle of a second, large one until it is killed.
 */
final class CrashingWriter {

  static final String COMMITTED = "crashing-writer: committed";
  static final String WRITING = "crashing-writer: writing";
  static final int UNCOMMITTED_CONVERSATIONS = 3000;

  private CrashingWriter() {}

  public static void main(String[] args) {
    SqliteStateStore store = SqliteStateStore.open(Path.of(args[0]));
    Instant t0 = StateStoreContract.T0;
    store.inTransaction(() -> {
      store.save(StateStoreContract.conversation("c1", t0));
      store.saveStep(StateStoreContract.step("c1", 1, StepRecord.State.PREPARING, t0));
      store.addDigestEntry(StateStoreContract.entry("c1.1", t0));
    });
    announce(COMMITTED);
    store.inTransaction(() -> {
      store.saveStep(StateStoreContract.step("c1", 1, StepRecord.State.DRAFTED, t0));
      // Enough data to overflow SQLite's page cache, so uncommitted pages reach the WAL file.
      String text = "x".repeat(1024);
      for (int i = 0; i < UNCOMMITTED_CONVERSATIONS; i++) {
        store.save(StateStoreContract.conversation("u" + i, t0).touched(t0, "<u" + i + "@x>", null, text, false));
      }
      announce(WRITING);
      try {
        // The parent never writes to our stdin: this blocks until the kill.
        System.in.read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      throw new IllegalStateException("stdin closed before the kill");
    });
  }

  private static void announce(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
