package io.secondcall.template;

import java.util.regex.Pattern;

/**
 * Reply and forward prefixes as mail clients write them in several languages. Kept local to this
 * package; {@code io.secondcall.core.Subjects} may replace it.
 */
final class ReplySubject {

  // Re, Fwd, Fw (English); AW, WG (German); SV, VS (Nordic); Antw (Dutch); TR (French Outlook);
  // RV, RES, ENC (Spanish/Portuguese); R, RIF (Italian); ODP (Polish). Also "Re[2]:" and "Re(2):".
  private static final Pattern PREFIX = Pattern.compile(
      "^\\s*(?:re|fwd?|aw|wg|sv|vs|antw|antwort|tr|rv|res|enc|r|rif|odp)"
          + "\\s*(?:\\[\\d+]|\\(\\d+\\))?\\s*[:\uFF1A]\\s*",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private ReplySubject() {}

  /** The subject without any stacked reply/forward prefixes, whitespace collapsed. */
  static String strip(String subject) {
    if (subject == null) {
      return "";
    }
    String s = subject.replaceAll("\\s+", " ").strip();
    while (true) {
      var m = PREFIX.matcher(s);
      if (!m.find()) {
        return s;
      }
      s = s.substring(m.end());
    }
  }

  /** {@code Re: } and the stripped subject, or just {@code Re:} when there is no subject. */
  static String reply(String subject) {
    String base = strip(subject);
    return base.isEmpty() ? "Re:" : "Re: " + base;
  }
}
