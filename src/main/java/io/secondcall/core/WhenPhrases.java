package io.secondcall.core;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads "when" in English and German: a day ("on Tuesday", "tomorrow", "next week", "in two weeks",
 * "12 December", "am 12.12.", "the 15th", "übermorgen") and a time of day ("at 3pm", "um 10 Uhr",
 * "afternoon"), relative to when the message was sent. Feeds {@link PromiseParser}.
 */
final class WhenPhrases {

  /** A day or a time of day, with where it was found. */
  record Found<T>(T value, int start, int end) {}

  /**
   * A time of day; {@code time} is empty for "morning" and the like, where no hour was named.
   * {@code clock} tells an hour on the clock ("at 3pm") from a part of the day ("afternoon").
   */
  record TimeOfDay(Optional<LocalTime> time, boolean clock) {}

  private static final LocalTime AFTERNOON = LocalTime.of(14, 0);
  private static final LocalTime NOON = LocalTime.of(12, 0);
  /** "at 3" in business talk is 15:00: hours up to this one without am/pm are afternoon hours. */
  private static final int LAST_AMBIGUOUS_HOUR = 7;

  private static final Map<String, Integer> MONTHS = new HashMap<>();
  private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
  private static final Map<String, Integer> NUMBERS = new HashMap<>();

  static {
    String[][] months = {
      {"january", "jan", "januar", "jänner"}, {"february", "feb", "februar"}, {"march", "mar", "märz", "maerz"},
      {"april", "apr"}, {"may", "mai"}, {"june", "jun", "juni"}, {"july", "jul", "juli"}, {"august", "aug"},
      {"september", "sep", "sept"}, {"october", "oct", "oktober", "okt"}, {"november", "nov"},
      {"december", "dec", "dezember", "dez"},
    };
    for (int i = 0; i < months.length; i++) {
      for (String name : months[i]) {
        MONTHS.put(name, i + 1);
      }
    }
    String[][] weekdays = {
      {"monday", "mon", "montag"}, {"tuesday", "tue", "tues", "dienstag"}, {"wednesday", "wed", "mittwoch"},
      {"thursday", "thu", "thur", "thurs", "donnerstag"}, {"friday", "fri", "freitag"}, {"saturday", "samstag"},
      {"sunday", "sonntag"},
    };
    for (int i = 0; i < weekdays.length; i++) {
      for (String name : weekdays[i]) {
        WEEKDAYS.put(name, DayOfWeek.of(i + 1));
      }
    }
    String[] en = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"};
    String[] de = {"einem", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"};
    for (int i = 0; i < en.length; i++) {
      NUMBERS.put(en[i], i + 1);
      NUMBERS.put(de[i], i + 1);
    }
    for (String one : Set.of("a", "an", "ein", "eine", "einer")) {
      NUMBERS.put(one, 1);
    }
    NUMBERS.put("a couple of", 2);
    NUMBERS.put("a couple", 2);
  }

  private static final String MONTH = alternation(MONTHS.keySet());
  private static final String WEEKDAY = alternation(WEEKDAYS.keySet());

  private static final Pattern DAY = compile("\\b(?:"
      + "(?:(?:(?:on|am)\\s+)?(?:" + WEEKDAY + ")\\b,?\\s+(?:(?:the|den|dem)\\s+)?)?(?:"
      + "(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})(?!\\d)"
      + "|(?<na>\\d{1,2})\\.(?<nb>\\d{1,2})\\.(?:(?<ny>\\d{4}|\\d{2})(?!\\d))?"
      + "|(?<dd>\\d{1,2})(?:st|nd|rd|th|\\.)?\\s*(?:of\\s+)?(?<dm>" + MONTH + ")\\b\\.?(?:,?\\s*(?<dy>\\d{4})(?!\\d))?"
      + "|(?<mm>" + MONTH + ")\\.?\\s+(?<md>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s*(?<my>\\d{4})(?!\\d))?"
      + "|(?:the\\s+)(?<ord>\\d{1,2})(?:st|nd|rd|th)\\b"
      + "|(?<=\\bam\\s)(?<ordde>\\d{1,2})\\.(?![\\d])(?!\\s*(?:uhr)\\b))"
      + "|(?<dayafter>übermorgen|the\\s+day\\s+after\\s+tomorrow)"
      + "|(?<tomorrow>tomorrow|tmrw|(?<!\\bam\\s)(?<!\\bguten\\s)(?<!\\bjeden\\s)(?<!\\bheute\\s)(?<!\\bden\\s)morgen)\\b"
      + "|(?<today>today|tonight|heute|this(?=\\s+(?:morning|afternoon|evening)))\\b"
      + "|(?:(?<wkpos>early|late|later|mid|anfang|mitte|ende|(?:(?:at|by)\\s+)?(?:the\\s+)?(?:start|beginning|middle|end)\\s+of"
      + "|zu\\s+beginn)[\\s-]+)?(?:(?:the|der|in\\s+der)\\s+)?(?<wk>next|coming|following|nächste[nr]?|kommende[nr]?)\\s+(?:week|woche)\\b"
      + "|(?<thisweek>(?:(?:at|by)\\s+)?(?:the\\s+)?end\\s+of\\s+(?:the|this)\\s+week|ende\\s+(?:der|dieser)\\s+woche)\\b"
      + "|(?<in>in|within|innerhalb\\s+von)\\s+(?<n>\\d{1,2}|" + alternation(NUMBERS.keySet()) + ")\\s+"
      + "(?<unit>days?|weeks?|tagen?|wochen?)\\b"
      + "|(?:(?:on|am|this|next|coming|diesen|nächsten|kommenden)\\s+)?(?<wd>" + WEEKDAY + ")\\b"
      + ")");

  private static final Pattern TIME = compile(
      // A range stands for its start: "between 2 and 3pm", "zwischen 14 und 15 Uhr".
      "\\b(?:between|zwischen)\\s+(?<h3>\\d{1,2})(?:[:.](?<m3>\\d{2}))?\\s*(?<ap3>a\\.?m\\.?|p\\.?m\\.?|uhr\\b)?"
      + "\\s*(?:and|und|-|–)\\s*(?<h4>\\d{1,2})(?:[:.]\\d{2})?\\s*(?<ap4>a\\.?m\\.?|p\\.?m\\.?|uhr\\b)?"
      + "|(?:\\b(?:at|um|gegen|around|ab|@)\\s+(?:(?:around|about|ca\\.?)\\s+)?(?<h>\\d{1,2})(?:[:.](?<m>\\d{2}))?"
      + "(?!\\.\\d)(?!\\s*(?:" + MONTH + ")\\b)\\s*(?<ap>a\\.?m\\.?|p\\.?m\\.?|uhr\\b|h\\b|o'clock)?"
      + "|\\b(?<h2>\\d{1,2})(?:[:.](?<m2>\\d{2}))?\\s*(?<ap2>a\\.?m\\.?|p\\.?m\\.?|uhr\\b))"
      + "|\\b(?<morning>morning|früh|vormittags?|morgens|first\\s+thing)\\b"
      + "|\\b(?<noon>noon|midday|lunchtime|mittags?)\\b"
      + "|\\b(?<afternoon>afternoon|nachmittags?)\\b"
      + "|\\b(?<evening>evening|abends?)\\b");

  /** A day right after these words is not the day of the promise: "after Monday", "nach dem 12.". */
  private static final Pattern BLOCKED_BEFORE = compile("\\b(?:after|before|until|till|since|nach|vor|seit)\\s+(?:dem\\s+|the\\s+)?$");

  private WhenPhrases() {}

  /** The first day named in {@code text[from, to)}. */
  static Optional<Found<LocalDate>> day(String text, int from, int to, LocalDateTime sent) {
    Matcher m = DAY.matcher(text).region(from, to);
    m.useTransparentBounds(true);
    while (m.find()) {
      if (BLOCKED_BEFORE.matcher(text.substring(Math.max(from, m.start() - 12), m.start())).find()) {
        continue;
      }
      LocalDate d = resolve(m, sent.toLocalDate());
      if (d != null) {
        return Optional.of(new Found<>(d, m.start(), m.end()));
      }
    }
    return Optional.empty();
  }

  /** The first time of day named in {@code text[from, to)}; a clock time wins over "afternoon". */
  static Optional<Found<TimeOfDay>> time(String text, int from, int to) {
    Matcher m = TIME.matcher(text).region(from, to);
    m.useTransparentBounds(true);
    Found<TimeOfDay> period = null;
    while (m.find()) {
      if (m.group("h") != null || m.group("h2") != null || m.group("h3") != null) {
        LocalTime t = clock(m);
        if (t != null) {
          return Optional.of(new Found<>(new TimeOfDay(Optional.of(t), true), m.start(), m.end()));
        }
      } else if (period == null) {
        period = new Found<>(period(m), m.start(), m.end());
      }
    }
    return Optional.ofNullable(period);
  }

  /** Whether {@code text[from, to)} holds nothing but a time of day, commas and spaces. */
  static boolean onlyTime(String text, int from, int to) {
    String rest = TIME.matcher(text.substring(from, to)).replaceAll("");
    return rest.replaceAll("[\\s,]", "").isEmpty();
  }

  private static TimeOfDay period(Matcher m) {
    if (m.group("afternoon") != null) {
      return new TimeOfDay(Optional.of(AFTERNOON), false);
    }
    if (m.group("noon") != null) {
      return new TimeOfDay(Optional.of(NOON), false);
    }
    // Morning and evening name no hour: the caller books the start of work.
    return new TimeOfDay(Optional.empty(), false);
  }

  private static LocalTime clock(Matcher m) {
    String suffix = m.group("h") != null ? "" : m.group("h2") != null ? "2" : "3";
    int hour = Integer.parseInt(m.group("h" + suffix));
    String minutes = m.group("m" + suffix);
    int minute = minutes == null ? 0 : Integer.parseInt(minutes);
    String ap = m.group("ap" + suffix);
    if (ap == null && suffix.equals("3") && m.group("ap4") != null) {
      // "between 2 and 3pm" is afternoon, "between 11 and 12pm" is not: the marker belongs to the end.
      int end = Integer.parseInt(m.group("h4"));
      ap = end != 12 && hour < end ? m.group("ap4") : "am";
    }
    String marker = ap == null ? "" : ap.toLowerCase(Locale.ROOT).replace(".", "");
    if (marker.equals("pm") && hour < 12) {
      hour += 12;
    } else if (marker.equals("am") && hour == 12) {
      hour = 0;
    } else if (!marker.equals("am") && hour >= 1 && hour <= LAST_AMBIGUOUS_HOUR) {
      hour += 12;
    }
    return hour <= 23 && minute <= 59 ? LocalTime.of(hour, minute) : null;
  }

  private static LocalDate resolve(Matcher m, LocalDate sent) {
    if (m.group("iy") != null) {
      return Dates.dateOrNull(Dates.number(m, "iy"), Dates.number(m, "im"), Dates.number(m, "id"));
    }
    if (m.group("na") != null) {
      return dayMonth(Dates.number(m, "na"), Dates.number(m, "nb"), m.group("ny"), sent);
    }
    if (m.group("dd") != null) {
      return dayMonth(Dates.number(m, "dd"), MONTHS.get(lower(m.group("dm"))), m.group("dy"), sent);
    }
    if (m.group("mm") != null) {
      return dayMonth(Dates.number(m, "md"), MONTHS.get(lower(m.group("mm"))), m.group("my"), sent);
    }
    if (m.group("ord") != null || m.group("ordde") != null) {
      return dayOfMonth(Dates.number(m, m.group("ord") != null ? "ord" : "ordde"), sent);
    }
    if (m.group("dayafter") != null) {
      return sent.plusDays(2);
    }
    if (m.group("tomorrow") != null) {
      return sent.plusDays(1);
    }
    if (m.group("today") != null) {
      return sent;
    }
    if (m.group("wk") != null) {
      return nextWeek(m.group("wkpos"), sent);
    }
    if (m.group("thisweek") != null) {
      LocalDate friday = sent.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
      return friday.isAfter(sent) ? friday : sent.with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
    }
    if (m.group("in") != null) {
      String n = lower(m.group("n"));
      int count = Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : NUMBERS.get(n.replaceAll("\\s+", " "));
      return lower(m.group("unit")).startsWith("w") ? sent.plusWeeks(count) : sent.plusDays(count);
    }
    return sent.with(TemporalAdjusters.next(WEEKDAYS.get(lower(m.group("wd")))));
  }

  /** Next week: its Monday, or its Wednesday ("mid") or Friday ("end of", "late"). */
  private static LocalDate nextWeek(String position, LocalDate sent) {
    LocalDate monday = sent.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    String p = position == null ? "" : lower(position);
    if (p.startsWith("mid") || p.startsWith("mitte") || p.contains("middle")) {
      return monday.plusDays(2);
    }
    if (p.startsWith("late") || p.startsWith("ende") || p.contains("end of")) {
      return monday.plusDays(4);
    }
    return monday;
  }

  /** That day and month; without a year the next one on or after the send date. */
  private static LocalDate dayMonth(int day, int month, String year, LocalDate sent) {
    if (year != null) {
      int y = Integer.parseInt(year);
      return Dates.dateOrNull(y < 100 ? 2000 + y : y, month, day);
    }
    LocalDate d = Dates.dateOrNull(sent.getYear(), month, day);
    if (d != null && d.isBefore(sent)) {
      d = Dates.dateOrNull(sent.getYear() + 1, month, day);
    }
    return d;
  }

  /** "The 15th": the next 15th strictly after the send date, skipping months too short for it. */
  private static LocalDate dayOfMonth(int day, LocalDate sent) {
    for (int i = 0; i <= 12; i++) {
      LocalDate month = sent.withDayOfMonth(1).plusMonths(i);
      LocalDate d = Dates.dateOrNull(month.getYear(), month.getMonthValue(), day);
      if (d != null && d.isAfter(sent)) {
        return d;
      }
    }
    return null;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String alternation(Set<String> words) {
    return words.stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q"))
        .collect(Collectors.joining("|"));
  }

  private static Pattern compile(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  }
}
