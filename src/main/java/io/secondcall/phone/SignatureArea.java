package io.secondcall.phone;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines of a plain-text mail body where its writer's own contact details live: after the
 * "-- " delimiter, else after the sign-off ("Best regards", "Viele Grüße"), else the short name
 * block that ends the text. Quoted lines and everything from an attribution line on are never
 * part of it: in a reply, that is the other side's mail, and its numbers are not the writer's.
 */
final class SignatureArea {

  /** A name block longer than this is body text, not a signature. */
  private static final int MAX_NAME_BLOCK_LINES = 8;

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Lines where quoted material begins, in the languages the product supports. */
  private static final List<Pattern> QUOTE_START = List.of(
      Pattern.compile("^(?:on|am|le|el)\\b.+\\b(?:wrote|schrieb|a\\s+écrit|escribió)\\b.*:$", FLAGS),
      Pattern.compile("^(?:wrote|schrieb|a\\s+écrit|escribió)\\s*:$", FLAGS),
      Pattern.compile("^-{2,}\\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|"
          + "forwarded message|weitergeleitete nachricht)\\s*-{2,}$", FLAGS),
      Pattern.compile("^_{10,}$"),
      Pattern.compile("^(?:from|von|de)\\s*:.+@.+", FLAGS));

  private static final Pattern DELIMITER = Pattern.compile("^--\\s?$");

  private static final Pattern SIGN_OFF = Pattern.compile("^(?:"
      + "(?:with\\s+)?(?:best|kind|kindest|warm|warmest|many)\\s+(?:regards|wishes|thanks)"
      + "|regards|best|cheers|thanks|thank\\s+you|many\\s+thanks|thanks\\s+again|sincerely|all\\s+the\\s+best"
      + "|yours(?:\\s+(?:sincerely|truly|faithfully))?|take\\s+care|best\\s+wishes"
      + "|(?:mit\\s+)?(?:freundlichen|besten|herzlichen|vielen|lieben|schönen|sonnigen)\\s+gr(?:ü|ue|u)(?:ß|ss)en"
      + "|(?:viele|beste|liebe|herzliche|freundliche|schöne|sonnige)\\s+gr(?:ü|ue|u)(?:ß|ss)e"
      + "|gr(?:ü|ue|u)(?:ß|ss)e?|mfg|lg|vg|bg"
      + "|cordialement|bien\\s+(?:à|a)\\s+vous|bien\\s+cordialement|salutations"
      + "|saludos(?:\\s+cordiales)?|un\\s+saludo|atentamente)"
      + "(?:\\s+(?:aus|from|de|desde)\\s+[\\p{L} .-]{1,30})?"
      + "(?:\\s*,\\s*[\\p{L} .'-]{1,40}|[\\s,!.]*)$", FLAGS);

  /** A full sentence: signature lines are fragments ("Acme GmbH · Tel. 089 123456"). */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]$");
  private static final Pattern SENTENCE_BREAK = Pattern.compile("\\p{Ll}{3,}[.!?]\\s+\\p{Lu}");
  private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

  private SignatureArea() {}

  static List<String> lines(String body) {
    List<String> visible = visibleLines(body);
    int start = startOfSignature(visible);
    List<String> out = new ArrayList<>();
    if (start < 0) {
      return out;
    }
    for (String line : visible.subList(start, visible.size())) {
      if (!line.isBlank() && !isProse(line)) {
        out.add(line);
      }
    }
    return out;
  }

  /** The writer's own lines: quoted lines blanked (they still end a paragraph), cut at quoted material. */
  private static List<String> visibleLines(String body) {
    List<String> out = new ArrayList<>();
    if (body == null) {
      return out;
    }
    for (String raw : body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      String line = raw.strip();
      if (QUOTE_START.stream().anyMatch(p -> p.matcher(line).matches())) {
        break;
      }
      out.add(line.startsWith(">") ? "" : line);
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static int startOfSignature(List<String> visible) {
    for (int i = 0; i < visible.size(); i++) {
      if (DELIMITER.matcher(visible.get(i)).matches()) {
        return i + 1;
      }
    }
    for (int i = visible.size() - 1; i >= 0; i--) {
      if (SIGN_OFF.matcher(visible.get(i)).matches()) {
        return i + 1;
      }
    }
    return nameBlock(visible);
  }

  /** The last paragraph, when it is short and something came before it; else -1. */
  private static int nameBlock(List<String> visible) {
    int start = visible.size();
    while (start > 0 && !visible.get(start - 1).isBlank()) {
      start--;
    }
    boolean bodyBefore = visible.subList(0, start).stream().anyMatch(l -> !l.isBlank());
    return bodyBefore && visible.size() - start <= MAX_NAME_BLOCK_LINES ? start : -1;
  }

  private static boolean isProse(String line) {
    if (SENTENCE_BREAK.matcher(line).find()) {
      return true;
    }
    return SENTENCE_END.matcher(line).find() && WORD.matcher(line).results().count() >= 5;
  }
}
