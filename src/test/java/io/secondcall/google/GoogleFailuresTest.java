package io.secondcall.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import io.secondcall.port.ServerAccessException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Google failures are worth retrying and which need the user. */
class GoogleFailuresTest {

  private final GoogleFailures failures =
      new GoogleFailures(URI.create("https://www.googleapis.com/"), URI.create("https://oauth2.googleapis.com/token"));

  @Test
  void networkTroubleIsTransientAndNamesTheApiHost() {
    ServerAccessException e = failures.of("Google Calendar events.list", new ConnectException("Connection refused"));

    assertThat(e.isTransient()).isTrue();
    assertThat(e.host()).isEqualTo("www.googleapis.com");
    assertThat(e.port()).isEqualTo(443);
    assertThat(e.getMessage()).contains("events.list", "Connection refused");
    assertThat(failures.of("x", new SocketTimeoutException("Read timed out")).isTransient()).isTrue();
  }

  @Test
  void serverErrorsAndThrottlingAreTransient() {
    assertThat(failures.of("x", status(500, null)).isTransient()).isTrue();
    assertThat(failures.of("x", status(503, null)).isTransient()).isTrue();
    assertThat(failures.of("x", status(429, "rateLimitExceeded")).isTransient()).isTrue();
    assertThat(failures.of("x", status(403, "rateLimitExceeded")).isTransient()).isTrue();
    assertThat(failures.of("x", status(403, "userRateLimitExceeded")).isTransient()).isTrue();
  }

  @Test
  void refusedAccessIsPermanent() {
    assertThat(failures.of("x", status(401, "authError")).isTransient()).isFalse();
    assertThat(failures.of("x", status(403, "forbidden")).isTransient()).isFalse();
    assertThat(failures.of("x", status(404, "notFound")).isTransient()).isFalse();
    assertThat(failures.of("x", new HttpResponseException.Builder(403, "Forbidden", new HttpHeaders()).build())
        .isTransient()).isFalse();
  }

  @Test
  void theMessageCarriesGooglesExplanation() {
    assertThat(failures.of("Google Calendar events.insert", status(403, "forbidden")).getMessage())
        .isEqualTo("Google Calendar events.insert failed: HTTP 403 explained");
  }

  private static GoogleJsonResponseException status(int code, String reason) {
    GoogleJsonError details = new GoogleJsonError();
    details.setCode(code);
    details.setMessage("explained");
    if (reason != null) {
      GoogleJsonError.ErrorInfo info = new GoogleJsonError.ErrorInfo();
      info.setReason(reason);
      details.setErrors(List.of(info));
    }
    return new GoogleJsonResponseException(new HttpResponseException.Builder(code, "status", new HttpHeaders()), details);
  }
}
