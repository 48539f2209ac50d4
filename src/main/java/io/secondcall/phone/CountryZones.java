package io.secondcall.phone;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The time zones of a country, from libphonenumber's zone data for its calling code. Countries
 * that share a calling code share the zones too (+1: the US, Canada and the Caribbean), so this
 * tells where a country cannot be, not exactly where it is.
 */
public final class CountryZones {

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

  /** Zone ids of the ISO 3166 region {@code region} ({@code DE}); empty when unknown. */
  public List<String> zonesOf(String region) {
    int code = util.getCountryCodeForRegion(region.toUpperCase(Locale.ROOT));
    if (code == 0) {
      return List.of();
    }
    List<String> zones = mapper().getTimeZonesForGeographicalNumber(new PhoneNumber().setCountryCode(code).setNationalNumber(0));
    return zones.contains(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()) ? List.of() : zones;
  }

  /** The regions whose zones include {@code zoneId}, sorted; empty for zones such as UTC or CET. */
  public Set<String> regionsWith(String zoneId) {
    Set<String> regions = new TreeSet<>();
    for (String region : util.getSupportedRegions()) {
      if (zonesOf(region).contains(zoneId)) {
        regions.add(region);
      }
    }
    return regions;
  }

  /** Read when first needed: it unpacks Google's prefix-to-zone table, which a cycle without calls to book never needs. */
  private static PhoneNumberToTimeZonesMapper mapper() {
    return PhoneNumberToTimeZonesMapper.getInstance();
  }
}
