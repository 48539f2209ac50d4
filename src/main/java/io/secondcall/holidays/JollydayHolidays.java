package io.secondcall.holidays;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.secondcall.core.Holidays;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * Public holidays of an ISO 3166 country, optionally narrowed to a subdivision ({@code DE-BY},
 * {@code US-NY}, {@code CA-ON}), from the jollyday data set.
 *
 * <p>Only {@link HolidayType#PUBLIC_HOLIDAY} counts: bank holidays and observances (Easter
 * Monday in New York, Civic Holiday in Ontario) are ordinary working days for most people.
 * Where a holiday is observed on another day (US Independence Day on a Saturday is taken on
 * the Friday), the day off is what counts. Holiday sets are computed once per year and cached;
 * instances are thread-safe.
 */
public final class JollydayHolidays implements Holidays {

  private final String code;
  private final String name;
  private final HolidayManager manager;
  private final String[] subdivisions;
  private final ConcurrentMap<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

  private JollydayHolidays(String code, String name, HolidayManager manager, String[] subdivisions) {
    this.code = code;
    this.name = name;
    this.manager = manager;
    this.subdivisions = subdivisions;
  }

  /**
   * Holidays for {@code code}: a country ({@code DE}) or country and subdivision ({@code DE-BY}),
   * case-insensitive.
   *
   * @throws IllegalArgumentException when the country or subdivision is not known, naming the
   *     known ones
   */
  public static JollydayHolidays of(String code) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("expected an ISO 3166 country code such as DE or DE-BY");
    }
    String[] parts = code.strip().split("-");
    String country = parts[0].toUpperCase(Locale.ROOT);
    if (!HolidayManager.getSupportedCalendarCodes().contains(country)) {
      throw new IllegalArgumentException("unknown country \"" + parts[0]
          + "\": expected an ISO 3166 country code such as DE, US, GB or FR, optionally with a subdivision such as DE-BY");
    }
    HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country));
    CalendarHierarchy level = manager.getCalendarHierarchy();
    String[] subdivisions = new String[parts.length - 1];
    StringBuilder normalised = new StringBuilder(country);
    List<String> names = new ArrayList<>(List.of(level.getDescription(Locale.ENGLISH)));
    for (int i = 1; i < parts.length; i++) {
      String wanted = parts[i];
      String found = findChild(level.getChildren(), wanted);
      if (found == null) {
        throw new IllegalArgumentException("unknown subdivision \"" + wanted + "\" of " + normalised
            + " (" + level.getDescription(Locale.ENGLISH) + "): expected one of "
            + childList(level.getChildren()));
      }
      subdivisions[i - 1] = found;
      level = level.getChildren().get(found);
      normalised.append('-').append(found.toUpperCase(Locale.ROOT));
      names.add(0, level.getDescription(Locale.ENGLISH));
    }
    return new JollydayHolidays(normalised.toString(), String.join(", ", names), manager, subdivisions);
  }

  private static String findChild(Map<String, CalendarHierarchy> children, String wanted) {
    for (String key : children.keySet()) {
      if (key.equalsIgnoreCase(wanted)) {
        return key;
      }
    }
    return null;
  }

  private static String childList(Map<String, CalendarHierarchy> children) {
    if (children.isEmpty()) {
      return "none (this region has no subdivisions in the holiday data)";
    }
    Set<String> sorted = new TreeSet<>();
    children.keySet().forEach(k -> sorted.add(k.toUpperCase(Locale.ROOT)));
    return String.join(", ", sorted);
  }

  /** The normalised code, e.g. {@code DE-BY}. */
  public String code() {
    return code;
  }

  /** The region in English, smallest first: {@code Bavaria, Germany}. */
  public String name() {
    return name;
  }

  /** How many days off the region has in {@code year}. */
  public int count(int year) {
    return byYear.computeIfAbsent(year, this::daysOff).size();
  }

  @Override
  public boolean isHoliday(LocalDate date) {
    return byYear.computeIfAbsent(date.getYear(), this::daysOff).contains(date);
  }

  /**
   * The days off in {@code year}. Neighbouring years are asked too because an observed day can
   * cross the year boundary: New Year's Day 2028 (a Saturday) is taken on 31 December 2027.
   */
  private Set<LocalDate> daysOff(int year) {
    List<Holiday> all = new ArrayList<>();
    for (int y = year - 1; y <= year + 1; y++) {
      all.addAll(manager.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, subdivisions));
    }
    return all.stream()
        .map(Holiday::getDate)
        .filter(d -> d.getYear() == year)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String toString() {
    return "JollydayHolidays[" + code + "]";
  }
}
