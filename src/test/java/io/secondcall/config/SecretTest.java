package io.secondcall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {

  @TempDir Path dir;

  private Path config() {
    return dir.resolve("config.yaml");
  }

  private Path secretFile(String content, String mode) throws IOException {
    Path file = dir.resolve("pw");
    Files.writeString(file, content);
    if (posix()) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }
    return file;
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  @Test
  void readsFileAndStripsOneTrailingNewline() throws IOException {
    Secret s = Secret.fromFile(config(), "mail.imap.password_file", secretFile("s3cret \n\n", "rw-------"));
    assertThat(s.reveal()).isEqualTo("s3cret \n");
  }

  @Test
  void stripsWindowsLineEnding() throws IOException {
    assertThat(Secret.fromFile(config(), "k", secretFile("pw\r\n", "r--------")).reveal()).isEqualTo("pw");
  }

  @Test
  void toStringNeverShowsThePassword() throws IOException {
    Path file = secretFile("hunter2\n", "rw-------");
    Secret s = Secret.fromFile(config(), "mail.imap.password_file", file);
    assertThat(s.toString()).isEqualTo("Secret[file " + file + "]").doesNotContain("hunter2");
    Secret e = Secret.fromEnv(config(), "mail.imap.password_env", "IMAP_PW", Map.of("IMAP_PW", "hunter2"));
    assertThat(e.toString()).isEqualTo("Secret[env IMAP_PW]");
    assertThat(e.reveal()).isEqualTo("hunter2");
  }

  @Test
  void refusesAFileOthersCanRead() throws IOException {
    assumeTrue(posix());
    Path file = secretFile("hunter2", "rw-r--r--");
    assertThatThrownBy(() -> Secret.fromFile(config(), "mail.imap.password_file", file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(config() + ": mail.imap.password_file: ")
        .hasMessageContaining("chmod 600 " + file)
        .hasMessageContaining("rw-r--r--")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void refusesAFileTheGroupCanWrite() throws IOException {
    assumeTrue(posix());
    Path file = secretFile("hunter2", "rw--w----");
    assertThatThrownBy(() -> Secret.fromFile(config(), "calendar.caldav.password_file", file))
        .hasMessageContaining("calendar.caldav.password_file")
        .hasMessageContaining("chmod 600");
  }

  @Test
  void missingOrEmptyFile() throws IOException {
    assertThatThrownBy(() -> Secret.fromFile(config(), "k", dir.resolve("nope")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no file at " + dir.resolve("nope"));
    Path empty = secretFile("\n", "rw-------");
    assertThatThrownBy(() -> Secret.fromFile(config(), "k", empty))
        .hasMessageContaining("an empty file");
  }

  @Test
  void envVariableMustBeSetAndNonEmpty() {
    assertThatThrownBy(() -> Secret.fromEnv(config(), "mail.imap.password_env", "IMAP_PW", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(config() + ": mail.imap.password_env: expected the environment variable IMAP_PW"
            + " to hold the password, got it unset");
    assertThatThrownBy(() -> Secret.fromEnv(config(), "k", "IMAP_PW", Map.of("IMAP_PW", "")))
        .hasMessageContaining("got it empty");
  }

  @Test
  void aPasswordPastedAsVariableNameIsNotEchoed() {
    assertThatThrownBy(() -> Secret.fromEnv(config(), "mail.imap.password_env", "hunter2!", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mail.imap.password_env")
        .hasMessageNotContaining("hunter2");
  }
}
