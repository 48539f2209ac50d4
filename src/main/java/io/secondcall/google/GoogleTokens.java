package io.secondcall.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secondcall.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;

/**
 * The user's OAuth tokens for Google, kept in {@code <state_dir>/google/token.json}:
 * {@code {"access_token": .., "refresh_token": .., "expires_at": <epoch seconds>, "scope": ..}}.
 * {@link #toString()} never shows the tokens, so a stray log line cannot leak them.
 *
 * <p>Not google-http-client's {@code FileDataStoreFactory}: it makes its directory 0700 but
 * writes the file with the process umask and in place (a crash mid-write leaves a broken file
 * and a user who must consent again), in Java serialization (read back with
 * {@code ObjectInputStream}, and opaque to a person checking which scopes were granted), and its
 * {@code StoredCredential} has no room for the granted scopes, which {@code check} compares with
 * what the config needs.
 *
 * @param accessToken the current access token, or null when none was issued yet
 * @param refreshToken the long-lived refresh token; required, without it nothing can be renewed
 * @param expiresAt when the access token expires, or null when unknown
 * @param scope the granted scopes, space-separated, or null
 */
public record GoogleTokens(String accessToken, String refreshToken, Instant expiresAt, String scope) {

  /** The directory under {@code state_dir}: only its owner may enter it. */
  public static final String DIRECTORY = "google";
  /** The file name in {@link #DIRECTORY}. */
  public static final String FILE_NAME = "token.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

  public GoogleTokens {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw new IllegalArgumentException("refresh_token is missing");
    }
    accessToken = accessToken == null || accessToken.isBlank() ? null : accessToken;
    scope = scope == null || scope.isBlank() ? null : scope;
  }

  /** The token file of a state directory. */
  public static Path fileIn(Path stateDir) {
    return stateDir.resolve(DIRECTORY).resolve(FILE_NAME);
  }

  /**
   * Reads a token file.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it is not a token file (no JSON object, no refresh_token)
   */
  public static GoogleTokens read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + " does not hold a JSON object");
    }
    JsonNode expires = root.get("expires_at");
    if (expires != null && !expires.isNull() && !expires.canConvertToLong()) {
      throw new IllegalArgumentException(file + ": expires_at must be epoch seconds, got " + expires);
    }
    try {
      return new GoogleTokens(text(root, "access_token"), text(root, "refresh_token"),
          expires == null || expires.isNull() ? null : Instant.ofEpochSecond(expires.asLong()), text(root, "scope"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  /**
   * Writes the tokens so that only the owner can read them (0600, in a directory only the owner
   * may enter: 0700, created if missing and narrowed if wider), replacing the file in one step: a
   * crash mid-write leaves the old tokens, never half a file.
   */
  public void write(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("access_token", accessToken);
    root.put("refresh_token", refreshToken);
    if (expiresAt != null) {
      root.put("expires_at", expiresAt.getEpochSecond());
    }
    root.put("scope", scope);
    makePrivateDirectory(file.toAbsolutePath().getParent());
    byte[] content = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    AtomicFiles.write(file, out -> out.write(content));
  }

  private static void makePrivateDirectory(Path dir) throws IOException {
    // Parents created here (a fresh state_dir) get the same mode, as the state store gives state_dir.
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
    if (!Files.getPosixFilePermissions(dir).equals(OWNER_ONLY_DIRECTORY)) {
      Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
    }
  }

  @Override
  public String toString() {
    return "GoogleTokens[expiresAt=" + expiresAt + ", scope=" + scope + "]";
  }
}
