package io.secondcall.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line that closes a letter ("Best regards,", "Mit freundlichen Grüßen", "Un saludo,"), in
 * the languages the product speaks, with or without the writer's name on the same line ("Best,
 * Dana") or a place ("Grüße aus München"). One rule for the drafts' sign-off and the phone
 * reader's signature area.
 */
public final class SignOffs {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern SIGN_OFF = Pattern.compile("^((?:"
      + "(?:with\\s+)?(?:best|kind|kindest|warm|warmest|many)\\s+(?:regards|wishes|thanks)"
      + "|regards|best|cheers|thanks|thank\\s+you|many\\s+thanks|thanks\\s+again|sincerely|all\\s+the\\s+best"
      + "|yours(?:\\s+(?:sincerely|truly|faithfully))?|take\\s+care|best\\s+wishes|warmly|talk\\s+soon|speak\\s+soon"
      + "|(?:mit\\s+)?(?:freundlichen|besten|herzlichen|vielen|lieben|schönen|sonnigen)\\s+gr(?:ü|ue|u)(?:ß|ss)en"
      + "|(?:viele|beste|liebe|herzliche|freundliche|schöne|sonnige)\\s+gr(?:ü|ue|u)(?:ß|ss)e"
      + "|gr(?:ü|ue|u)(?:ß|ss)e?|mfg|lg|vg|bg|danke|vielen\\s+dank|herzlichen\\s+dank"
      + "|cordialement|bien\\s+(?:à|a)\\s+(?:vous|toi)|bien\\s+cordialement|(?:meilleures\\s+|sincères\\s+)?salutations"
      + "|amicalement|(?:à|a)\\s+bientôt|merci(?:\\s+beaucoup)?|bonne\\s+journée"
      + "|saludos(?:\\s+cordiales)?|un\\s+(?:cordial\\s+)?saludo|atentamente|cordialmente|un\\s+abrazo"
      + "|(?:muchas\\s+)?gracias)"
      + "(?:\\s+(?:aus|from|de|desde)\\s+[\\p{L} .-]{1,30})?"
      + "[\\s,!.]*)(?:,\\s*([\\p{L} .'-]{1,40}))?$", FLAGS);

  private SignOffs() {}

  public static boolean isSignOff(String line) {
    return SIGN_OFF.matcher(line.strip()).matches();
  }

  /** The sign-off without a name written on the same line ("Best, Dana" gives "Best,"). */
  public static Optional<String> phrase(String line) {
    Matcher m = SIGN_OFF.matcher(line.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    // The comma before the name belongs to the sign-off: "Best, Dana" closes with "Best,".
    return Optional.of(m.group(1).strip() + (m.group(2) == null ? "" : ","));
  }

  /** The name written on the sign-off's line, if any. */
  public static Optional<String> name(String line) {
    Matcher m = SIGN_OFF.matcher(line.strip());
    return m.matches() ? Optional.ofNullable(m.group(2)).map(String::strip).filter(s -> !s.isEmpty()) : Optional.empty();
  }
}
