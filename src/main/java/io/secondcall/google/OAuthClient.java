package io.secondcall.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The OAuth client of a Google Cloud project, as downloaded from the console: a JSON file with
 * an {@code "installed"} (Desktop app) or {@code "web"} object holding {@code client_id} and
 * {@code client_secret}. {@link #toString()} leaves the secret out.
 */
public record OAuthClient(String clientId, String clientSecret) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public OAuthClient {
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("client_id is missing");
    }
    if (clientSecret == null || clientSecret.isBlank()) {
      throw new IllegalArgumentException("client_secret is missing");
    }
  }

  /**
   * Reads a client file.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it is no OAuth client file
   */
  public static OAuthClient read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode client = root == null ? null : root.has("installed") ? root.get("installed") : root.get("web");
    if (client == null || !client.isObject()) {
      throw new IllegalArgumentException(file + " is not an OAuth client file: expected an \"installed\" object"
          + " (download the client of type Desktop app from the Google Cloud console)");
    }
    try {
      return new OAuthClient(client.path("client_id").asText(null), client.path("client_secret").asText(null));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "OAuthClient[clientId=" + clientId + "]";
  }
}
