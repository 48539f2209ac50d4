package io.secondcall.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the user greets and signs, read from real-looking sent mail in the four languages of the templates. */
class LetterTest {

  @Test
  void aFormalGermanLetterKeepsItsSalutationSignOffAndSignature() {
    Letter l = Letter.read("""
        Sehr geehrte Frau Schmidt,

        vielen Dank für das Gespräch auf der Messe. Anbei wie besprochen unser Angebot zur Migration der Auftragsdaten.
        Hätten Sie nächste Woche Zeit für ein kurzes Telefonat?

        Mit freundlichen Grüßen

        Jonas Weber
        Weber Consulting GmbH
        Tel. +49 89 1234567

        Am 01.12.2026 um 10:00 schrieb Anna Schmidt <a.schmidt@kunde.de>:
        > Guten Tag Herr Weber,
        """);
    assertThat(l.greeting()).contains("Sehr geehrte Frau Schmidt,");
    assertThat(l.signOff()).contains("Mit freundlichen Grüßen");
    assertThat(l.signature()).containsExactly("Jonas Weber", "Weber Consulting GmbH", "Tel. +49 89 1234567");
    assertThat(l.bodyText()).startsWith("vielen Dank").doesNotContain("schrieb", "Guten Tag");
  }

  @Test
  void anEnglishLetterWithASignatureBelowTheDelimiter() {
    Letter l = Letter.read("Dear Dr. Patel,\n\nI would like to propose a short call about the audit.\n\n"
        + "Kind regards,\nDana\n-- \nDana Smith | Smith Consulting\n+44 20 7946 0000\n");
    assertThat(l.greeting()).contains("Dear Dr. Patel,");
    assertThat(l.signOff()).contains("Kind regards,");
    assertThat(l.signature()).containsExactly("Dana", "Dana Smith | Smith Consulting", "+44 20 7946 0000");
  }

  @Test
  void aFrenchAndASpanishLetter() {
    Letter fr = Letter.read("Bonjour Madame Dupont,\n\nVous trouverez ci-joint notre proposition.\n\n"
        + "Bien cordialement,\nClaire Martin\n");
    assertThat(fr.greeting()).contains("Bonjour Madame Dupont,");
    assertThat(fr.signOff()).contains("Bien cordialement,");
    assertThat(fr.signature()).containsExactly("Claire Martin");

    Letter es = Letter.read("Estimada Sra. García:\n\nLe adjunto nuestra propuesta para la migración.\n\n"
        + "Un cordial saludo,\nPablo Ruiz\nRuiz Consultores\n");
    assertThat(es.greeting()).contains("Estimada Sra. García:");
    assertThat(es.signOff()).contains("Un cordial saludo,");
    assertThat(es.signature()).containsExactly("Pablo Ruiz", "Ruiz Consultores");
  }

  @Test
  void aGreetingThatSharesItsLineWithTheFirstSentence() {
    Letter l = Letter.read("Hi Tom, here is the proposal.\n\nBest,\nDana");
    assertThat(l.greeting()).contains("Hi Tom,");
    assertThat(l.body()).containsExactly("here is the proposal.");
  }

  @Test
  void aNameOnTheSignOffLineStartsTheSignature() {
    Letter l = Letter.read("Hi Tom,\n\nCould we talk on Monday?\n\nBest, Dana\nNorthwind Advisory\n");
    assertThat(l.signOff()).contains("Best,");
    assertThat(l.signature()).containsExactly("Dana", "Northwind Advisory");
    assertThat(Letter.read("Hallo Anna,\n\nanbei das Angebot.\n\nGrüße aus München\nJonas\n").signOff())
        .contains("Grüße aus München");
  }

  @Test
  void aLetterWithoutGreetingOrSignOffIsAllBody() {
    Letter l = Letter.read("Quick question: does Tuesday at 10 work for a call?\n");
    assertThat(l.greeting()).isEmpty();
    assertThat(l.signOff()).isEmpty();
    assertThat(l.signature()).isEmpty();
    assertThat(l.body()).containsExactly("Quick question: does Tuesday at 10 work for a call?");
  }

  @Test
  void aFirstLineThatStartsLikeAGreetingButIsASentenceIsBody() {
    Letter l = Letter.read("Hello from the migration team, we finished the import last night and everything works.\n");
    assertThat(l.greeting()).isEmpty();
  }

  @Test
  void thanksInTheBodyIsNotTheSignOffTheLastOneIs() {
    Letter l = Letter.read("Hi Alice,\n\nThanks!\nCould you send me the figures by Friday?\n\nBest,\nDana\n");
    assertThat(l.signOff()).contains("Best,");
    assertThat(l.body()).containsExactly("Thanks!", "Could you send me the figures by Friday?");
  }

  @Test
  void aLongBlockAfterTheSignOffIsNotTakenAsASignature() {
    String text = "Hi,\n\nSee below.\n\nThanks\n" + "line of a pasted report\n".repeat(12);
    assertThat(Letter.read(text).signature()).isEmpty();
  }

  @Test
  void controlCharactersFromMailNeverReachTheParts() {
    Letter l = Letter.read("Hi Bob\u0007,\n\nhere\u001B[2J it is.\n\nBest,\nDana\u202E\n");
    assertThat(List.of(l.greeting().orElse(""), l.bodyText(), String.join("\n", l.signature())))
        .allSatisfy(s -> assertThat(s).doesNotContainPattern("[\\p{Cntrl}&&[^\\n]]|\u202E"));
    assertThat(l.greeting()).hasValueSatisfying(g -> assertThat(g).startsWith("Hi Bob").endsWith(","));
  }
}
