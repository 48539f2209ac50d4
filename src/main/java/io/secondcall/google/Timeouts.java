package io.secondcall.google;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import java.time.Duration;

/**
 * Connect, read and write timeout of every request to Google, API and token endpoint alike. The
 * library's own defaults (20 s connect and read, no write limit) are not ours: set all three.
 */
record Timeouts(Duration timeout) implements HttpRequestInitializer {

  Timeouts {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Google timeout must be positive, got " + timeout);
    }
  }

  @Override
  public void initialize(HttpRequest request) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    request.setConnectTimeout(millis);
    request.setReadTimeout(millis);
    request.setWriteTimeout(millis);
  }
}
