package io.secondcall.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which language a draft is written in: the one configured in {@code followup.language}, or with
 * {@code auto} the language of the user's last message in the conversation; where that cannot be
 * told, the language of the user's greeting, else English.
 */
public final class DraftLanguage {

  /** The languages with built-in templates, by ISO 639-1 code; the first is the fallback. */
  public static final List<String> BUILT_IN = List.of("en", "de", "fr", "es");

  private static final Pattern GREETING_WORD = Pattern.compile(
      "^(sehr geehrte|guten tag|hallo|liebe|lieber|moin|servus|bonjour|bonsoir|cher|chère|madame|monsieur|salut"
          + "|hola|estimad[oa]|buen[oa]s|querid[oa]|dear|hi|hello|hey)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Map<String, String> BY_GREETING = Map.ofEntries(
      Map.entry("sehr geehrte", "de"), Map.entry("guten tag", "de"), Map.entry("hallo", "de"),
      Map.entry("liebe", "de"), Map.entry("lieber", "de"), Map.entry("moin", "de"), Map.entry("servus", "de"),
      Map.entry("bonjour", "fr"), Map.entry("bonsoir", "fr"), Map.entry("cher", "fr"), Map.entry("chère", "fr"),
      Map.entry("madame", "fr"), Map.entry("monsieur", "fr"), Map.entry("salut", "fr"),
      Map.entry("hola", "es"), Map.entry("estimado", "es"), Map.entry("estimada", "es"), Map.entry("buenos", "es"),
      Map.entry("buenas", "es"), Map.entry("querido", "es"), Map.entry("querida", "es"),
      Map.entry("dear", "en"), Map.entry("hi", "en"), Map.entry("hello", "en"), Map.entry("hey", "en"));

  private DraftLanguage() {}

  /**
   * @param setting {@code followup.language}: "auto" or a language code
   * @param detected the language detected in the user's last message, if it could be told
   * @param greeting the user's greeting in that message, if any
   * @param available the languages there are templates for
   */
  public static String choose(String setting, Optional<String> detected, Optional<String> greeting,
      List<String> available) {
    if (!FollowUpRules.AUTO_LANGUAGE.equals(setting) && available.contains(setting)) {
      return setting;
    }
    return detected.filter(available::contains)
        .or(() -> greeting.flatMap(DraftLanguage::ofGreeting).filter(available::contains))
        .orElse(BUILT_IN.get(0));
  }

  static Optional<String> ofGreeting(String greeting) {
    Matcher m = GREETING_WORD.matcher(greeting.strip());
    return m.find() ? Optional.ofNullable(BY_GREETING.get(m.group(1).toLowerCase(Locale.ROOT))) : Optional.empty();
  }
}
