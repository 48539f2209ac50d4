package io.secondcall.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DraftLanguageTest {

  private static final java.util.List<String> ALL = DraftLanguage.BUILT_IN;

  @Test
  void aConfiguredLanguageWins() {
    assertThat(DraftLanguage.choose("de", Optional.of("en"), Optional.of("Hi Tom,"), ALL)).isEqualTo("de");
  }

  @Test
  void autoTakesTheDetectedLanguage() {
    assertThat(DraftLanguage.choose("auto", Optional.of("fr"), Optional.of("Hi Tom,"), ALL)).isEqualTo("fr");
  }

  @Test
  void whenDetectionCannotTellTheGreetingDoes() {
    assertThat(DraftLanguage.choose("auto", Optional.empty(), Optional.of("Sehr geehrte Frau Schmidt,"), ALL))
        .isEqualTo("de");
    assertThat(DraftLanguage.choose("auto", Optional.empty(), Optional.of("Estimada Sra. García:"), ALL)).isEqualTo("es");
    assertThat(DraftLanguage.choose("auto", Optional.empty(), Optional.of("Bonjour Claire,"), ALL)).isEqualTo("fr");
  }

  @Test
  void otherwiseEnglish() {
    assertThat(DraftLanguage.choose("auto", Optional.empty(), Optional.empty(), ALL)).isEqualTo("en");
    assertThat(DraftLanguage.choose("auto", Optional.of("it"), Optional.empty(), ALL)).isEqualTo("en");
  }
}
