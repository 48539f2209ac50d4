package io.secondcall.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

  private final PhoneNumbers numbers = new PhoneNumbers();

  @ParameterizedTest(name = "{0} ({1}) -> {2}")
  @CsvSource(delimiter = '|', value = {
      "+49 (0)89 123 456-78   | DE | +498912345678 | +49 89 12345678",
      "+49 (0)89 123 456-78   | US | +498912345678 | +49 89 12345678",
      "089 12345678           | DE | +498912345678 | +49 89 12345678",
      "0049 89 12345678       | DE | +498912345678 | +49 89 12345678",
      "0171 1234567           | DE | +491711234567 | +49 171 1234567",
      "(212) 555-0123         | US | +12125550123  | +1 212-555-0123",
      "212.555.0123           | US | +12125550123  | +1 212-555-0123",
      "+1 (212) 555-0123      | DE | +12125550123  | +1 212-555-0123",
      "+44 20 7946 0958       | DE | +442079460958 | +44 20 7946 0958",
      "020 7946 0958          | GB | +442079460958 | +44 20 7946 0958",
      "07911 123456           | GB | +447911123456 | +44 7911 123456",
      "+91 98765 43210        | US | +919876543210 | +91 98765 43210",
      "098765 43210           | IN | +919876543210 | +91 98765 43210",
      "Tel.: +49 89 123456    | DE | +4989123456   | +49 89 123456",
  })
  void parsesValidNumbersInManyFormats(String text, String region, String e164, String international) {
    Phone phone = numbers.parse(text, region).orElseThrow();
    assertThat(phone.e164()).isEqualTo(e164);
    assertThat(phone.international()).isEqualTo(international);
    assertThat(phone.telUri()).isEqualTo("tel:" + e164);
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "call me", "0000", "+49 1", "555-0123-456789-12345", "12.12.2026"})
  @NullAndEmptySource
  void ignoresWhatIsNoValidNumber(String text) {
    assertThat(numbers.parse(text, "DE")).isEmpty();
  }

  @Test
  void aNationalNumberNeedsARegion() {
    assertThat(numbers.parse("089 12345678", null)).isEmpty();
    assertThat(numbers.parse("+49 89 12345678", null)).map(Phone::e164).contains("+498912345678");
  }

  @Test
  void phoneChecksItsE164Form() {
    assertThat(new Phone("+4989123456", "+49 89 123456").telUri()).isEqualTo("tel:+4989123456");
    assertThatThrownBy(() -> new Phone("089123456", "089 123456")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Phone("+4989123456", " ")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} ({1}) -> {2}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "acme.de               | US    | DE",
      "alice@acme.de         | null  | DE",
      "ACME.DE.              | null  | DE",
      "acme.co.uk            | DE    | GB",
      "acme.uk               | DE    | GB",
      "acme.fr               | DE    | FR",
      "acme.at               | DE    | AT",
      "acme.ch               | DE    | CH",
      "acme.nl               | DE    | NL",
      "acme.es               | DE    | ES",
      "acme.it               | DE    | IT",
      "acme.co.in            | DE    | IN",
      "acme.com.au           | DE    | AU",
      "acme.ca               | DE    | CA",
      "acme.us               | DE    | US",
      "acme.com              | DE-BY | DE",
      "acme.example          | DE-BY | DE",
      "acme.com              | GB    | GB",
      "acme.com              | null  | US",
      "acme.com              | ''    | US",
      "acme.io               | AT    | AT",
      "acme.eu               | FR    | FR",
      "localhost             | CH    | CH",
      "null                  | CA-ON | CA",
      "acme.org              | XX-YY | US",
  })
  void regionComesFromTheCountryCodeTld(String domain, String fallback, String expected) {
    assertThat(numbers.regionFor(domain, fallback)).isEqualTo(expected);
  }

  @Test
  void theRegionFromTheDomainReadsNationalNumbers() {
    String region = numbers.regionFor("bob@acme.co.uk", "DE-BY");
    assertThat(numbers.parse("020 7946 0958", region)).map(Phone::e164).contains("+442079460958");
  }
}
