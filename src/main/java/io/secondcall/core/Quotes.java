package io.secondcall.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The user's own words in a message: what is left after quoted text, the quoted message's
 * attribution and the signature are dropped. Feeds the short quote in follow-up drafts.
 */
public final class Quotes {

  private static final String ELLIPSIS = "…";

  /** A line that starts the quoted part of a reply, in the languages the product supports. */
  private static final List<Pattern> ATTRIBUTION = List.of(
      Pattern.compile("^on\\b.+\\bwrote\\s*:\\s*$", Pattern.CASE_INSENSITIVE),
      Pattern.compile("^am\\b.+\\bschrieb\\b.*:\\s*$", Pattern.CASE_INSENSITIVE),
      Pattern.compile("^le\\b.+\\ba\\s+écrit\\s*:\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
      Pattern.compile("^el\\b.+\\bescribió\\s*:\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
      Pattern.compile("^-{2,}\\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original"
          + "|forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado)\\s*-{2,}\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
      // Outlook puts a bare rule of underscores above the quoted header block.
      Pattern.compile("^_{10,}\\s*$"),
      // A forwarded or quoted header naming its sender's address.
      Pattern.compile("^(?:from|von|de)\\s*:.+@.+", Pattern.CASE_INSENSITIVE));

  /** First line of a two-line attribution ("On Mon, 1 Dec 2026 Alice <a@x>" / "wrote:"). */
  private static final Pattern ATTRIBUTION_START = Pattern.compile("^(?:on|am|le|el)\\s.+", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTION_END = Pattern.compile(
      "^.*\\b(?:wrote|schrieb|a\\s+écrit|escribió)\\b.*:\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Outlook's quoted header block: "From:" directly followed by "Sent:"/"Date:" (or German). */
  private static final Pattern HEADER_FROM = Pattern.compile("^(?:from|von|de)\\s*:.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_NEXT = Pattern.compile(
      "^(?:sent|date|gesendet|datum|envoyé|enviado)\\s*:.*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** RFC 3676 signature delimiter; many clients drop the trailing space, so accept both. */
  private static final Pattern SIGNATURE = Pattern.compile("^--\\s?$");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Quotes() {}

  /**
   * The lines the user wrote: quoted lines ("&gt;") dropped, cut at the first attribution line,
   * "-----Original Message-----" or signature delimiter. Line breaks are kept.
   */
  public static List<String> ownLines(String plainText) {
    return ownLines(plainText, false);
  }

  /**
   * As {@link #ownLines(String)}; with {@code keepSignature} the signature block below the
   * delimiter is kept too (the delimiter line included), so the way the user signs can be read.
   */
  public static List<String> ownLines(String plainText, boolean keepSignature) {
    List<String> out = new ArrayList<>();
    if (plainText == null) {
      return out;
    }
    String[] lines = plainText.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      String next = i + 1 < lines.length ? lines[i + 1].strip() : "";
      if ((!keepSignature && SIGNATURE.matcher(line.stripLeading()).matches()) || startsQuote(trimmed, next)) {
        break;
      }
      if (!trimmed.startsWith(">")) {
        out.add(line.stripTrailing());
      }
    }
    return out;
  }

  /**
   * Whether {@code line} (stripped) starts quoted material: an attribution ("On ... wrote:", also
   * over two lines), an "Original Message" rule, or an Outlook header block; {@code next} is the
   * following line, stripped, or "".
   */
  public static boolean startsQuote(String line, String next) {
    for (Pattern p : ATTRIBUTION) {
      if (p.matcher(line).matches()) {
        return true;
      }
    }
    if (ATTRIBUTION_START.matcher(line).matches() && ATTRIBUTION_END.matcher(next).matches()
        && !ATTRIBUTION_END.matcher(line).matches()) {
      return next.length() < 80;
    }
    return HEADER_FROM.matcher(line).matches() && HEADER_NEXT.matcher(next).matches();
  }

  /** {@link #ownLines} joined with line breaks, without leading or trailing blank lines. */
  public static String ownText(String plainText) {
    return String.join("\n", ownLines(plainText)).strip();
  }

  /**
   * A one-line quote of the user's own words of at most {@code maxChars} characters: whitespace
   * collapsed, cut at a word boundary, "…" appended (and counted) when something was cut.
   */
  public static String excerpt(String plainText, int maxChars) {
    if (maxChars < 2) {
      throw new IllegalArgumentException("maxChars must be at least 2");
    }
    String text = WHITESPACE.matcher(ownText(plainText)).replaceAll(" ").strip();
    return cut(text, maxChars);
  }

  /**
   * The first {@code maxLines} non-blank lines of the user's own words, each kept as written;
   * "…" is appended when more followed. For a block quote in a template.
   */
  public static String firstLines(String plainText, int maxLines) {
    if (maxLines < 1) {
      throw new IllegalArgumentException("maxLines must be at least 1");
    }
    List<String> lines = ownLines(plainText).stream().filter(l -> !l.isBlank()).toList();
    if (lines.size() <= maxLines) {
      return String.join("\n", lines);
    }
    return String.join("\n", lines.subList(0, maxLines)) + " " + ELLIPSIS;
  }

  private static String cut(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int limit = maxChars - ELLIPSIS.length();
    int space = text.lastIndexOf(' ', limit);
    String head = space > 0 ? text.substring(0, space) : text.substring(0, limit);
    return stripTrailingPunctuation(head) + ELLIPSIS;
  }

  private static String stripTrailingPunctuation(String s) {
    int end = s.length();
    while (end > 0 && ",;:-– ".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(0, end);
  }
}
