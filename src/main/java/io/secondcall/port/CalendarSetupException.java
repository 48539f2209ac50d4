package io.secondcall.port;

/**
 * The calendar does not fit the config: e.g. a CalDAV URL that names a user's home or principal
 * rather than a calendar. Like {@link MailboxSetupException}, a retry will not help until the
 * user changes the config; {@code check} exits 2 on it.
 */
public class CalendarSetupException extends MailboxSetupException {

  private static final long serialVersionUID = 1L;

  /**
   * @param key the config key that fixes it, e.g. {@code calendar.caldav.url}
   * @param message what is wrong and how to fix it, on one line
   */
  public CalendarSetupException(String key, String message) {
    super(key, message, null);
  }
}
