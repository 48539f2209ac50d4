package io.secondcall.google;

import io.secondcall.config.CalendarSettings;
import io.secondcall.config.Config;
import io.secondcall.config.MailSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OAuth scopes secondcall asks Google for: only those of the providers the config uses, and
 * for Gmail four narrow ones instead of {@code gmail.modify}, which would also let it change the
 * labels of any message and move mail to the trash. None of them allows deleting mail for good.
 */
public final class GoogleScopes {

  private static final String PREFIX = "https://www.googleapis.com/auth/";

  /** Reads Sent, the inbox, the stop label and their changes (history); sees the drafts it made. */
  public static final String GMAIL_READONLY = PREFIX + "gmail.readonly";
  /** Creates, replaces and deletes drafts. (Google lets this scope send mail too; secondcall never does.) */
  public static final String GMAIL_COMPOSE = PREFIX + "gmail.compose";
  /** Puts the digest into the inbox without sending it. */
  public static final String GMAIL_INSERT = PREFIX + "gmail.insert";
  /** Creates the stop label ({@code followup.stop_folder}) when it does not exist yet. */
  public static final String GMAIL_LABELS = PREFIX + "gmail.labels";
  /**
   * Reads events (busy time, meetings with prospects) and writes the callback blocks. The
   * gateway uses only {@code events.*}, so neither the calendar list nor the calendars' settings
   * ({@code calendar} or {@code calendar.readonly}) are needed.
   */
  public static final String CALENDAR_EVENTS = PREFIX + "calendar.events";

  private static final List<String> GMAIL = List.of(GMAIL_READONLY, GMAIL_COMPOSE, GMAIL_INSERT, GMAIL_LABELS);

  private GoogleScopes() {}

  /** The scopes the providers of {@code config} need; empty when nothing uses Google. */
  public static List<String> needed(Config config) {
    List<String> scopes = new ArrayList<>();
    if (config.mail().provider() == MailSettings.Provider.GMAIL) {
      scopes.addAll(GMAIL);
    }
    if (config.calendar().provider() == CalendarSettings.Provider.GOOGLE) {
      scopes.add(CALENDAR_EVENTS);
    }
    return List.copyOf(scopes);
  }

  /** What of {@code needed} the space-separated {@code granted} (an OAuth {@code scope} value) lacks. */
  public static List<String> missing(String granted, List<String> needed) {
    Set<String> have = granted == null ? Set.of() : Arrays.stream(granted.trim().split("\\s+")).collect(Collectors.toSet());
    return needed.stream().filter(s -> !have.contains(s)).toList();
  }

  /** {@code gmail.readonly, calendar.events}: the scopes without Google's URL prefix, for people. */
  public static String names(List<String> scopes) {
    return scopes.stream().map(s -> s.startsWith(PREFIX) ? s.substring(PREFIX.length()) : s)
        .collect(Collectors.joining(", "));
  }

  /** The same for a space-separated {@code scope} value. */
  public static String names(String scope) {
    return scope == null || scope.isBlank() ? "none" : names(List.of(scope.trim().split("\\s+")));
  }
}
