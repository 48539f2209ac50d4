package io.secondcall.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuotesTest {

  @Test
  void dropsQuotedLines() {
    String text = "Thanks Alice, attached the offer.\n> Can you send an offer?\n>> earlier\nBest";
    assertThat(Quotes.excerpt(text, 200)).isEqualTo("Thanks Alice, attached the offer. Best");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "On Mon, 30 Nov 2026 at 10:00, Alice <alice@acme.example> wrote:",
      "Am 30.11.2026 um 10:00 schrieb Alice <alice@acme.example>:",
      "Le lun. 30 nov. 2026 à 10:00, Alice <alice@acme.example> a écrit :",
      "El lun, 30 nov 2026 a las 10:00, Alice (<alice@acme.example>) escribió:",
      "-----Original Message-----",
      "-----Ursprüngliche Nachricht-----",
      "________________________________",
  })
  void cutsAtTheAttributionOfTheQuotedMessage(String attribution) {
    String text = "Here is the offer we discussed.\n\n" + attribution + "\nOld text that is not quoted with >\n";
    assertThat(Quotes.excerpt(text, 200)).isEqualTo("Here is the offer we discussed.");
  }

  @Test
  void cutsAtAnAttributionWrappedOverTwoLines() {
    String text = "Here is the offer.\n\nOn Mon, 30 Nov 2026 at 10:00, Alice Smith <alice@acme.example>\nwrote:\nold";
    assertThat(Quotes.ownText(text)).isEqualTo("Here is the offer.");
  }

  @Test
  void cutsAtAnOutlookHeaderBlock() {
    String text = "Here is the offer.\n\nFrom: Alice <alice@acme.example>\nSent: Monday, 30 November 2026\nold";
    assertThat(Quotes.ownText(text)).isEqualTo("Here is the offer.");
  }

  @Test
  void keepsAFromLineThatIsNotAQuotedHeader() {
    assertThat(Quotes.ownText("From: our side, all is ready.\nSee you")).isEqualTo("From: our side, all is ready.\nSee you");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-- ", "--"})
  void dropsTheSignature(String delimiter) {
    String text = "Looking forward to your answer.\n" + delimiter + "\nDana Berg\n+49 30 1234567";
    assertThat(Quotes.excerpt(text, 200)).isEqualTo("Looking forward to your answer.");
  }

  @Test
  void keepsALineThatMerelyStartsWithDashes() {
    assertThat(Quotes.excerpt("Prices:\n-- 10 EUR per seat", 200)).isEqualTo("Prices: -- 10 EUR per seat");
  }

  @Test
  void collapsesWhitespaceAndCutsAtAWordBoundary() {
    String text = "Dear Alice,\r\n\r\nplease find   attached our offer for the workshop series.";
    String excerpt = Quotes.excerpt(text, 40);
    assertThat(excerpt).isEqualTo("Dear Alice, please find attached our…");
    assertThat(excerpt.length()).isLessThanOrEqualTo(40);
  }

  @Test
  void dropsTrailingPunctuationBeforeTheEllipsis() {
    assertThat(Quotes.excerpt("Dear Alice, please find attached", 14)).isEqualTo("Dear Alice…");
  }

  @Test
  void noEllipsisWhenNothingWasCut() {
    assertThat(Quotes.excerpt("Short note.", 11)).isEqualTo("Short note.");
  }

  @Test
  void cutsInsideAWordOnlyWhenThereIsNoSpace() {
    assertThat(Quotes.excerpt("Supercalifragilistic", 8)).isEqualTo("Superca…");
  }

  @Test
  void nullOrEmptyTextGivesEmptyExcerpt() {
    assertThat(Quotes.excerpt(null, 100)).isEmpty();
    assertThat(Quotes.excerpt("> only quoted\n> text", 100)).isEmpty();
  }

  @Test
  void rejectsAUselessLimit() {
    assertThatThrownBy(() -> Quotes.excerpt("x", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void firstLinesKeepsLineBreaksAndMarksTheCut() {
    String text = "Dear Alice,\n\nattached the offer.\nPrices are per seat.\nRegards\n-- \nDana";
    assertThat(Quotes.firstLines(text, 2)).isEqualTo("Dear Alice,\nattached the offer. …");
    assertThat(Quotes.firstLines(text, 10)).isEqualTo("Dear Alice,\nattached the offer.\nPrices are per seat.\nRegards");
  }
}
