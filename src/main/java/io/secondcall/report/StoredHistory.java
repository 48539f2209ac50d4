package io.secondcall.report;

import io.secondcall.port.StateStore;
import java.util.List;

/** Reads the user's history for the report from the state. */
public final class StoredHistory {

  private StoredHistory() {}

  public static List<History> read(StateStore store) {
    return store.conversations().stream()
        .map(c -> new History(c, store.touchTimes(c.id()), store.autoReplies(c.id())))
        .toList();
  }
}
