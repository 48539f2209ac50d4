package io.secondcall.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A password read from a file or an environment variable. {@link #toString()} says only where it
 * came from, so a secret never reaches a log line or an error message by accident.
 */
public final class Secret {

  private static final long MAX_FILE_BYTES = 64 * 1024;
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<PosixFilePermission> SHARED = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

  private final String source;
  private final String value;

  private Secret(String source, String value) {
    this.source = Objects.requireNonNull(source, "source");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** A secret held in memory, for tests and callers that obtained it elsewhere. */
  public static Secret of(String source, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    return new Secret(source, value);
  }

  /**
   * Reads {@code secretFile}, dropping one trailing newline. The file must be readable and
   * writable by its owner only: a password other users can read is not a secret.
   *
   * @param configFile the config file that names the secret, for error messages
   * @param key the dotted key naming it, e.g. {@code mail.imap.password_file}
   * @throws ConfigException when the file is missing, unreadable, empty or shared
   */
  public static Secret fromFile(Path configFile, String key, Path secretFile) {
    checkPrivate(configFile, key, secretFile);
    byte[] bytes;
    try {
      if (Files.size(secretFile) > MAX_FILE_BYTES) {
        throw ConfigException.expected(configFile, key, "a password file of at most 64 KiB", secretFile.toString());
      }
      bytes = Files.readAllBytes(secretFile);
    } catch (NoSuchFileException e) {
      throw ConfigException.expected(configFile, key, "an existing password file", "no file at " + secretFile);
    } catch (IOException e) {
      throw ConfigException.expected(configFile, key, "a readable password file",
          "an error reading " + secretFile + " (" + e.getClass().getSimpleName() + ")");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ConfigException.expected(configFile, key, "a UTF-8 text file", "binary content in " + secretFile);
    }
    text = stripOneNewline(text);
    if (text.isEmpty()) {
      throw ConfigException.expected(configFile, key, "a file holding the password", "an empty file " + secretFile);
    }
    return new Secret("file " + secretFile, text);
  }

  /**
   * Reads the environment variable {@code variable} from {@code env}.
   *
   * @throws ConfigException when the name is not a variable name or the variable is unset or empty
   */
  public static Secret fromEnv(Path configFile, String key, String variable, Map<String, String> env) {
    if (!ENV_NAME.matcher(variable).matches()) {
      // Not echoed: a user who pasted the password here should not find it in the journal.
      throw ConfigException.expected(configFile, key, "the name of an environment variable such as IMAP_PASSWORD",
          "something else (not shown, in case it is the password itself)");
    }
    String value = env.get(variable);
    if (value == null || value.isEmpty()) {
      throw ConfigException.expected(configFile, key, "the environment variable " + variable + " to hold the password",
          value == null ? "it unset" : "it empty");
    }
    return new Secret("env " + variable, value);
  }

  private static void checkPrivate(Path configFile, String key, Path secretFile) {
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(secretFile);
    } catch (UnsupportedOperationException e) {
      return; // no POSIX permissions on this file system: nothing to check
    } catch (NoSuchFileException e) {
      throw ConfigException.expected(configFile, key, "an existing password file", "no file at " + secretFile);
    } catch (IOException e) {
      throw ConfigException.expected(configFile, key, "a readable password file",
          "an error reading " + secretFile + " (" + e.getClass().getSimpleName() + ")");
    }
    if (perms.stream().anyMatch(SHARED::contains)) {
      throw ConfigException.expected(configFile, key,
          "a password file only its owner can read (run: chmod 600 " + secretFile + ")",
          "mode " + PosixFilePermissions.toString(perms) + " on " + secretFile);
    }
  }

  private static String stripOneNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    if (text.endsWith("\n")) {
      return text.substring(0, text.length() - 1);
    }
    return text;
  }

  /** The password itself. Call it only where the password is sent to the server. */
  public String reveal() {
    return value;
  }

  /** Where it came from: {@code file /etc/secondcall/imap.pass} or {@code env IMAP_PASSWORD}. */
  public String source() {
    return source;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && source.equals(s.source) && value.equals(s.value);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return "Secret[" + source + "]";
  }
}
