package io.secondcall.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OAuth client file as the Google Cloud console downloads it. */
class OAuthClientTest {

  @TempDir
  Path dir;

  @Test
  void readsADesktopAppClient() throws Exception {
    Path file = dir.resolve("client.json");
    Files.writeString(file, """
        {"installed":{"client_id":"1234.apps.googleusercontent.com","project_id":"p",
        "auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token",
        "client_secret":"GOCSPX-secret","redirect_uris":["http://localhost"]}}""");

    OAuthClient client = OAuthClient.read(file);

    assertThat(client.clientId()).isEqualTo("1234.apps.googleusercontent.com");
    assertThat(client.clientSecret()).isEqualTo("GOCSPX-secret");
    assertThat(client.toString()).doesNotContain("GOCSPX");
  }

  @Test
  void aServiceAccountKeyIsRefusedWithAHint() throws Exception {
    Path file = dir.resolve("key.json");
    Files.writeString(file, "{\"type\": \"service_account\", \"client_email\": \"x@p.iam.gserviceaccount.com\"}");

    assertThatThrownBy(() -> OAuthClient.read(file))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString()).hasMessageContaining("Desktop app");
  }

  @Test
  void aClientWithoutSecretIsRefused() throws Exception {
    Path file = dir.resolve("client.json");
    Files.writeString(file, "{\"installed\": {\"client_id\": \"1234\"}}");

    assertThatThrownBy(() -> OAuthClient.read(file)).hasMessageContaining("client_secret");
  }
}
