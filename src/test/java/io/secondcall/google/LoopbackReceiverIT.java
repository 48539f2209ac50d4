package io.secondcall.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver of Google's redirect: on 127.0.0.1 only, and not fooled by a request without an answer. */
class LoopbackReceiverIT {

  private final HttpClient browser = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
  private final LoopbackReceiver receiver = new LoopbackReceiver(Duration.ofSeconds(30));

  @AfterEach
  void stop() {
    receiver.stop();
  }

  private HttpResponse<String> visit(String url) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aStrayRequestKeepsItWaitingForTheRealAnswer() throws Exception {
    String redirect = receiver.getRedirectUri();
    assertThat(redirect).matches("http://127\\.0\\.0\\.1:\\d+/callback");

    assertThat(visit(redirect).statusCode()).isEqualTo(400);
    assertThat(visit(redirect + "?code=4%2F0Ab&scope=x").statusCode()).isEqualTo(200);

    assertThat(receiver.waitForCode()).isEqualTo("4/0Ab");
  }

  @Test
  void aDeclinedConsentEndsTheWaitWithGooglesError() throws Exception {
    String redirect = receiver.getRedirectUri();

    assertThat(visit(redirect + "?error=access_denied").body()).contains("access_denied");

    assertThatThrownBy(receiver::waitForCode).isInstanceOf(ConsentDeclinedException.class)
        .hasMessageContaining("access_denied");
  }

  @Test
  void itListensOnTheLoopbackAddressOnly() throws Exception {
    receiver.getRedirectUri();

    assertThat(receiver.boundAddress().isLoopbackAddress()).isTrue();
  }
}
