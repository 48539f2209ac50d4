package io.secondcall.cli;

import io.secondcall.holidays.JollydayHolidays;
import io.secondcall.phone.CountryZones;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A holiday region that does not fit the time zone: {@code holidays: BY} is Belarus, while the
 * user in Europe/Berlin meant Bavaria, {@code DE-BY}. Valid on its own, so the config loads; a
 * warning of {@code check} catches it before a year of drafts lands on the wrong days off.
 */
final class HolidayRegionHint {

  private final CountryZones countries = new CountryZones();

  /** The warning, when the zone lies in known countries and the region's country is not one of them. */
  Optional<String> warning(JollydayHolidays holidays, ZoneId zone) {
    String country = holidays.code().split("-")[0];
    Set<String> here = countries.regionsWith(zone.getId());
    if (here.isEmpty() || here.contains(country)) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    here.forEach(region -> names.add(countryName(region)));
    return Optional.of("me.timezone " + zone.getId() + " is in " + String.join(" or ", names) + ", not in "
        + countryName(country) + suggestion(holidays.code(), here));
  }

  /**
   * A subdivision of the zone's country with the code as written ({@code BY} in Germany), else
   * the zone's country itself.
   */
  private static String suggestion(String code, Set<String> here) {
    String last = code.substring(code.lastIndexOf('-') + 1);
    for (String region : here) {
      for (String sub : List.of(code, last)) {
        Optional<String> found = valid(region + "-" + sub);
        if (found.isPresent()) {
          return ": did you mean " + found.get() + "?";
        }
      }
    }
    return here.stream().map(HolidayRegionHint::valid).flatMap(Optional::stream).findFirst()
        .map(region -> ": did you mean " + region + "?").orElse("");
  }

  private static Optional<String> valid(String code) {
    try {
      return Optional.of(JollydayHolidays.of(code).code());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String countryName(String region) {
    return new Locale("", region).getDisplayCountry(Locale.ENGLISH);
  }
}
