package io.secondcall.config;

import io.secondcall.core.Loopback;
import java.util.Objects;

/**
 * The {@code web} section: where {@code secondcall run} serves the pipeline page.
 *
 * @param host the address to listen on, {@code 127.0.0.1} by default; null when {@code listen: off}
 * @param port the port, 8377 by default
 * @param password the password the page asks for (HTTP Basic), or null; required unless the host
 *     is a loopback address
 */
public record WebSettings(String host, int port, Secret password) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8377;
  public static final WebSettings DEFAULTS = new WebSettings(DEFAULT_HOST, DEFAULT_PORT, null);
  public static final WebSettings OFF = new WebSettings(null, 0, null);

  public WebSettings {
    if (host != null) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0-65535");
      }
      if (password == null && !Loopback.isLoopback(host)) {
        throw new IllegalArgumentException("a page on " + host + " needs a password");
      }
    }
  }

  public boolean enabled() {
    return host != null;
  }

  /** Whether people on other machines can reach the page: then it asks for the password. */
  public boolean isPublic() {
    return enabled() && !Loopback.isLoopback(host);
  }

  /** "127.0.0.1:8377", "[::1]:8377". */
  public String listen() {
    Objects.requireNonNull(host, "the page is off");
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
