package io.secondcall.store;

/**
 * The outermost transaction on one connection: begin, run the work, commit; roll back instead
 * when the work throws, when the commit fails, or when the transaction is discarded. Before each
 * rollback {@code onRollback} runs, so that caches drop what the rolled-back work wrote. Callers
 * hold the store's monitor.
 */
final class SqlTransactions implements NestedTransactions.Outermost {

  private final Sql sql;
  private final Runnable onRollback;

  SqlTransactions(Sql sql, Runnable onRollback) {
    this.sql = sql;
    this.onRollback = onRollback;
  }

  @Override
  public void run(Runnable work, boolean discarded) {
    sql.begin();
    try {
      work.run();
    } catch (Throwable failure) {
      rollback(failure);
      throw failure;
    }
    if (discarded) {
      rollback(null);
    } else {
      try {
        sql.commit();
      } catch (StateStoreException e) {
        rollback(e);
        throw e;
      }
    }
  }

  private void rollback(Throwable failure) {
    onRollback.run();
    try {
      sql.rollback();
    } catch (StateStoreException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }
}
