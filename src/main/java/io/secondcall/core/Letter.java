package io.secondcall.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a message the user wrote, as they wrote them: the greeting line ("Sehr geehrte
 * Frau Schmidt,"), the body, the sign-off ("Best regards,") and the signature below it. A draft
 * takes the user's greeting and sign-off from here, and its quote from the body.
 *
 * @param greeting the first line when it greets the reader, as written
 * @param body the lines between greeting and sign-off (blank lines kept as paragraph breaks)
 * @param signOff the line that closes the letter, as written
 * @param signature the lines after the sign-off (name, company, number), without blank edges
 */
public record Letter(Optional<String> greeting, List<String> body, Optional<String> signOff, List<String> signature) {

  /** A greeting names the reader; a longer first line is the start of the text. */
  private static final int GREETING_MAX = 60;
  /** More lines than this after a sign-off is text, not a signature. */
  private static final int SIGNATURE_MAX = 10;

  private static final Pattern GREETING = Pattern.compile(
      "^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings"
          + "|hallo|liebe|lieber|liebes|sehr geehrte[rs]?|guten (?:tag|morgen|abend)|moin|servus|grüß gott"
          + "|bonjour|bonsoir|salut|cher|chère|chers|madame|monsieur"
          + "|hola|estimad[oa]s?|querid[oa]s?|buen[oa]s (?:días|tardes|noches)|apreciad[oa])\\b.*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** "Hi Tom," or "Dear Dr. Patel," before a sentence; more words are the sentence itself. */
  private static final int INLINE_WORDS = 4;
  private static final Pattern INLINE_GREETING = Pattern.compile("^([^,]{2,40},)\\s+(\\S.*)$");

  /** RFC 3676 signature delimiter; many clients drop the trailing space. */
  private static final Pattern DELIMITER = Pattern.compile("^--\\s?$");

  public Letter {
    body = List.copyOf(body);
    signature = List.copyOf(signature);
  }

  /**
   * Reads the user's own part of a message (quoted text and attributions already dropped, see
   * {@link Quotes#ownLines(String, boolean)}); lines are taken as {@link SafeText#draftLine} makes them.
   */
  public static Letter read(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : Quotes.ownLines(text, true)) {
      lines.add(SafeText.draftLine(line).strip());
    }
    int start = firstNonBlank(lines, 0);
    Optional<String> greeting = Optional.empty();
    if (start < lines.size() && isGreeting(lines.get(start))) {
      greeting = Optional.of(lines.get(start));
      start++;
    } else if (start < lines.size()) {
      // "Hi Tom, here is the proposal.": the greeting and the first sentence share a line.
      Matcher inline = INLINE_GREETING.matcher(lines.get(start));
      if (inline.matches() && isGreeting(inline.group(1)) && inline.group(1).split("\\s+").length <= INLINE_WORDS) {
        greeting = Optional.of(inline.group(1));
        lines.set(start, inline.group(2));
      }
    }
    int close = closing(lines, start);
    if (close < 0) {
      int delimiter = delimiter(lines, start);
      if (delimiter < 0) {
        return new Letter(greeting, trim(lines.subList(start, lines.size())), Optional.empty(), List.of());
      }
      return new Letter(greeting, trim(lines.subList(start, delimiter)), Optional.empty(),
          signatureLines(lines.subList(delimiter + 1, lines.size())));
    }
    List<String> below = new ArrayList<>();
    // "Best, Dana": the name on the sign-off's line is the first line of the signature.
    SignOffs.name(lines.get(close)).ifPresent(below::add);
    lines.subList(close + 1, lines.size()).stream().filter(l -> !DELIMITER.matcher(l).matches()).forEach(below::add);
    return new Letter(greeting, trim(lines.subList(start, close)), SignOffs.phrase(lines.get(close)),
        signatureLines(below));
  }

  /** A greeting line: a salutation word, short, and closed like one or a few words ("Hi Anna"). */
  static boolean isGreeting(String line) {
    return line.length() <= GREETING_MAX && GREETING.matcher(line).matches()
        && (line.endsWith(",") || line.endsWith("!") || line.endsWith(":") || line.split("\\s+").length <= 5);
  }

  static boolean isSignOff(String line) {
    return SignOffs.isSignOff(line);
  }

  /** Greeting, body and sign-off: the user's own words, for telling their language. */
  public String words() {
    List<String> all = new ArrayList<>();
    greeting.ifPresent(all::add);
    all.addAll(body);
    signOff.ifPresent(all::add);
    return String.join("\n", all);
  }

  /** The body as one text, paragraphs kept apart by blank lines. */
  public String bodyText() {
    return String.join("\n", body);
  }

  // The last sign-off wins: "Thanks!" can stand alone in the body, the closing comes last.
  private static int closing(List<String> lines, int from) {
    int found = -1;
    for (int i = from; i < lines.size(); i++) {
      if (DELIMITER.matcher(lines.get(i)).matches()) {
        break;
      }
      if (isSignOff(lines.get(i))) {
        found = i;
      }
    }
    return found;
  }

  private static int delimiter(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (DELIMITER.matcher(lines.get(i)).matches()) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> signatureLines(List<String> lines) {
    List<String> s = trim(lines);
    return s.size() > SIGNATURE_MAX ? List.of() : s;
  }

  private static int firstNonBlank(List<String> lines, int from) {
    int i = from;
    while (i < lines.size() && lines.get(i).isEmpty()) {
      i++;
    }
    return i;
  }

  private static List<String> trim(List<String> lines) {
    int from = firstNonBlank(lines, 0);
    int to = lines.size();
    while (to > from && lines.get(to - 1).isEmpty()) {
      to--;
    }
    return List.copyOf(lines.subList(from, to));
  }
}
