package io.secondcall.holidays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JollydayHolidaysTest {

  @Test
  void germanNationalHolidays() {
    JollydayHolidays de = JollydayHolidays.of("DE");
    assertThat(de.isHoliday(LocalDate.of(2026, 12, 25))).isTrue();
    assertThat(de.isHoliday(LocalDate.of(2026, 10, 3))).isTrue();
    assertThat(de.isHoliday(LocalDate.of(2026, 10, 5))).isFalse();
    assertThat(de.code()).isEqualTo("DE");
  }

  @Test
  void subdivisionsDiffer() {
    LocalDate epiphany = LocalDate.of(2026, 1, 6);
    assertThat(JollydayHolidays.of("DE-BY").isHoliday(epiphany)).isTrue();
    assertThat(JollydayHolidays.of("DE-BE").isHoliday(epiphany)).isFalse();
    // International Women's Day is a Berlin holiday only (2027-03-08 is a Monday).
    assertThat(JollydayHolidays.of("DE-BE").isHoliday(LocalDate.of(2027, 3, 8))).isTrue();
    assertThat(JollydayHolidays.of("DE-BY").isHoliday(LocalDate.of(2027, 3, 8))).isFalse();
  }

  @Test
  void namesTheRegionAndCountsItsDaysOff() {
    JollydayHolidays bavaria = JollydayHolidays.of("DE-BY");
    assertThat(bavaria.name()).isEqualTo("Bavaria, Germany");
    // The nine national days plus Epiphany, Corpus Christi and All Saints.
    assertThat(bavaria.count(2026)).isEqualTo(12);
    assertThat(JollydayHolidays.of("DE").count(2026)).isEqualTo(9);
    assertThat(JollydayHolidays.of("BY").name()).isEqualTo("Belarus");
  }

  @Test
  void codesAreCaseInsensitiveAndNormalised() {
    assertThat(JollydayHolidays.of(" de-by ").code()).isEqualTo("DE-BY");
    assertThat(JollydayHolidays.of("us-ny").code()).isEqualTo("US-NY");
  }

  @Test
  void newYorkThanksgivingButNotObservances() {
    JollydayHolidays ny = JollydayHolidays.of("US-NY");
    assertThat(ny.isHoliday(LocalDate.of(2026, 11, 26))).isTrue();
    // Lincoln's Birthday is only an observance in jollyday's New York data: people work.
    assertThat(ny.isHoliday(LocalDate.of(2027, 2, 12))).isFalse();
  }

  @Test
  void observedDayOffCountsEvenAcrossTheYearBoundary() {
    JollydayHolidays ny = JollydayHolidays.of("US-NY");
    // 4 July 2027 is a Sunday: the day off is Monday 5 July.
    assertThat(ny.isHoliday(LocalDate.of(2027, 7, 5))).isTrue();
    // 1 January 2028 is a Saturday: the day off is Friday 31 December 2027.
    assertThat(ny.isHoliday(LocalDate.of(2027, 12, 31))).isTrue();
  }

  @Test
  void ontarioPublicHolidaysButNotBankHolidays() {
    JollydayHolidays on = JollydayHolidays.of("CA-ON");
    assertThat(on.isHoliday(LocalDate.of(2026, 7, 1))).isTrue(); // Canada Day
    assertThat(on.isHoliday(LocalDate.of(2026, 2, 16))).isTrue(); // Family Day
    // Civic Holiday (first Monday of August) is a bank holiday, not a public one, in Ontario.
    assertThat(on.isHoliday(LocalDate.of(2026, 8, 3))).isFalse();
  }

  @Test
  void otherCountries() {
    assertThat(JollydayHolidays.of("GB").isHoliday(LocalDate.of(2026, 12, 28))).isTrue(); // Boxing Day observed
    assertThat(JollydayHolidays.of("GB-ENG").isHoliday(LocalDate.of(2026, 8, 31))).isTrue(); // Summer bank holiday
    assertThat(JollydayHolidays.of("FR").isHoliday(LocalDate.of(2026, 7, 14))).isTrue();
    assertThat(JollydayHolidays.of("FR").isHoliday(LocalDate.of(2026, 7, 15))).isFalse();
  }

  @Test
  void unknownCountryIsRejected() {
    assertThatThrownBy(() -> JollydayHolidays.of("XX"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown country \"XX\"")
        .hasMessageContaining("ISO 3166");
  }

  @Test
  void unknownSubdivisionIsRejectedNamingTheKnownOnes() {
    assertThatThrownBy(() -> JollydayHolidays.of("DE-ZZ"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown subdivision \"ZZ\" of DE (Germany)")
        .hasMessageContaining("BY")
        .hasMessageContaining("BE");
  }

  @Test
  void blankIsRejected() {
    assertThatThrownBy(() -> JollydayHolidays.of(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
