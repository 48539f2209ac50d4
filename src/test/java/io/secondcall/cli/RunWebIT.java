package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.Conversation;
import io.secondcall.store.SqliteStateStore;
import io.secondcall.testing.Dovecot;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code secondcall run} serves the pipeline page where {@code web.listen} says: the daemon's
 * conversation is on it, and a stop from the page lands in the daemon's state while it runs.
 */
class RunWebIT {

  static final String ME = RunStopIT.ME;

  @TempDir Path work;
  @TempDir Path mail;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void theDaemonServesThePipelineAndTakesAStopFromIt() throws Exception {
    try (Dovecot dovecot = Dovecot.start(mail)) {
      String user = dovecot.newUser();
      try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
        client.sent("p1@northwind.example", Instant.now().minus(Duration.ofDays(2)), ME, "alice@acme.example",
            "Proposal");
      }
      int port = freePort();
      URI page = URI.create("http://127.0.0.1:" + port + "/");
      try (RunProcess run = RunProcess.start(
          RunStopIT.config(work, dovecot.port(), user, "web:", "  listen: \"127.0.0.1:" + port + "\""),
          work.resolve("logs"))) {
        assertThat(run.awaitLog("pipeline page on http://127.0.0.1:" + port, Duration.ofSeconds(60)))
            .as("the page started\n%s", run.log()).isTrue();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> pipeline = awaitPage(http, page, "alice@acme.example");
        String cookie = pipeline.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(pipeline.body());
        Matcher id = Pattern.compile("data-id=\"([^\"]+)\"").matcher(pipeline.body());
        assertThat(token.find() && id.find()).isTrue();

        HttpResponse<String> stop = http.send(HttpRequest.newBuilder(page.resolve("/stop"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", "http://127.0.0.1:" + port)
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString("id=" + id.group(1) + "&csrf=" + token.group(1)))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stop.statusCode()).isEqualTo(303);
        assertThat(http.send(HttpRequest.newBuilder(page.resolve("/?show=ended")).build(),
            HttpResponse.BodyHandlers.ofString()).body()).contains("stopped by you");

        run.sigterm();
        assertThat(run.awaitExit(Duration.ofSeconds(15))).as("%s", run.log()).isZero();
      }
      try (SqliteStateStore store = SqliteStateStore.open(work.resolve("state"))) {
        assertThat(store.conversations()).singleElement()
            .satisfies(c -> assertThat(c.status()).isEqualTo(Conversation.Status.STOPPED));
      }
    }
  }

  /** The page once the first cycle has tracked the outreach. */
  private static HttpResponse<String> awaitPage(HttpClient http, URI page, String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(page).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200 && response.body().contains(text) || System.nanoTime() > deadline) {
        return response;
      }
      Thread.sleep(200);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

}
