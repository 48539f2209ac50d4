package io.secondcall.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subject lines of follow-ups: one "Re:" in front of the original subject, never a stack. The
 * subject stored with a conversation and the subject of its drafts both come from here, so that
 * the two always agree.
 */
public final class Subjects {

  /**
   * One reply or forward prefix as mail clients write it: Re, Fw, Fwd (English); AW, WG, Antwort
   * (German); TR (French Outlook); RV, RES, ENC (Spanish, Portuguese); R, RIF (Italian); Antw
   * (Dutch); SV, VS (Nordic); ODP (Polish). With an optional counter ("Re[2]:", "Re(3):",
   * "RE^2:"), French spacing before the colon ("Re : ") and the full-width colon of CJK clients.
   */
  private static final Pattern PREFIX = Pattern.compile(
      "^\\s*(?:re|fwd?|aw|wg|antwort|antw|tr|rv|res|enc|r|rif|sv|vs|odp)"
          + "\\s*(?:\\[\\d+]|\\(\\d+\\)|\\^\\d+)?\\s*[:\uFF1A]\\s*",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

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
