package io.secondcall.engine;

import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.ContactCard;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.Holidays;
import io.secondcall.core.WorkingHours;
import io.secondcall.holidays.JollydayHolidays;
import io.secondcall.phone.ProspectZones;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A prospect's business days and hours (SPEC section 5: 09:00-18:00 in their zone, on a business
 * day of their country), for placing a call where it suits both sides, and their local time for
 * telling the user.
 */
final class ProspectHours {

  /** A prospect's normal business hours, in their own zone. */
  static final WorkingHours BUSINESS_HOURS = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0));

  private static final ProspectZones ZONES = new ProspectZones();
  /** Loading a country's holidays reads XML: once per country for the life of the process. */
  private static final Map<String, Holidays> HOLIDAYS = new ConcurrentHashMap<>();
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

  private final EngineSettings settings;

  ProspectHours(EngineSettings settings) {
    this.settings = settings;
  }

  /** Where the contact is; empty when nothing tells (then the user's own zone is assumed). */
  Optional<ProspectZones.Place> place(EmailAddress contact, String e164, Instant at) {
    ContactCard card = settings.card(contact);
    return ZONES.locate(card.timezone(), e164, contact.domain(), at);
  }

  /** One calendar per zone the prospect may be in; empty when unknown. */
  List<BusinessCalendar> calendars(Optional<ProspectZones.Place> place) {
    return place.map(p -> p.zones().stream()
        .map(zone -> new BusinessCalendar(zone, BUSINESS_HOURS, holidays(p.country())))
        .toList()).orElse(List.of());
  }

  /**
   * "Thu 09:30 in New York" when the prospect's clock shows another time than the user's at
   * {@code start}; empty when it shows the same.
   */
  Optional<String> theirTime(Optional<ProspectZones.Place> place, Instant start) {
    ZoneId mine = settings.calendar().zone();
    return place.map(ProspectZones.Place::shown)
        .filter(z -> !z.getRules().getOffset(start).equals(mine.getRules().getOffset(start)))
        .map(z -> LOCAL.format(start.atZone(z)) + " in " + city(z));
  }

  /** "America/New_York" reads "New York". */
  static String city(ZoneId zone) {
    String id = zone.getId();
    return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
  }

  private static Holidays holidays(String country) {
    if (country == null) {
      return Holidays.none();
    }
    return HOLIDAYS.computeIfAbsent(country, c -> {
      try {
        return JollydayHolidays.of(c);
      } catch (IllegalArgumentException e) {
        // A country without holiday data: its weekends still count.
        return Holidays.none();
      }
    });
  }
}
