package io.secondcall.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link PhoneNumbers#fromSignature}: the contact's own number, from their own signature only. */
class SignatureNumberTest {

  private final PhoneNumbers numbers = new PhoneNumbers();

  private Optional<String> number(String body, String region) {
    return numbers.fromSignature(body, region).map(Phone::e164);
  }

  @Test
  void englishReplyWithDelimitedSignature() {
    String body = """
        Hi Dana,

        thanks for the proposal. Let me discuss it with the team.

        Best,
        Bob

        --\s
        Bob Miller | Head of Operations
        Acme Inc. | 350 Fifth Avenue, New York, NY 10118
        Phone: (212) 555-0123 | Fax: (212) 555-0199
        www.acme.example

        On Tue, 1 Dec 2026 at 10:00, Dana Consultant <dana@consult.example> wrote:
        > Hi Bob,
        > here is the proposal. Call me any time: +49 89 1234567
        > --
        > Dana, Tel. +49 89 7654321
        """;
    assertThat(number(body, "US")).contains("+12125550123");
  }

  @Test
  void germanSignatureAfterGreetingPrefersTheLabelledNumberAndSkipsFax() {
    String body = """
        Hallo Frau Berger,

        vielen Dank für das Angebot, ich schaue es mir in Ruhe an.

        Mit freundlichen Grüßen
        Alice Martin

        Acme GmbH · Leopoldstraße 12 · 80802 München
        Fax +49 89 123456-99
        Zentrale 089 123456-0
        Mobil: 0171 1234567

        Am 01.12.2026 um 10:00 schrieb Dana Berger <dana@consult.example>:
        > Mobil: 0151 7654321
        """;
    assertThat(number(body, "DE")).contains("+491711234567");
  }

  @Test
  void unlabelledNumberIsTakenWhenNothingIsLabelled() {
    String body = """
        Hi Dana,
        sounds good.

        Kind regards,
        Priya Sharma
        Sharma Consulting, Bengaluru
        +91 98765 43210
        """;
    assertThat(number(body, "IN")).contains("+919876543210");
  }

  @Test
  void oneLetterLabels() {
    String body = """
        Thanks, will do.

        Cheers, Tom
        T: +44 20 7946 0958
        F: +44 20 7946 0959
        M: 07911 123456
        """;
    assertThat(number(body, "GB")).contains("+442079460958");
    String faxFirst = """
        Thanks, will do.

        Cheers, Tom
        F: +44 20 7946 0959 | M: 07911 123456
        """;
    assertThat(number(faxFirst, "GB")).contains("+447911123456");
  }

  @Test
  void nameBlockWithoutSignOffOrDelimiter() {
    String body = """
        Hallo Frau Berger,

        passt, ich schaue es mir an.

        Alice Martin
        Acme GmbH
        Tel. 089 12345678
        """;
    assertThat(number(body, "DE")).contains("+498912345678");
  }

  @Test
  void onlyAFaxNumberGivesNothing() {
    String body = """
        Thanks!

        Regards,
        Bob
        Fax: (212) 555-0199
        """;
    assertThat(number(body, "US")).isEmpty();
  }

  @Test
  void aNumberOnlyInQuotedTextIsNeverTaken() {
    String body = """
        Not interested, thanks.

        Bob

        On Tue, 1 Dec 2026 at 10:00, Dana <dana@consult.example> wrote:
        > Best regards,
        > Dana
        > Phone: +49 89 1234567
        """;
    assertThat(number(body, "US")).isEmpty();
  }

  @Test
  void outlookQuotedHeaderBlockEndsTheWritersText() {
    String body = """
        Hi Dana, please call me next week.

        Bob

        From: Dana Berger <dana@consult.example>
        Sent: Tuesday, December 1, 2026 10:00 AM
        Subject: Proposal

        Best regards,
        Dana
        Phone: +49 89 1234567
        """;
    assertThat(number(body, "US")).isEmpty();
  }

  /**
   * A number in the body text is not taken: it is as often a colleague's, a hotline or the user's
   * own number repeated back as the writer's. The signature number wins when both are there.
   */
  @Test
  void aNumberInTheBodyTextIsNotTaken() {
    String bodyOnly = """
        Hi Dana,

        I am travelling; you can reach my colleague Carol on +1 212 555 0144 in the meantime.
        My own number is (212) 555-0123 if you prefer.

        Best,
        Bob
        """;
    assertThat(number(bodyOnly, "US")).isEmpty();

    String both = """
        Hi Dana,

        please talk to my assistant first: (212) 555-0144.

        Best,
        Bob Miller
        Mobile (212) 555-0123
        """;
    assertThat(number(both, "US")).contains("+12125550123");
  }

  @Test
  void aSingleParagraphIsBodyNotSignature() {
    assertThat(number("Call me at (212) 555-0123", "US")).isEmpty();
    assertThat(number("", "US")).isEmpty();
    assertThat(number(null, "US")).isEmpty();
  }

  @Test
  void nationalNumbersAreReadInTheGivenRegion() {
    String body = """
        Sure.

        Best regards
        Bob
        Phone 020 7946 0958
        """;
    assertThat(number(body, "GB")).contains("+442079460958");
    assertThat(number(body, null)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Handy: 0171 1234567                        | DE | +491711234567",
      "Fon 089 12345678                           | DE | +498912345678",
      "Tél. : 01 23 45 67 89                      | FR | +33123456789",
      "Téléphone +33 1 23 45 67 89                | DE | +33123456789",
      "Móvil: 612 34 56 78                        | ES | +34612345678",
      "Teléfono: +34 912 345 678                  | DE | +34912345678",
      "P: +1 212 555 0123                         | US | +12125550123",
      "Telefax +49 89 1234560 · Tel. +49 89 12345678 | DE | +498912345678",
  })
  void labelsInSeveralLanguages(String line, String region, String e164) {
    String body = "Thanks.\n\nBest regards\nAlex\n" + line + "\n";
    assertThat(number(body, region)).contains(e164);
  }
}
