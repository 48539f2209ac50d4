package io.secondcall.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a prospect is, so that a call reaches them in their business hours (SPEC section 5): the
 * zone configured for them, else the zones of their phone number (for a country with several
 * zones, the zone of the area code where libphonenumber knows one), else the zones of the
 * country of their mail domain. A number or country that leaves several zones keeps them all
 * (a Spanish mobile may ring in Madrid or on the Canaries): a call then has to suit each. Zones
 * too far apart to share business hours mean unknown, and unknown means the user's own zone.
 */
public final class ProspectZones {

  /** Zones further apart than this share too few business hours to plan a call for all of them. */
  static final Duration MAX_SPREAD = Duration.ofHours(3);

  /**
   * A prospect's place.
   *
   * @param zones the zones they may be in, each a distinct set of rules; never empty
   * @param shown the zone to name when telling their local time ("09:30 in New York")
   * @param country ISO 3166 region for their public holidays, or null when unknown
   */
  public record Place(List<ZoneId> zones, ZoneId shown, String country) {

    public Place {
      zones = List.copyOf(zones);
      if (zones.isEmpty() || !zones.contains(shown)) {
        throw new IllegalArgumentException("a place needs zones, the shown one among them");
      }
    }
  }

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final PhoneNumbers numbers = new PhoneNumbers();
  private final CountryZones countries = new CountryZones();

  /**
   * @param configured {@code contacts.<address>.timezone}, or null
   * @param e164 their number, or null
   * @param emailDomain their mail domain or address
   * @param at when the call would be, for comparing the zones' offsets
   */
  public Optional<Place> locate(String configured, String e164, String emailDomain, Instant at) {
    Optional<PhoneNumber> number = parse(e164);
    Optional<String> domainCountry = numbers.countryOf(emailDomain);
    String country = number.map(util::getRegionCodeForNumber).filter(util.getSupportedRegions()::contains)
        .or(() -> domainCountry).orElse(null);
    Optional<ZoneId> set = zone(configured);
    if (set.isPresent()) {
      return Optional.of(new Place(List.of(set.get()), set.get(), country));
    }
    Optional<Place> byNumber = number.flatMap(n -> place(mapper().getTimeZonesForNumber(n),
        util.getRegionCodeForNumber(n), country, at));
    if (byNumber.isPresent()) {
      return byNumber;
    }
    return domainCountry.flatMap(region -> place(countries.zonesOf(region), region, region, at));
  }

  private Optional<Place> place(List<String> ids, String region, String country, Instant at) {
    List<ZoneId> distinct = new ArrayList<>();
    for (String id : ids) {
      zone(id).filter(z -> distinct.stream().noneMatch(d -> d.getRules().equals(z.getRules())))
          .ifPresent(distinct::add);
    }
    if (distinct.isEmpty() || spread(distinct, at).compareTo(MAX_SPREAD) > 0) {
      return Optional.empty();
    }
    ZoneId shown = shown(distinct, region);
    // Name the main zone, London rather than Guernsey with the same clock.
    distinct.replaceAll(z -> z.getRules().equals(shown.getRules()) ? shown : z);
    return Optional.of(new Place(distinct, shown, country));
  }

  /** The zone of the country's example number where it is one of them: the main one (London, not Jersey). */
  private ZoneId shown(List<ZoneId> zones, String region) {
    PhoneNumber example = region == null ? null : util.getExampleNumber(region);
    if (example != null) {
      for (String id : mapper().getTimeZonesForNumber(example)) {
        Optional<ZoneId> main = zone(id).filter(z -> zones.stream().anyMatch(x -> x.getRules().equals(z.getRules())));
        if (main.isPresent()) {
          return main.get();
        }
      }
    }
    return zones.get(0);
  }

  private static Duration spread(List<ZoneId> zones, Instant at) {
    List<Integer> offsets = zones.stream().map(z -> z.getRules().getOffset(at).getTotalSeconds()).toList();
    return Duration.ofSeconds(offsets.stream().max(Comparator.naturalOrder()).orElse(0)
        - (long) offsets.stream().min(Comparator.naturalOrder()).orElse(0));
  }

  private Optional<PhoneNumber> parse(String e164) {
    if (e164 == null || e164.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(util.parse(e164, "ZZ"));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<ZoneId> zone(String id) {
    if (id == null || id.isBlank() || id.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(id.strip()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Read when first needed: it unpacks Google's prefix-to-zone table, which a cycle without calls to book never needs. */
  private static PhoneNumberToTimeZonesMapper mapper() {
    return PhoneNumberToTimeZonesMapper.getInstance();
  }
}
