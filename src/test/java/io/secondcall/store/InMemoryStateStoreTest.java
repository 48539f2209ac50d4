package io.secondcall.store;

import io.secondcall.port.StateStore;

class InMemoryStateStoreTest implements StateStoreContract {

  private final InMemoryStateStore store = new InMemoryStateStore();

  @Override
  public StateStore store() {
    return store;
  }
}
