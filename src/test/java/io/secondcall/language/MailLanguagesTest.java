package io.secondcall.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The language of the user's own words in real-looking outreach. */
class MailLanguagesTest {

  private final MailLanguages languages = new MailLanguages();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "vielen Dank für das Gespräch auf der Messe. Anbei wie besprochen unser Angebot zur Migration der Auftragsdaten.| de",
      "thank you for your time at the trade fair. Attached is the proposal for the data migration we discussed.| en",
      "merci pour notre échange au salon. Vous trouverez ci-joint notre proposition pour la migration des données.| fr",
      "gracias por la conversación en la feria. Le adjunto nuestra propuesta para la migración de los datos.| es",
      "kurze Frage: passt Ihnen Dienstag um 10 Uhr für ein Telefonat?| de",
      "quick question: does Tuesday at 10 work for a call?| en",
  })
  void tellsTheLanguageOfAnOutreach(String text, String expected) {
    assertThat(languages.languageOf(text)).hasValue(expected);
  }

  @Test
  void aTextWithoutWordsTellsNothing() {
    assertThat(languages.languageOf("+49 30 901820")).isEmpty();
    assertThat(languages.languageOf("   ")).isEmpty();
  }
}
