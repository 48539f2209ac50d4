package io.secondcall.template;

/**
 * A template that cannot be used: a syntax error, an unknown variable, an unreadable file. The
 * message is one line that names the file, so that start-up can print it as a config error.
 */
public class TemplateException extends RuntimeException {

  private final String source;

  public TemplateException(String source, String problem) {
    super(source + ": " + problem);
    this.source = source;
  }

  public TemplateException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
  }

  /** The template file (a path, or {@code built-in templates/<name>}) the problem is in. */
  public String source() {
    return source;
  }
}
