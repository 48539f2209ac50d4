package io.secondcall.store;

/**
 * The state database failed. Unchecked because no caller can do better than stop the cycle and
 * report it; the message names the database so the user knows which file to look at.
 */
public class StateStoreException extends RuntimeException {

  private final String database;

  public StateStoreException(String database, String message, Throwable cause) {
    super("state database " + database + ": " + message, cause);
    this.database = database;
  }

  public StateStoreException(String database, String message) {
    this(database, message, null);
  }

  /** The database file, or {@code :memory:}. */
  public String database() {
    return database;
  }
}
