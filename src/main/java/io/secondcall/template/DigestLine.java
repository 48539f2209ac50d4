package io.secondcall.template;

import io.secondcall.core.SafeText;
import java.util.Objects;

/**
 * One line of the inbox digest.
 *
 * @param kind what happened: {@link #DRAFT}, {@link #CALLBACK}, {@link #BOUNCE}, {@link #ENDED},
 *     {@link #LOGIN}, {@link #REPORT}, or any other word (counted and listed under "Other")
 * @param text the line as the user reads it, e.g. contact, subject, step and due time
 */
public record DigestLine(String kind, String text) {

  public static final String DRAFT = "draft";
  public static final String CALLBACK = "callback";
  public static final String BOUNCE = "bounce";
  public static final String ENDED = "ended";
  public static final String PAUSED = "paused";
  public static final String LOGIN = "login";
  /** The weekly line of the persistence report. */
  public static final String REPORT = "report";

  public DigestLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    kind = SafeText.digestLine(kind);
    // One bullet is one line: a line break in a subject must not forge a line of its own.
    text = SafeText.digestLine(text);
    if (kind.isEmpty()) {
      throw new IllegalArgumentException("digest line without a kind: " + text);
    }
  }
}
