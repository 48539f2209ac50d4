package io.secondcall.core;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the return date in an out-of-office text ("back on 3 December", "zurück am 03.12.",
 * "jusqu'au 4 décembre", "hasta el 4 de diciembre"). Package-private: callers use
 * {@link AutoReplyParser}, which only asks once a message is known to be an auto-reply.
 */
final class ReturnDates {

  /** A stale notice may name a day shortly before it was sent; that is this year, not the next. */
  private static final int STALE_GRACE_DAYS = 30;
  /** Nobody sets an out-of-office for more than a year; a later date is a typo. */
  private static final int MAX_AHEAD_DAYS = 366;
  /** How far after a cue the date may start. */
  private static final int WINDOW = 80;

  private enum Lang { EN, DE, FR, ES }

  /** BACK: the date is the first day back. UNTIL: the date is the last day away. */
  private enum Kind { BACK, UNTIL }

  private record Cue(Pattern pattern, Lang lang, Kind kind, Pattern requiredAfter) {
    Cue(String regex, Lang lang, Kind kind) {
      this(compile(regex), lang, kind, null);
    }
  }

  private static final Map<String, Integer> MONTHS = new HashMap<>();
  private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

  static {
    String[][] months = {
      {"january", "jan", "januar", "jänner", "janvier", "enero"},
      {"february", "feb", "februar", "février", "fevrier", "febrero"},
      {"march", "mar", "märz", "maerz", "mär", "mars", "marzo"},
      {"april", "apr", "avril", "abril"},
      {"may", "mai", "mayo"},
      {"june", "jun", "juni", "juin", "junio"},
      {"july", "jul", "juli", "juillet", "julio"},
      {"august", "aug", "août", "aout", "agosto"},
      {"september", "sep", "sept", "septembre", "septiembre", "setiembre"},
      {"october", "oct", "oktober", "okt", "octobre", "octubre"},
      {"november", "nov", "novembre", "noviembre"},
      {"december", "dec", "dezember", "dez", "décembre", "decembre", "diciembre", "dic"},
    };
    for (int i = 0; i < months.length; i++) {
      for (String name : months[i]) {
        MONTHS.put(name, i + 1);
      }
    }
    String[][] weekdays = {
      {"monday", "montag", "lundi", "lunes"},
      {"tuesday", "dienstag", "mardi", "martes"},
      {"wednesday", "mittwoch", "mercredi", "miércoles", "miercoles"},
      {"thursday", "donnerstag", "jeudi", "jueves"},
      {"friday", "freitag", "vendredi", "viernes"},
      {"saturday", "samstag", "sonnabend", "samedi", "sábado", "sabado"},
      {"sunday", "sonntag", "dimanche", "domingo"},
    };
    for (int i = 0; i < weekdays.length; i++) {
      for (String name : weekdays[i]) {
        WEEKDAYS.put(name, DayOfWeek.of(i + 1));
      }
    }
  }

  private static final List<Cue> CUES = List.of(
      new Cue("\\b(?:back|return|returning|returns)\\b", Lang.EN, Kind.BACK),
      new Cue("\\b(?:until|till|til|through|thru)\\b", Lang.EN, Kind.UNTIL),
      new Cue("\\bzurück\\b", Lang.DE, Kind.BACK),
      new Cue("\\bwieder\\s+(?:im\\s+büro|im\\s+haus|erreichbar|verfügbar|da|zurück)\\b", Lang.DE, Kind.BACK),
      // "ab dem 7. Dezember wieder im Büro": "ab" alone also starts an absence, so "wieder" must follow.
      new Cue(compile("\\bab\\b"), Lang.DE, Kind.BACK, compile("[^.!?]{0,30}?\\bwieder\\b")),
      new Cue("\\bbis\\b", Lang.DE, Kind.UNTIL),
      new Cue("\\b(?:retour|reviens|reviendrai)\\b", Lang.FR, Kind.BACK),
      new Cue("\\bjusqu'\\s?(?:au|à|a)\\b", Lang.FR, Kind.UNTIL),
      new Cue("\\b(?:de\\s+vuelta|regresaré|regresare|regreso|regresa|volveré|volvere|vuelvo|reincorporaré|reincorporo)\\b",
          Lang.ES, Kind.BACK),
      new Cue("\\bhasta\\b", Lang.ES, Kind.UNTIL));

  /** Words that may stand between a cue and its date: "back in the office on", "bis einschließlich". */
  private static final String FILLER = "(?:on|the|in|to|at|by|from|office|work|am|ab|dem|den|zum|zur|im|büro|"
      + "einschließlich|einschliesslich|inklusive|inkl\\.?|incl\\.?|inclusive|including|le|la|du|dès|des|au|bureau|"
      + "prévu|prevu|à|a|partir|el|del|de|desde|oficina|en)";

  private static final Pattern DATE = compile("[\\s,:]*(?:" + FILLER + "[\\s,]+)*"
      + "(?:(?<wd>" + alternation(WEEKDAYS.keySet()) + ")\\b[\\s,]*(?:(?:the|den|der|le|el)\\s+)?)?"
      + "(?:(?<iy>\\d{4})-(?<im>\\d{1,2})-(?<id>\\d{1,2})(?!\\d)"
      + "|(?<na>\\d{1,2})(?<sep>[./])(?<nb>\\d{1,2})(?:\\k<sep>(?<ny>\\d{4}|\\d{2})(?!\\d))?(?<dot>\\.)?(?![\\d/])"
      + "|(?<dd>\\d{1,2})(?:st|nd|rd|th|er|\\.|º)?\\s*(?:of\\s+|de\\s+)?(?<dm>" + alternation(MONTHS.keySet()) + ")\\b\\.?"
      + "(?:,?\\s*(?:de\\s+)?(?<dy>\\d{4})(?!\\d))?"
      + "|(?<mm>" + alternation(MONTHS.keySet()) + ")\\b\\.?\\s*(?<md>\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s*(?<my>\\d{4})(?!\\d))?"
      + ")?");

  /** A clock time right after "10.30" means it was no date: "bis 10.30 Uhr". */
  private static final Pattern TIME_AFTER = compile("\\s*(?:uhr|h|a\\.?m\\.?|p\\.?m\\.?|o'clock)\\b");

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f]+");

  private ReturnDates() {}

  /**
   * The first day the person is back, from any cue in {@code text}: "back on X" gives X, "until X"
   * gives the day after X. When several dates are named, the latest wins: following up while
   * someone is still away helps nobody.
   *
   * @param messageDate the auto-reply's own date (local), for years and weekdays left out
   */
  static Optional<LocalDate> find(String text, LocalDate messageDate) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = SPACES.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'')).replaceAll(" ");
    LocalDate best = null;
    for (Cue cue : CUES) {
      Matcher cm = cue.pattern().matcher(t);
      while (cm.find()) {
        LocalDate d = dateAfter(t, cm.end(), cue, messageDate);
        if (d != null && (best == null || d.isAfter(best))) {
          best = d;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static LocalDate dateAfter(String t, int from, Cue cue, LocalDate messageDate) {
    Matcher m = DATE.matcher(t).region(from, Math.min(t.length(), from + WINDOW));
    if (!m.lookingAt()) {
      return null;
    }
    LocalDate named = named(m, cue.lang(), messageDate);
    if (named == null) {
      return null;
    }
    if (m.group("na") != null && m.group("ny") == null && m.group("dot") == null
        && TIME_AFTER.matcher(t).region(m.end(), t.length()).lookingAt()) {
      return null;
    }
    if (cue.requiredAfter() != null
        && !cue.requiredAfter().matcher(t).region(m.end(), Math.min(t.length(), m.end() + WINDOW)).lookingAt()) {
      return null;
    }
    if (named.isBefore(messageDate.minusDays(STALE_GRACE_DAYS)) || named.isAfter(messageDate.plusDays(MAX_AHEAD_DAYS))) {
      return null;
    }
    return cue.kind() == Kind.UNTIL ? named.plusDays(1) : named;
  }

  private static LocalDate named(Matcher m, Lang lang, LocalDate messageDate) {
    if (m.group("iy") != null) {
      return Dates.dateOrNull(Dates.number(m, "iy"), Dates.number(m, "im"), Dates.number(m, "id"));
    }
    if (m.group("na") != null) {
      int a = Dates.number(m, "na");
      int b = Dates.number(m, "nb");
      Integer year = m.group("ny") == null ? null : Dates.number(m, "ny");
      // Slashes are month-first in English (US), day-first elsewhere; dots are always day-first.
      boolean monthFirst = lang == Lang.EN && m.group("sep").equals("/");
      LocalDate d = resolve(monthFirst ? b : a, monthFirst ? a : b, year, messageDate);
      return d != null ? d : resolve(monthFirst ? a : b, monthFirst ? b : a, year, messageDate);
    }
    if (m.group("dd") != null) {
      return resolve(Dates.number(m, "dd"), MONTHS.get(m.group("dm")), m.group("dy") == null ? null : Dates.number(m, "dy"), messageDate);
    }
    if (m.group("mm") != null) {
      return resolve(Dates.number(m, "md"), MONTHS.get(m.group("mm")), m.group("my") == null ? null : Dates.number(m, "my"), messageDate);
    }
    if (m.group("wd") != null) {
      return messageDate.with(TemporalAdjusters.next(WEEKDAYS.get(m.group("wd"))));
    }
    return null;
  }

  /**
   * The date of that day and month; without a year, the first occurrence that is not more than
   * {@link #STALE_GRACE_DAYS} before the message (in practice: the next one on or after it).
   */
  private static LocalDate resolve(int day, int month, Integer year, LocalDate messageDate) {
    if (year != null) {
      return Dates.dateOrNull(year < 100 ? 2000 + year : year, month, day);
    }
    LocalDate earliest = messageDate.minusDays(STALE_GRACE_DAYS);
    for (int y = messageDate.getYear() - 1; y <= messageDate.getYear() + 1; y++) {
      LocalDate d = Dates.dateOrNull(y, month, day);
      if (d != null && !d.isBefore(earliest)) {
        return d;
      }
    }
    return null;
  }

  private static String alternation(java.util.Set<String> words) {
    return words.stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
  }

  private static Pattern compile(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  }
}
