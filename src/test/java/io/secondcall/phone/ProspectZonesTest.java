package io.secondcall.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a prospect is, from what the user knows of them: calls at an hour that suits them. */
class ProspectZonesTest {

  private static final Instant DECEMBER = Instant.parse("2026-12-03T10:00:00Z");

  private final ProspectZones zones = new ProspectZones();

  @ParameterizedTest(name = "{0} ({1}): {2}, {3}")
  @CsvSource({
      // Several zones in the country: the area code decides.
      "+1 212 555 0100,  acme.com,      America/New_York,    US",
      "+1 415 555 0100,  acme.com,      America/Los_Angeles, US",
      "+81 3 3211 4111,  wayne.example, Asia/Tokyo,          JP",
      "+49 30 901820,    acme.com,      Europe/Berlin,       DE",
      "+977 1 4411234,   acme.com,      Asia/Katmandu,       NP",
      // The number wins over the domain: a Londoner with a .de address.
      "+44 20 7946 0958, acme.de,       Europe/London,       GB",
  })
  void theNumberTellsTheZone(String number, String domain, String zone, String country) {
    Optional<ProspectZones.Place> place = zones.locate(null, e164(number), domain, DECEMBER);

    assertThat(place).hasValueSatisfying(p -> {
      assertThat(p.zones()).containsExactly(ZoneId.of(zone));
      assertThat(p.shown()).isEqualTo(ZoneId.of(zone));
      assertThat(p.country()).isEqualTo(country);
    });
  }

  @Test
  void aMobileThatMayRingInEitherOfTwoZonesKeepsBoth() {
    Optional<ProspectZones.Place> place = zones.locate(null, e164("+34 612 345 678"), "soylent.example", DECEMBER);

    assertThat(place).hasValueSatisfying(p -> {
      assertThat(p.zones()).containsExactlyInAnyOrder(ZoneId.of("Europe/Madrid"), ZoneId.of("Atlantic/Canary"));
      assertThat(p.shown()).isEqualTo(ZoneId.of("Europe/Madrid"));
    });
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"acme.de, Europe/Berlin", "acme.co.uk, Europe/London", "empresa.fr, Europe/Paris",
      "firm.jp, Asia/Tokyo"})
  void withoutANumberTheDomainsCountryTellsWhereItHasOneZone(String domain, String zone) {
    assertThat(zones.locate(null, null, domain, DECEMBER)).hasValueSatisfying(p ->
        assertThat(p.shown()).isEqualTo(ZoneId.of(zone)));
  }

  @ParameterizedTest
  @CsvSource({"acme.com", "startup.io", "firm.us", "firm.ru", "firm.com.au"})
  void genericDomainsAndCountriesSpanningManyZonesTellNothing(String domain) {
    assertThat(zones.locate(null, null, domain, DECEMBER)).isEmpty();
  }

  @Test
  void aZoneInTheConfigWinsOverNumberAndDomain() {
    assertThat(zones.locate("America/Chicago", e164("+49 30 901820"), "acme.de", DECEMBER))
        .hasValueSatisfying(p -> assertThat(p.zones()).containsExactly(ZoneId.of("America/Chicago")));
  }

  private static String e164(String number) {
    return new PhoneNumbers().parse(number, "ZZ").orElseThrow().e164();
  }
}
