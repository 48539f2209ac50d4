package io.secondcall.store;

import java.util.Objects;

/**
 * The nesting rules both stores follow: a transaction inside another joins it, and a discarded
 * transaction (a dry run) must be the outermost. Only the outermost call reaches the store's own
 * begin/commit/rollback, given as {@link Outermost}. Callers synchronise.
 */
final class NestedTransactions {

  /** Runs the work as one store transaction, rolled back when it throws or when {@code discarded}. */
  @FunctionalInterface
  interface Outermost {
    void run(Runnable work, boolean discarded);
  }

  private final Outermost outermost;
  private int depth;

  NestedTransactions(Outermost outermost) {
    this.outermost = outermost;
  }

  void inTransaction(Runnable work) {
    Objects.requireNonNull(work, "work");
    if (depth > 0) {
      depth++;
      try {
        work.run();
      } finally {
        depth--;
      }
      return;
    }
    outermost(work, false);
  }

  void inDiscardedTransaction(Runnable work) {
    Objects.requireNonNull(work, "work");
    if (depth > 0) {
      throw new IllegalStateException("a discarded transaction cannot run inside another transaction");
    }
    outermost(work, true);
  }

  private void outermost(Runnable work, boolean discarded) {
    depth = 1;
    try {
      outermost.run(work, discarded);
    } finally {
      depth = 0;
    }
  }
}
