package io.secondcall.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.secondcall.config.GoogleSettings;
import io.secondcall.port.ServerAccessException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a connection reads the local authorisation files and says what is missing. */
class GoogleConnectionTest {

  @TempDir
  Path dir;
  private Path client;

  @BeforeEach
  void clientFile() throws Exception {
    client = dir.resolve("client.json");
    Files.writeString(client, "{\"installed\": {\"client_id\": \"1234\", \"client_secret\": \"s\"}}");
  }

  @Test
  void withoutATokenFileTheUserIsToldToAuthorise() {
    GoogleSettings settings = new GoogleSettings(client, GoogleSettings.DEFAULT_API, GoogleSettings.DEFAULT_AUTH,
        GoogleSettings.DEFAULT_TOKEN);
    Path tokenFile = GoogleTokens.fileIn(dir);

    ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
        () -> GoogleConnection.open(settings, tokenFile, null, Clock.systemUTC()));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains(tokenFile.toString(), "secondcall auth google");
    assertThat(e.host()).isEqualTo("oauth2.googleapis.com");
  }

  @Test
  void withoutAnOAuthClientNothingCanBeRenewed() {
    GoogleSettings settings = GoogleSettings.defaults();

    ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
        () -> GoogleConnection.open(settings, GoogleTokens.fileIn(dir), null, Clock.systemUTC()));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("google.credentials_file");
  }

  @Test
  void theApiRootGetsOneTrailingSlash() throws Exception {
    new GoogleTokens("ya29.a", "1//r", null, null).write(GoogleTokens.fileIn(dir));
    GoogleSettings settings = new GoogleSettings(client, URI.create("http://127.0.0.1:8099/proxy"),
        GoogleSettings.DEFAULT_AUTH, GoogleSettings.DEFAULT_TOKEN);

    GoogleConnection connection = GoogleConnection.open(settings, GoogleTokens.fileIn(dir), Duration.ofSeconds(5),
        Clock.systemUTC());

    assertThat(connection.rootUrl()).isEqualTo("http://127.0.0.1:8099/proxy/");
    assertThat(GoogleConnection.rootUrl(GoogleSettings.DEFAULT_API)).isEqualTo("https://www.googleapis.com/");
  }
}
