package io.secondcall.port;

/**
 * A mail or calendar server could not be reached, refused the login, or failed mid-way.
 * {@code scan} exits 3 on it; {@code run} retries with backoff while {@link #isTransient()}.
 */
public class ServerAccessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String host;
  private final int port;
  private final boolean transientFailure;

  public ServerAccessException(String message, String host, int port, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.host = host;
    this.port = port;
    this.transientFailure = transientFailure;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /**
   * The innermost non-blank message of {@code e}'s causes, on one line: what a person needs to
   * read of a failure deep inside a client library.
   */
  public static String reason(Throwable e) {
    Throwable t = e;
    String message = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    if (message == null || message.isBlank()) {
      message = t.getClass().getSimpleName();
    }
    return message.replaceAll("\\s+", " ").strip();
  }

  /** False for a refused login: retrying will not help until the user fixes the credentials. */
  public boolean isTransient() {
    return transientFailure;
  }
}
