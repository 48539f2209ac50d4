package io.secondcall.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the body of a letter into sentences: at ".", "!" or "?" before a capital letter (or an
 * opening "¿"/"¡"), at paragraph breaks and at list items; never after an abbreviation ("Dr.",
 * "z. B.", "e.g.") or an ordinal date ("1. Dezember").
 */
final class Sentences {

  private static final Pattern END = Pattern.compile("[.!?…]+[\"”»)]?\\s+(?=[\\p{Lu}¿¡\"“„«(])");
  private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-*•–]|\\d{1,2}[.)])\\s+.*");
  private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "prof", "st", "nr", "no",
      "z", "b", "bzw", "ca", "e", "g", "i", "u", "a", "vgl", "ggf", "usw", "etc", "inkl", "mme", "mlle", "m",
      "sr", "sra", "srta", "dña", "ud", "uds", "p", "s", "ing", "dipl", "mag", "corp", "inc", "ltd", "co");

  private Sentences() {}

  static List<String> of(String body) {
    List<String> out = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      String l = line.strip();
      if (l.isEmpty() || LIST_ITEM.matcher(l).matches()) {
        split(paragraph.toString(), out);
        paragraph.setLength(0);
      }
      paragraph.append(l).append(' ');
    }
    split(paragraph.toString(), out);
    return out;
  }

  private static void split(String paragraph, List<String> out) {
    String p = paragraph.replaceAll("\\s+", " ").strip();
    int start = 0;
    Matcher m = END.matcher(p);
    while (m.find()) {
      if (p.charAt(m.start()) == '.' && abbreviationOrNumberBefore(p, m.start())) {
        continue;
      }
      add(p.substring(start, m.end()), out);
      start = m.end();
    }
    add(p.substring(start), out);
  }

  private static boolean abbreviationOrNumberBefore(String text, int dot) {
    int from = dot;
    while (from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))) {
      from--;
    }
    String word = text.substring(from, dot);
    return word.chars().allMatch(Character::isDigit) && !word.isEmpty()
        || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static void add(String sentence, List<String> out) {
    String s = sentence.strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
  }
}
