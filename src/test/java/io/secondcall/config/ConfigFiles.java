package io.secondcall.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** Writes config files for tests into a directory, with a private password file beside them. */
final class ConfigFiles {

  static final Map<String, String> ENV = Map.of("IMAP_PASSWORD", "from-env", "DAV_PASSWORD", "dav-secret");

  /** The smallest valid config: only the required keys. */
  static final String MINIMAL = """
      me:
        name: Dana Example
        addresses: [dana@example.com]
        timezone: Europe/Berlin
      mail:
        imap:
          host: imap.example.com
          username: dana
          password_env: IMAP_PASSWORD
      state_dir: state
      """;

  private final Path dir;

  ConfigFiles(Path dir) {
    this.dir = dir;
  }

  Path write(String yaml) {
    try {
      Path file = dir.resolve("config.yaml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path privateFile(String name, String content) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, content);
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Config load(String yaml) {
    return ConfigLoader.load(write(yaml), ENV);
  }

  /** Loads {@code yaml}, expecting a one-line error at {@code key}; returns the message for further checks. */
  String error(String yaml, String key) {
    Path file = dir.resolve("config.yaml");
    ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class, () -> load(yaml));
    org.assertj.core.api.Assertions.assertThat(e).as("expected an error at " + key).isNotNull();
    org.assertj.core.api.Assertions.assertThat(e.getMessage()).startsWith(file + ": " + key + ": ")
        .doesNotContain("\n").doesNotContain("\r");
    org.assertj.core.api.Assertions.assertThat(e.file()).isEqualTo(file);
    org.assertj.core.api.Assertions.assertThat(e.key()).isEqualTo(key);
    return e.getMessage();
  }

  /** {@link #MINIMAL} with {@code old} replaced by {@code replacement}; fails if {@code old} is absent. */
  static String minimalWith(String old, String replacement) {
    if (!MINIMAL.contains(old)) {
      throw new IllegalArgumentException("not in the minimal config: " + old);
    }
    return MINIMAL.replace(old, replacement);
  }
}
