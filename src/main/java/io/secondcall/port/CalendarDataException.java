package io.secondcall.port;

/**
 * The calendar's own data cannot be used (a local calendar file that is not iCalendar, or cannot
 * be read or written). Unlike {@link ServerAccessException}, waiting does not help: the user has to
 * fix it. The message is one line naming the resource.
 */
public class CalendarDataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CalendarDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
