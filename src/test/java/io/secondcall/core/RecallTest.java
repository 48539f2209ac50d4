package io.secondcall.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each step recalls of the user's last message: the ask, then another detail, then nothing. */
class RecallTest {

  private static final String GERMAN = """
      Sehr geehrte Frau Schmidt,

      vielen Dank für das Gespräch auf der Messe. Ich hoffe, Sie sind gut nach Hause gekommen.
      Anbei wie besprochen unser Angebot zur Migration der Auftragsdaten vor dem Sommer.
      Hätten Sie nächste Woche Zeit für ein kurzes Telefonat?

      Mit freundlichen Grüßen
      Jonas Weber
      """;

  @Test
  void stepOneRecallsTheAskNotThePleasantry() {
    assertThat(Recall.forStep(Letter.read(GERMAN), 1)).isEqualTo("Hätten Sie nächste Woche Zeit für ein kurzes Telefonat?");
  }

  @Test
  void stepTwoRecallsTheAttachmentNamedAndStepThreeNothing() {
    assertThat(Recall.forStep(Letter.read(GERMAN), 2))
        .isEqualTo("Anbei wie besprochen unser Angebot zur Migration der Auftragsdaten vor dem Sommer.");
    assertThat(Recall.forStep(Letter.read(GERMAN), 3)).isEmpty();
  }

  @Test
  void theAskInEnglishFrenchAndSpanish() {
    assertThat(Recall.ask(Letter.read("Hi Alice,\n\nThank you for the conversation at the trade fair. "
        + "I hope you had a good trip home. I could run a two-day workshop on site in January; would that help your"
        + " team?\n\nBest,\nDana"))).isEqualTo("I could run a two-day workshop on site in January; would that help your team?");
    assertThat(Recall.ask(Letter.read("Bonjour Madame Dupont,\n\nMerci pour notre échange au salon. "
        + "Seriez-vous disponible jeudi pour un appel de quinze minutes ?\n\nBien cordialement,\nClaire")))
        .isEqualTo("Seriez-vous disponible jeudi pour un appel de quinze minutes ?");
    assertThat(Recall.ask(Letter.read("Hola Ana,\n\nGracias por la reunión de ayer. Le propongo empezar con una"
        + " auditoría de dos días. ¿Qué le parece?\n\nUn saludo,\nPablo")))
        .isEqualTo("Le propongo empezar con una auditoría de dos días.");
  }

  @Test
  void aSpecificDetailIsPreferredWhenNoAttachmentIsNamed() {
    Letter l = Letter.read("Hi Bob,\n\nWould you like to talk this week? The pilot would take 3 weeks and cost"
        + " 12,000 EUR. We have done this for two retailers before.\n\nCheers,\nDana");
    assertThat(Recall.forStep(l, 1)).isEqualTo("Would you like to talk this week?");
    assertThat(Recall.forStep(l, 2)).isEqualTo("The pilot would take 3 weeks and cost 12,000 EUR.");
  }

  @Test
  void abbreviationsAndDatesDoNotEndASentence() {
    Letter l = Letter.read("Guten Tag,\n\nkönnten wir z. B. am 1. Dezember mit Dr. Maier sprechen?\n\nGruß\nJonas");
    assertThat(Recall.ask(l)).isEqualTo("könnten wir z. B. am 1. Dezember mit Dr. Maier sprechen?");
  }

  @Test
  void onlyPleasantriesMeanNothingToRecall() {
    assertThat(Recall.ask(Letter.read("Hi Alice,\n\nThanks for the lovely chat yesterday!\n\nBest,\nDana"))).isEmpty();
    assertThat(Recall.ask(Letter.read(""))).isEmpty();
  }

  @Test
  void aLongSentenceIsCutAtAWordEnd() {
    String q = Recall.ask(Letter.read("Could we " + "talk about the migration plan ".repeat(15) + "?"));
    assertThat(q).hasSizeLessThanOrEqualTo(Recall.MAX).endsWith("…").doesNotContain("  ");
  }
}
