package io.secondcall.cli;

import io.secondcall.config.Config;
import io.secondcall.holidays.JollydayHolidays;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The lines of {@code check} on when secondcall works, as it resolved them: the time zone with
 * its clock now, the holiday region by name with its days off this year, the working hours. A
 * typo here shows only weeks later as a draft on a holiday, so it is spelled out.
 */
final class WorkTimeCheck {

  private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private final Checklist list;
  private final Config config;
  private final Clock clock;

  WorkTimeCheck(Checklist list, Config config, Clock clock) {
    this.list = list;
    this.config = config;
    this.clock = clock;
  }

  void run() {
    ZonedDateTime now = clock.instant().atZone(config.zone());
    list.note("time zone", config.zone().getId(), "ok, now " + NOW.format(now) + " (UTC" + now.getOffset().getId()
        .replace("Z", "+00:00") + ")");
    holidays(now.getYear());
    list.note("hours", config.workingHours().toString(), "ok, Monday to Friday"
        + (config.holidays() == null ? "" : " except public holidays"));
  }

  private void holidays(int year) {
    if (!(config.holidayCalendar() instanceof JollydayHolidays region)) {
      list.note("holidays", "none", "ok, weekends only (me.holidays, e.g. DE-BY, adds public holidays)");
      return;
    }
    String found = region.name() + ", " + region.count(year) + " public holidays in " + year;
    new HolidayRegionHint().warning(region, config.zone()).ifPresentOrElse(
        warning -> list.warn("holidays", region.code(), found, warning),
        () -> list.note("holidays", region.code(), "ok, " + found));
  }
}
