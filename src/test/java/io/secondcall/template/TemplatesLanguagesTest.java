package io.secondcall.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.StepKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Drafts in the user's language and voice: their greeting, their sign-off, dates in words of that language. */
class TemplatesLanguagesTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // Friday 4 December 2026, 09:00 in Berlin.
  static final Clock NOW = Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), BERLIN);
  // Tuesday 1 December 2026, 11:00 in Berlin.
  static final Instant SENT = Instant.parse("2026-12-01T10:00:00Z");

  static final String GERMAN_OUTREACH = """
      Sehr geehrte Frau Schmidt,

      vielen Dank für das Gespräch auf der Messe. Anbei wie besprochen unser Angebot zur Migration der Auftragsdaten.
      Hätten Sie nächste Woche Zeit für ein kurzes Telefonat?

      Mit freundlichen Grüßen

      Jonas Weber
      Weber Consulting GmbH
      """;

  static DraftContext schmidt(int step) {
    return DraftContext.of(new EmailAddress("anna.schmidt@kunde.example", "Anna Schmidt"), "AW: Angebot Datenmigration",
        SENT, GERMAN_OUTREACH, step, "Jonas Weber", null).inLanguage("de");
  }

  @Test
  void aGermanOutreachGetsAGermanDraftInTheUsersOwnVoice() {
    String body = Templates.load(null, BERLIN, NOW, Locale.ENGLISH).render(StepKind.FOLLOW_UP, 1, schmidt(1));
    assertThat(body).startsWith("Sehr geehrte Frau Schmidt,\n\nich wollte sichergehen, dass meine Nachricht vom"
            + " Dienstag, 1. Dezember zu „Angebot Datenmigration“ Sie erreicht hat")
        .contains("\n> Hätten Sie nächste Woche Zeit für ein kurzes Telefonat?\n")
        .endsWith("\nMit freundlichen Grüßen\nJonas Weber\nWeber Consulting GmbH\n")
        .doesNotContain("Hi ", "Anna,", "Messe", "Tuesday");
  }

  @Test
  void theSecondStepRecallsSomethingElseAndTheThirdNothing() {
    Templates t = Templates.load(null, BERLIN, NOW, Locale.ENGLISH);
    assertThat(t.render(StepKind.FOLLOW_UP, 2, schmidt(2)))
        .contains("Zur Erinnerung: „Anbei wie besprochen unser Angebot zur Migration der Auftragsdaten.“")
        .contains("vor 3 Tagen (Dienstag, 1. Dezember)");
    assertThat(t.render(StepKind.FOLLOW_UP, 3, schmidt(3))).doesNotContain("Hätten Sie", "Anbei");
  }

  @Test
  void theCallIsNamedInTheProspectsTimeWhenItDiffers() {
    Templates t = Templates.load(null, BERLIN, NOW, Locale.ENGLISH);
    Instant call = Instant.parse("2026-12-10T14:30:00Z"); // 15:30 Berlin, 09:30 New York
    String german = t.render(StepKind.FOLLOW_UP, 1, schmidt(1).withCallback(call, Optional.of(ZoneId.of("America/New_York"))));
    assertThat(german).contains("Sie am Donnerstag, 10. Dezember um 09:30 Uhr (Ihre Ortszeit) telefonisch zu erreichen");
    String sameZone = t.render(StepKind.FOLLOW_UP, 1, schmidt(1).withCallback(call, Optional.of(ZoneId.of("Europe/Paris"))));
    assertThat(sameZone).contains("am Donnerstag, 10. Dezember um 15:30 Uhr telefonisch").doesNotContain("Ortszeit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es"})
  void everyLanguageHasEveryKindOfDraftAndTalkingPoints(String language) {
    Templates t = Templates.load(null, BERLIN, NOW, Locale.ENGLISH);
    DraftContext plain = DraftContext.of(EmailAddress.of("info@kunde.example"), "Offer", SENT, "", 1, "Dana", null)
        .inLanguage(language);
    List<String> bodies = List.of(t.render(StepKind.FOLLOW_UP, 1, plain), t.render(StepKind.FOLLOW_UP, 2, plain),
        t.render(StepKind.FOLLOW_UP, 3, plain), t.render(StepKind.CLOSING, 4, plain),
        t.render(StepKind.NURTURE, 5, plain), t.render(StepKind.RECAP, 1, plain.withMeeting("Kick-off", SENT)));
    assertThat(new HashSet<>(bodies)).hasSize(6);
    for (String body : bodies) {
      assertThat(body).doesNotContain("{{", "\n\n\n").endsWith("\nDana\n");
    }
    String date = Wording.of(language).date(SENT, BERLIN, NOW.instant());
    assertThat(bodies.get(0)).contains(date);
    for (StepKind kind : StepKind.values()) {
      assertThat(t.renderCallback(kind, 1, plain.withMeeting("Kick-off", SENT))).startsWith("- ");
    }
  }

  @Test
  void datesInWordsInEachLanguage() {
    Instant first = Instant.parse("2026-12-01T10:00:00Z");
    Instant now = NOW.instant();
    assertThat(Variables.date(first, BERLIN, now, "de")).isEqualTo("Dienstag, 1. Dezember");
    assertThat(Variables.date(first, BERLIN, now, "fr")).isEqualTo("mardi 1er décembre");
    assertThat(Variables.date(first, BERLIN, now, "es")).isEqualTo("martes, 1 de diciembre");
    assertThat(Variables.dateTime(first, BERLIN, now, "fr")).isEqualTo("mardi 1er décembre à 11 h 00");
    assertThat(Variables.dateTime(first, BERLIN, now, "es")).isEqualTo("martes, 1 de diciembre a las 11:00");
    assertThat(Variables.ago(Instant.parse("2026-11-20T10:00:00Z"), now, BERLIN, "de")).isEqualTo("vor 2 Wochen");
    assertThat(Variables.ago(Instant.parse("2026-11-20T10:00:00Z"), now, BERLIN, "fr")).isEqualTo("il y a 2 semaines");
    assertThat(Variables.ago(Instant.parse("2026-11-20T10:00:00Z"), now, BERLIN, "es")).isEqualTo("hace 2 semanas");
  }

  @Test
  void aConfiguredSignatureReplacesTheOneFromMailButTheSignOffStaysTheUsers() {
    DraftContext ctx = DraftContext.of(new EmailAddress("anna.schmidt@kunde.example", "Anna Schmidt"), "Angebot",
        SENT, GERMAN_OUTREACH, 1, "Jonas Weber", "J. Weber\nweber-consulting.example").inLanguage("de");
    String body = Templates.load(null, BERLIN, NOW, Locale.ENGLISH).render(StepKind.FOLLOW_UP, 1, ctx);
    assertThat(body).endsWith("\nMit freundlichen Grüßen\nJ. Weber\nweber-consulting.example\n");
  }

  @Test
  void userTemplatesPerLanguageFallBackToTheUsersGenericOne(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("step1.de.mustache"), "{{greeting}}\n\nmeine eigene Nachricht.\n\n{{sign_off}}\n{{signature}}\n");
    Files.writeString(dir.resolve("step1.mustache"), "{{greeting}}\n\nmy own words.\n\n{{sign_off}}\n{{signature}}\n");
    Templates t = Templates.load(dir, BERLIN, NOW, Locale.ENGLISH);
    assertThat(t.render(StepKind.FOLLOW_UP, 1, schmidt(1))).contains("meine eigene Nachricht.");
    assertThat(t.render(StepKind.FOLLOW_UP, 1, schmidt(1).inLanguage("fr"))).contains("my own words.");
    // Steps the user did not write keep the built-in text of the language.
    assertThat(t.render(StepKind.FOLLOW_UP, 2, schmidt(2))).contains("ich komme noch einmal");
  }

  @Test
  void aLanguageOnlyTheUserHasTemplatesForIsSpokenAndOthersFallBackToEnglish(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("step1.it.mustache"), "{{greeting}}\n\nun saluto.\n\n{{signature}}\n");
    Templates t = Templates.load(dir, BERLIN, NOW, Locale.ENGLISH);
    assertThat(t.languages()).contains("en", "de", "fr", "es", "it");
    assertThat(t.render(StepKind.FOLLOW_UP, 1, schmidt(1).inLanguage("it"))).contains("un saluto.");
    assertThat(t.render(StepKind.FOLLOW_UP, 1, schmidt(1).inLanguage("nl"))).contains("I wanted to make sure");
  }
}
