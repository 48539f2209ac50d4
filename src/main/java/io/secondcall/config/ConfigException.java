package io.secondcall.config;

import java.nio.file.Path;

/**
 * A configuration the program cannot run with. The message is one line,
 * {@code <file>: <key>: <what is expected>, got <what was found>}, fit to print as is on
 * stderr; the command line maps this exception to exit code 2.
 */
public final class ConfigException extends RuntimeException {

  private final transient Path file;
  private final String key;

  /**
   * @param file the file at fault (the config file, a secret file, a template)
   * @param key the dotted key ({@code me.timezone}), a line ({@code line 3}), or null when the
   *     whole file is at fault
   * @param detail what is wrong, without file or key
   */
  public ConfigException(Path file, String key, String detail) {
    super(format(file, key, detail));
    this.file = file;
    this.key = key;
  }

  public ConfigException(Path file, String key, String detail, Throwable cause) {
    this(file, key, detail);
    initCause(cause);
  }

  /** {@code <file>: <key>: <expected>, got <got>}. */
  public static ConfigException expected(Path file, String key, String expected, String got) {
    return new ConfigException(file, key, "expected " + expected + ", got " + got);
  }

  private static String format(Path file, String key, String detail) {
    String oneLine = detail.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    return file + ": " + (key == null ? "" : key + ": ") + oneLine;
  }

  public Path file() {
    return file;
  }

  /** The dotted key at fault, or null. */
  public String key() {
    return key;
  }
}
