package io.secondcall.calendar.ical;

import static java.util.Map.entry;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a TZID parameter into a {@link ZoneId}. IANA names win over a VTIMEZONE of the same name
 * (the JDK's rules carry history, an exporter's VTIMEZONE often only the current rule); Outlook's
 * Windows names go through a table of the common ones; anything else is left to the VTIMEZONE
 * in the file.
 */
final class TimeZones {

  /** Windows zone id to IANA zone, the "001" (main) territory of CLDR's windowsZones.xml. */
  private static final Map<String, String> WINDOWS = lowerCaseKeys(Map.ofEntries(
      entry("W. Europe Standard Time", "Europe/Berlin"),
      entry("Central Europe Standard Time", "Europe/Budapest"),
      entry("Central European Standard Time", "Europe/Warsaw"),
      entry("Romance Standard Time", "Europe/Paris"),
      entry("GMT Standard Time", "Europe/London"),
      entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
      entry("E. Europe Standard Time", "Europe/Chisinau"),
      entry("FLE Standard Time", "Europe/Kiev"),
      entry("GTB Standard Time", "Europe/Bucharest"),
      entry("Russian Standard Time", "Europe/Moscow"),
      entry("Turkey Standard Time", "Europe/Istanbul"),
      entry("Israel Standard Time", "Asia/Jerusalem"),
      entry("South Africa Standard Time", "Africa/Johannesburg"),
      entry("Arabian Standard Time", "Asia/Dubai"),
      entry("India Standard Time", "Asia/Kolkata"),
      entry("China Standard Time", "Asia/Shanghai"),
      entry("Singapore Standard Time", "Asia/Singapore"),
      entry("Tokyo Standard Time", "Asia/Tokyo"),
      entry("AUS Eastern Standard Time", "Australia/Sydney"),
      entry("New Zealand Standard Time", "Pacific/Auckland"),
      entry("Eastern Standard Time", "America/New_York"),
      entry("Central Standard Time", "America/Chicago"),
      entry("Mountain Standard Time", "America/Denver"),
      entry("US Mountain Standard Time", "America/Phoenix"),
      entry("Pacific Standard Time", "America/Los_Angeles"),
      entry("Alaskan Standard Time", "America/Anchorage"),
      entry("Hawaiian Standard Time", "Pacific/Honolulu"),
      entry("Atlantic Standard Time", "America/Halifax"),
      entry("E. South America Standard Time", "America/Sao_Paulo"),
      entry("UTC", "UTC"),
      entry("Coordinated Universal Time", "UTC")));

  private TimeZones() {}

  /**
   * The zone a TZID names, if we know it without the file's VTIMEZONE: an IANA id (also behind
   * a vendor prefix such as {@code /mozilla.org/20050126_1/Europe/Berlin}) or a Windows id.
   */
  static Optional<ZoneId> byName(String tzid) {
    String name = tzid.strip();
    if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1).strip();
    }
    String windows = WINDOWS.get(name.toLowerCase(Locale.ROOT));
    if (windows != null) {
      return Optional.of(ZoneId.of(windows));
    }
    for (String candidate = name; !candidate.isEmpty(); candidate = afterFirstSlash(candidate)) {
      Optional<ZoneId> zone = iana(candidate);
      if (zone.isPresent()) {
        return zone;
      }
    }
    return Optional.empty();
  }

  private static Optional<ZoneId> iana(String name) {
    try {
      return Optional.of(ZoneId.of(name));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String afterFirstSlash(String name) {
    int slash = name.indexOf('/', 1);
    return slash < 0 ? "" : name.substring(slash + 1);
  }

  private static Map<String, String> lowerCaseKeys(Map<String, String> map) {
    return map.entrySet().stream()
        .collect(java.util.stream.Collectors.toUnmodifiableMap(
            e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
  }
}
