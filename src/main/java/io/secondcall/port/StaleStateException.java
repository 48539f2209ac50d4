package io.secondcall.port;

/**
 * A row changed in the store since the copy being saved was read, by another process (a
 * {@code secondcall stop} while a cycle runs) or another part of the same cycle. The write is
 * refused so that it cannot undo that change; the caller reads again and decides again.
 */
public class StaleStateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StaleStateException(String message) {
    super(message);
  }
}
