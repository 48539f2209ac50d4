package io.secondcall.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Subject lines of follow-ups: one "Re:" in front of the original subject, never a stack. */
public final class Subjects {

  /**
   * One reply or forward prefix as mail clients write it in English, German, French, Spanish,
   * Scandinavian, Dutch, Polish and Portuguese, with an optional counter ("Re[2]:", "Re(3):",
   * "RE^2:") and French spacing before the colon ("Re : ").
   */
  private static final Pattern PREFIX = Pattern.compile(
      "^\\s*(?:re|aw|wg|fwd?|tr|rv|sv|vs|antw|odp|enc)\\s*(?:\\[\\d+]|\\(\\d+\\)|\\^\\d+)?\\s*[:：]\\s*",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Subjects() {}

  /**
   * The subject without any stack of reply/forward prefixes, whitespace runs (line breaks
   * included) collapsed to one space and trimmed; {@code null} gives "".
   */
  public static String strip(String subject) {
    if (subject == null) {
      return "";
    }
    String s = WHITESPACE.matcher(subject).replaceAll(" ").strip();
    Matcher m = PREFIX.matcher(s);
    while (m.lookingAt()) {
      s = s.substring(m.end());
      m = PREFIX.matcher(s);
    }
    return s.strip();
  }

  /** "Re: " and the stripped subject; just "Re:" when nothing is left. */
  public static String reply(String subject) {
    String s = strip(subject);
    return s.isEmpty() ? "Re:" : "Re: " + s;
  }
}
