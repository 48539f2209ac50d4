package io.secondcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.port.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dry-run store on a fresh install: the full schema, in memory. */
class SqliteInMemoryStateStoreTest implements StateStoreContract {

  private final SqliteStateStore store = SqliteStateStore.inMemory();

  @Override
  public StateStore store() {
    return store;
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void twoInMemoryStoresShareNothing() {
    try (SqliteStateStore other = SqliteStateStore.inMemory()) {
      store.save(StateStoreContract.conversation("c1", T0));

      assertThat(other.conversations()).isEmpty();
    }
  }
}
