package io.secondcall.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token file under state_dir: readable by the owner only, never half-written, never logged. */
class GoogleTokensTest {

  @TempDir
  Path dir;

  @Test
  void readsWhatItWrote() throws Exception {
    GoogleTokens tokens = new GoogleTokens("ya29.a", "1//r", Instant.parse("2026-12-01T09:00:00Z"), "scope-a scope-b");
    Path file = GoogleTokens.fileIn(dir);

    tokens.write(file);

    assertThat(GoogleTokens.read(file)).isEqualTo(tokens);
    assertThat(Files.readString(file)).contains("\"expires_at\" : 1796115600");
  }

  @Test
  void readsTheFieldsTheAuthCommandWrites() throws Exception {
    Path file = dir.resolve("google-token.json");
    Files.writeString(file, """
        {"access_token": "ya29.x", "refresh_token": "1//y", "expires_at": 1796115600, "scope": "s"}""");

    GoogleTokens tokens = GoogleTokens.read(file);

    assertThat(tokens.accessToken()).isEqualTo("ya29.x");
    assertThat(tokens.refreshToken()).isEqualTo("1//y");
    assertThat(tokens.expiresAt()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(tokens.scope()).isEqualTo("s");
  }

  @Test
  void replacesAnOpenFileWithAnOwnerOnlyOneInAnOwnerOnlyDirectory() throws Exception {
    Path file = GoogleTokens.fileIn(dir);
    Files.createDirectories(file.getParent());
    Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(file, "{}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    new GoogleTokens("ya29.a", "1//r", null, null).write(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    assertThat(GoogleTokens.read(file).expiresAt()).isNull();
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aFreshStateDirectoryIsCreatedOwnerOnlyWithTheTokenDirectoryInIt() throws Exception {
    Path stateDir = dir.resolve("state");
    Path file = GoogleTokens.fileIn(stateDir);

    new GoogleTokens("ya29.a", "1//r", null, null).write(file);

    assertThat(file).isEqualTo(stateDir.resolve("google").resolve("token.json"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
  }

  @Test
  void aFileWithoutRefreshTokenIsRefusedNamingTheFile() throws Exception {
    Path file = dir.resolve("token.json");
    Files.writeString(file, "{\"access_token\": \"ya29.a\"}");

    assertThatThrownBy(() -> GoogleTokens.read(file))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString()).hasMessageContaining("refresh_token");
  }

  @Test
  void notJsonIsRefusedNamingTheFile() throws Exception {
    Path file = dir.resolve("token.json");
    Files.writeString(file, "access_token=ya29");

    assertThatThrownBy(() -> GoogleTokens.read(file))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString());
  }

  @Test
  void neverShowsTheTokens() {
    assertThat(new GoogleTokens("ya29.secret", "1//secret", null, "s").toString()).doesNotContain("secret");
  }
}
