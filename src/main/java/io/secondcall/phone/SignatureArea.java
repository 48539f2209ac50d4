package io.secondcall.phone;

import io.secondcall.core.Quotes;
import io.secondcall.core.SignOffs;
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

  private static final Pattern DELIMITER = Pattern.compile("^--\\s?$");

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
    String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (Quotes.startsQuote(line, i + 1 < lines.length ? lines[i + 1].strip() : "")) {
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
      if (SignOffs.isSignOff(visible.get(i))) {
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
