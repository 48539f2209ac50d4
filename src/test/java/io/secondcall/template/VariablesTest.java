package io.secondcall.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.Recall;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

  static Map<String, Object> vars(EmailAddress contact, String name) {
    return DraftContext.of(contact, "AW: Re: Angebot", Instant.parse("2026-11-17T14:30:00Z"), null, 2, "Dana Smith", "")
        .withContactInfo(name, null)
        .variables(BERLIN, Clock.fixed(NOW, BERLIN));
  }

  static Map<String, Object> vars(String lastMessage, int step) {
    return DraftContext.of(EmailAddress.of("alice@acme.example"), "Angebot", Instant.parse("2026-11-17T14:30:00Z"),
        lastMessage, step, "Dana Smith", null).variables(BERLIN, Clock.fixed(NOW, BERLIN));
  }

  @Test
  void everyKnownVariableIsPresentAndNoneIsNull() {
    Map<String, Object> v = vars(EmailAddress.of("alice@acme.example"), null);
    assertThat(v).containsOnlyKeys(Variables.NAMES).doesNotContainValue(null);
    assertThat(v).containsEntry("subject", "Angebot").containsEntry("step", 2)
        .containsEntry("signature", "Dana Smith").containsEntry("quote", "")
        .containsEntry("meeting_title", "").containsEntry("callback_time", "")
        .containsEntry("last_touch_date", "Tuesday, 17 November")
        .containsEntry("last_touch_ago", "3 days ago");
  }

  @Test
  void valuesFromMailAreOneLineWithoutControlOrBidiCharacters() {
    Map<String, Object> v = new DraftContext(
        new EmailAddress("j@x.example", "J\u00fcrgen\u0085M\u00fcller\u001B[2J"), null, "ACME\u2028GmbH",
        "Re: Offer\u0085Bcc: x@evil.example \u202Efdp.exe", Instant.parse("2026-11-17T14:30:00Z"),
        "Hello,\n\nthe invoice \u202Efdp.exe\u0007 is attached.\n", 2, "Dana", "Dana\r\nSmith Consulting",
        java.util.Optional.of("Call\rX-INJECTED:1"), java.util.Optional.of(NOW), java.util.Optional.empty())
        .variables(BERLIN, Clock.fixed(NOW, BERLIN));

    assertThat(v).containsEntry("contact_name", "J\u00fcrgen M\u00fcller [2J")
        .containsEntry("company", "ACME GmbH")
        .containsEntry("subject", "Offer Bcc: x@evil.example fdp.exe")
        .containsEntry("quote", "the invoice fdp.exe is attached.")
        .containsEntry("meeting_title", "Call X-INJECTED:1")
        .containsEntry("signature", "Dana\nSmith Consulting");
  }

  @Test
  void namesComeFromConfigThenHeaderThenAddress() {
    assertThat(vars(new EmailAddress("a@acme.example", "Alice Martin"), "Alicia Martín"))
        .containsEntry("contact_name", "Alicia Martín").containsEntry("contact_first_name", "Alicia");
    assertThat(vars(new EmailAddress("a@acme.example", "Martin, Alice"), null))
        .containsEntry("contact_first_name", "Alice");
    assertThat(vars(EmailAddress.of("alice.martin@acme.example"), null))
        .containsEntry("contact_name", "Alice Martin").containsEntry("contact_first_name", "Alice");
    assertThat(vars(new EmailAddress("a@acme.example", "Dr. Martin"), null)).containsEntry("contact_first_name", "");
    assertThat(vars(new EmailAddress("a@acme.example", "Dr. Alice Martin"), null)).containsEntry("contact_first_name", "Alice");
    assertThat(vars(new EmailAddress("a@acme.example", "ALICE MARTIN"), null)).containsEntry("contact_first_name", "Alice");
    assertThat(vars(EmailAddress.of("info@acme.example"), null))
        .containsEntry("contact_name", "").containsEntry("contact_first_name", "");
    assertThat(vars(new EmailAddress("a@acme.example", "a@acme.example"), null)).containsEntry("contact_first_name", "");
  }

  @Test
  void datesInWordsAndHowLongAgo() {
    assertThat(Variables.date(Instant.parse("2025-12-30T10:00:00Z"), BERLIN, NOW, "en"))
        .isEqualTo("Tuesday, 30 December 2025");
    assertThat(Variables.date(Instant.parse("2026-11-17T10:00:00Z"), BERLIN, NOW, "de"))
        .isEqualTo("Dienstag, 17. November");
    assertThat(Variables.dateTime(Instant.parse("2026-11-26T09:30:00Z"), BERLIN, NOW, "en"))
        .isEqualTo("Thursday, 26 November at 10:30");
    assertThat(Variables.ago(NOW.minusSeconds(3600), NOW, BERLIN, "en")).isEqualTo("today");
    assertThat(Variables.ago(Instant.parse("2026-11-19T23:01:00Z"), NOW, BERLIN, "en")).isEqualTo("today");
    assertThat(Variables.ago(Instant.parse("2026-11-19T22:30:00Z"), NOW, BERLIN, "en")).isEqualTo("yesterday");
    assertThat(Variables.ago(Instant.parse("2026-11-12T10:00:00Z"), NOW, BERLIN, "en")).isEqualTo("last week");
    assertThat(Variables.ago(Instant.parse("2026-11-01T10:00:00Z"), NOW, BERLIN, "en")).isEqualTo("2 weeks ago");
    assertThat(Variables.ago(Instant.parse("2026-10-10T10:00:00Z"), NOW, BERLIN, "en")).isEqualTo("last month");
    assertThat(Variables.ago(Instant.parse("2026-07-01T10:00:00Z"), NOW, BERLIN, "en")).isEqualTo("4 months ago");
  }

  @Test
  void quoteIsTheSentenceOfTheUsersOwnWordsThatCarriesTheAsk() {
    String mail = "Hallo Jürgen,\n\nwie besprochen das Angebot im Anhang.\n\nViele Grüße\nDana\n\n"
        + "Am 10.11.2026 schrieb Jürgen:\n> alte Nachricht\n";
    assertThat(vars(mail, 1)).containsEntry("quote", "wie besprochen das Angebot im Anhang.");

    String longText = "We could start with a two-day workshop on site. " + "Then a review of every open point ".repeat(8);
    assertThat(vars(longText, 1)).containsEntry("quote", "We could start with a two-day workshop on site.");

    String noSentence = "word ".repeat(60);
    assertThat((String) vars(noSentence, 1).get("quote")).endsWith("word…").hasSizeLessThanOrEqualTo(Recall.MAX);
  }
}
