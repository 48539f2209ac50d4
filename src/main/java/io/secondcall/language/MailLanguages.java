package io.secondcall.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The language a piece of the user's mail is written in, among the languages secondcall has
 * templates for, with Lingua (accurate on short texts). Only those languages' models are loaded,
 * and only on first use, so a cycle that drafts nothing pays nothing.
 */
public final class MailLanguages {

  /** The languages with built-in templates, by ISO 639-1 code. */
  public static final Map<String, Language> SUPPORTED = Map.of(
      "en", Language.ENGLISH, "de", Language.GERMAN, "fr", Language.FRENCH, "es", Language.SPANISH);

  /** Below this lead of the best guess over the next, a text is too short or mixed to tell. */
  static final double MIN_LEAD = 0.07;

  private volatile LanguageDetector detector;

  /** The ISO 639-1 code of {@code text}'s language, or empty when it cannot be told. */
  public Optional<String> languageOf(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    SortedMap<Language, Double> confidence = detector().computeLanguageConfidenceValues(text);
    if (confidence.isEmpty()) {
      return Optional.empty();
    }
    // Sorted by confidence, best first; values are relative to the best (1.0).
    var ranked = confidence.entrySet().stream().toList();
    double next = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
    if (ranked.get(0).getValue() - next < MIN_LEAD) {
      return Optional.empty();
    }
    return Optional.of(ranked.get(0).getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT));
  }

  private LanguageDetector detector() {
    LanguageDetector d = detector;
    if (d == null) {
      synchronized (this) {
        d = detector;
        if (d == null) {
          // Low accuracy mode reads only the trigram models, the only ones the jar carries.
          d = LanguageDetectorBuilder.fromLanguages(SUPPORTED.values().toArray(Language[]::new))
              .withLowAccuracyMode().build();
          detector = d;
        }
      }
    }
    return d;
  }
}
