package io.secondcall.mail.gmail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The part of Gmail's search language the fake understands: {@code after:} and {@code before:}
 * (epoch seconds, or a day as {@code YYYY/MM/DD}, which Gmail reads as midnight Pacific time,
 * both on the receive time), {@code newer_than:Nd}, {@code subject:word} and
 * {@code rfc822msgid:id}. Anything else is refused, so that the adapter cannot come to rely on a
 * search the fake only pretends to run.
 */
final class FakeGmailQuery {

  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  private FakeGmailQuery() {}

  /** @throws IllegalArgumentException for a term the fake does not know */
  static Predicate<FakeGmailStore.Stored> parse(String q, Instant now) {
    Predicate<FakeGmailStore.Stored> all = m -> true;
    if (q == null || q.isBlank()) {
      return all;
    }
    for (String term : q.strip().split("\\s+")) {
      int colon = term.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("the fake does not search for free text: " + term);
      }
      String key = term.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = term.substring(colon + 1);
      all = all.and(switch (key) {
        case "after" -> m -> m.internalDate >= instant(value).toEpochMilli();
        case "before" -> m -> m.internalDate < instant(value).toEpochMilli();
        case "newer_than" -> m -> m.internalDate >= now.minus(days(value)).toEpochMilli();
        case "subject" -> m -> m.parsed.subject().toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
        case "rfc822msgid" -> m -> value.replace("<", "").replace(">", "").equals(m.parsed.messageId());
        default -> throw new IllegalArgumentException("the fake does not know " + key + ":");
      });
    }
    return all;
  }

  private static Instant instant(String value) {
    if (value.matches("\\d+")) {
      return Instant.ofEpochSecond(Long.parseLong(value));
    }
    return LocalDate.parse(value, DAY).atStartOfDay(PACIFIC).toInstant();
  }

  private static Duration days(String value) {
    if (!value.endsWith("d")) {
      throw new IllegalArgumentException("the fake knows newer_than in days only: " + value);
    }
    return Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)));
  }
}
