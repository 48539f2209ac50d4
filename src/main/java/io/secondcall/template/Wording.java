package io.secondcall.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * The words the code itself puts into a draft, per language: dates and times in words, how long
 * ago, the greeting and sign-off used when the user's own mail shows none, the gap left for the
 * meeting recap. The templates hold everything else.
 */
abstract class Wording {

  /** The languages with built-in templates, by ISO 639-1 code. */
  static final Map<String, Wording> BY_LANGUAGE = Map.of(
      "en", new English(), "de", new German(), "fr", new French(), "es", new Spanish());

  static Wording of(String language) {
    return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get("en"));
  }

  final Locale locale;

  Wording(Locale locale) {
    this.locale = locale;
  }

  /** "Tuesday, 17 November", with the year when it is not this year's. */
  String date(Instant t, ZoneId zone, Instant now) {
    ZonedDateTime at = t.atZone(zone);
    boolean thisYear = at.getYear() == now.atZone(zone).getYear();
    return DateTimeFormatter.ofPattern(datePattern(at, thisYear), locale).format(at);
  }

  /** "Thursday, 19 November at 10:30" (24-hour clock). */
  String dateTime(Instant t, ZoneId zone, Instant now) {
    return date(t, zone, now) + atTime(t.atZone(zone));
  }

  abstract String datePattern(ZonedDateTime at, boolean thisYear);

  abstract String atTime(ZonedDateTime at);

  /** Added after a time given in the reader's zone rather than the user's. */
  abstract String theirTime();

  /** "3 days ago" and its kin. */
  String ago(Instant then, Instant now, ZoneId zone) {
    long days = ChronoUnit.DAYS.between(then.atZone(zone).toLocalDate(), now.atZone(zone).toLocalDate());
    if (days <= 0) {
      return ago(Span.TODAY, 0);
    } else if (days == 1) {
      return ago(Span.YESTERDAY, 1);
    } else if (days < 7) {
      return ago(Span.DAYS, days);
    } else if (days < 14) {
      return ago(Span.LAST_WEEK, 1);
    } else if (days < 28) {
      return ago(Span.WEEKS, days / 7);
    } else if (days < 60) {
      return ago(Span.LAST_MONTH, 1);
    } else if (days < 365) {
      return ago(Span.MONTHS, days / 30);
    }
    return ago(Span.OVER_A_YEAR, 1);
  }

  enum Span { TODAY, YESTERDAY, DAYS, LAST_WEEK, WEEKS, LAST_MONTH, MONTHS, OVER_A_YEAR }

  abstract String ago(Span span, long n);

  /** The greeting when the user's mail shows none; {@code first} and {@code full} may be empty. */
  abstract String greeting(String first, String full);

  abstract String signOff();

  /** Left in a recap where the meeting entry marked nothing to recall: the user fills it in. */
  abstract String recapGap();

  static final class English extends Wording {
    English() {
      super(Locale.ENGLISH);
    }

    @Override String datePattern(ZonedDateTime at, boolean thisYear) {
      return thisYear ? "EEEE, d MMMM" : "EEEE, d MMMM yyyy";
    }

    @Override String atTime(ZonedDateTime at) {
      return " at " + DateTimeFormatter.ofPattern("HH:mm").format(at);
    }

    @Override String theirTime() {
      return " (your time)";
    }

    @Override String ago(Span span, long n) {
      return switch (span) {
        case TODAY -> "today";
        case YESTERDAY -> "yesterday";
        case DAYS -> n + " days ago";
        case LAST_WEEK -> "last week";
        case WEEKS -> n + " weeks ago";
        case LAST_MONTH -> "last month";
        case MONTHS -> n + " months ago";
        case OVER_A_YEAR -> "over a year ago";
      };
    }

    @Override String greeting(String first, String full) {
      return first.isEmpty() ? "Hello," : "Hi " + first + ",";
    }

    @Override String signOff() {
      return "Best regards,";
    }

    @Override String recapGap() {
      return "[what we agreed]";
    }
  }

  static final class German extends Wording {
    German() {
      super(Locale.GERMAN);
    }

    @Override String datePattern(ZonedDateTime at, boolean thisYear) {
      return thisYear ? "EEEE, d. MMMM" : "EEEE, d. MMMM yyyy";
    }

    @Override String atTime(ZonedDateTime at) {
      return " um " + DateTimeFormatter.ofPattern("HH:mm").format(at) + " Uhr";
    }

    @Override String theirTime() {
      return " (Ihre Ortszeit)";
    }

    @Override String ago(Span span, long n) {
      return switch (span) {
        case TODAY -> "heute";
        case YESTERDAY -> "gestern";
        case DAYS -> "vor " + n + " Tagen";
        case LAST_WEEK -> "letzte Woche";
        case WEEKS -> "vor " + n + " Wochen";
        case LAST_MONTH -> "letzten Monat";
        case MONTHS -> "vor " + n + " Monaten";
        case OVER_A_YEAR -> "vor über einem Jahr";
      };
    }

    // "Guten Tag Anna Schmidt," is polite whether the user says du or Sie; a first name alone is not.
    @Override String greeting(String first, String full) {
      return full.isEmpty() ? "Guten Tag," : "Guten Tag " + full + ",";
    }

    @Override String signOff() {
      return "Beste Grüße";
    }

    @Override String recapGap() {
      return "[was wir vereinbart haben]";
    }
  }

  static final class French extends Wording {
    French() {
      super(Locale.FRENCH);
    }

    // "mardi 1er décembre": the first of the month is an ordinal in French.
    @Override String datePattern(ZonedDateTime at, boolean thisYear) {
      String day = at.getDayOfMonth() == 1 ? "EEEE '1er' MMMM" : "EEEE d MMMM";
      return thisYear ? day : day + " yyyy";
    }

    @Override String atTime(ZonedDateTime at) {
      return " à " + DateTimeFormatter.ofPattern("H 'h' mm").format(at);
    }

    @Override String theirTime() {
      return " (votre heure locale)";
    }

    @Override String ago(Span span, long n) {
      return switch (span) {
        case TODAY -> "aujourd'hui";
        case YESTERDAY -> "hier";
        case DAYS -> "il y a " + n + " jours";
        case LAST_WEEK -> "la semaine dernière";
        case WEEKS -> "il y a " + n + " semaines";
        case LAST_MONTH -> "le mois dernier";
        case MONTHS -> "il y a " + n + " mois";
        case OVER_A_YEAR -> "il y a plus d'un an";
      };
    }

    @Override String greeting(String first, String full) {
      return full.isEmpty() ? "Bonjour," : "Bonjour " + full + ",";
    }

    @Override String signOff() {
      return "Bien cordialement,";
    }

    @Override String recapGap() {
      return "[ce que nous avons convenu]";
    }
  }

  static final class Spanish extends Wording {
    Spanish() {
      super(Locale.forLanguageTag("es"));
    }

    @Override String datePattern(ZonedDateTime at, boolean thisYear) {
      return thisYear ? "EEEE, d 'de' MMMM" : "EEEE, d 'de' MMMM 'de' yyyy";
    }

    @Override String atTime(ZonedDateTime at) {
      return (at.getHour() == 1 ? " a la " : " a las ") + DateTimeFormatter.ofPattern("H:mm").format(at);
    }

    @Override String theirTime() {
      return " (su hora local)";
    }

    @Override String ago(Span span, long n) {
      return switch (span) {
        case TODAY -> "hoy";
        case YESTERDAY -> "ayer";
        case DAYS -> "hace " + n + " días";
        case LAST_WEEK -> "la semana pasada";
        case WEEKS -> "hace " + n + " semanas";
        case LAST_MONTH -> "el mes pasado";
        case MONTHS -> "hace " + n + " meses";
        case OVER_A_YEAR -> "hace más de un año";
      };
    }

    @Override String greeting(String first, String full) {
      return first.isEmpty() ? "Buenos días," : "Hola " + first + ",";
    }

    @Override String signOff() {
      return "Un saludo,";
    }

    @Override String recapGap() {
      return "[lo que acordamos]";
    }
  }
}
