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

  /** False for a refused login: retrying will not help until the user fixes the credentials. */
  public boolean isTransient() {
    return transientFailure;
  }
}
