package io.secondcall.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a meeting recap may say of the calendar entry: only what the user marked for it, the text
 * after "Recap:" or "Agreed:" (or "Vereinbart:", "Convenu :", "Acordado:", ...) up to the next
 * blank line or label. Everything else in a description is private notes and never reaches a
 * draft; a phone number never does, even in a marked line.
 */
public final class RecapNotes {

  private static final Pattern MARK = Pattern.compile(
      "^(?:recap|agreed|summary|next steps|vereinbart|zusammenfassung|ergebnis(?:se)?|nächste schritte"
          + "|récap(?:itulatif)?|convenu|prochaines étapes|resumen|acordado|acuerdos|próximos pasos)\\s*:\\s*(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Any other "Label:" starts another part of the notes. */
  private static final Pattern LABEL = Pattern.compile("^[\\p{L}][\\p{L} .'-]{0,30}:(?:\\s.*)?$");
  private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d ()./-]{5,}\\d");
  private static final Pattern DATE = Pattern.compile("\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}");
  /** Fewer digits than this is an amount or a year, not a number to dial. */
  private static final int PHONE_DIGITS = 7;
  private static final Pattern BULLET = Pattern.compile("^(?:[-*•–]|\\d{1,2}[.)])\\s+");
  private static final Pattern NOTHING_LEFT = Pattern.compile("^[\\p{Punct}\\s–]*$");

  private RecapNotes() {}

  /** The marked lines of a meeting description, one item each, phone numbers removed; empty when none is marked. */
  public static List<String> marked(String description) {
    List<String> out = new ArrayList<>();
    if (description == null) {
      return out;
    }
    boolean inside = false;
    for (String raw : description.split("\\R")) {
      String line = SafeText.draftLine(raw).strip();
      Matcher mark = MARK.matcher(line);
      if (mark.matches()) {
        inside = true;
        add(mark.group(1), out);
      } else if (line.isEmpty() || LABEL.matcher(line).matches()) {
        inside = false;
      } else if (inside) {
        add(line, out);
      }
    }
    return out;
  }

  /**
   * What is kept of a meeting's description: only its marked lines, each as "Recap: ...", so that
   * private notes are never stored and {@link #marked} reads the same lines back.
   */
  public static String kept(String description) {
    return String.join("\n", marked(description).stream().map(l -> "Recap: " + l).toList());
  }

  private static boolean isPhone(String candidate) {
    String c = candidate.strip();
    return !DATE.matcher(c).matches() && c.chars().filter(Character::isDigit).count() >= PHONE_DIGITS;
  }

  private static void add(String line, List<String> out) {
    String item = PHONE.matcher(BULLET.matcher(line.strip()).replaceFirst(""))
        .replaceAll(m -> isPhone(m.group()) ? "" : Matcher.quoteReplacement(m.group()))
        .replaceAll("\\s+", " ").replaceAll("\\s+([,.;:])", "$1").strip();
    boolean lostNumber = item.length() < line.strip().length() - PHONE_DIGITS;
    // "Phone +49 ..." without its number is a label left over, not something agreed.
    if (!NOTHING_LEFT.matcher(item).matches() && !(lostNumber && item.split("\\s+").length < 3)) {
      out.add(item);
    }
  }
}
