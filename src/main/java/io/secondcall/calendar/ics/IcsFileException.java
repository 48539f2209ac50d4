package io.secondcall.calendar.ics;

import io.secondcall.port.CalendarDataException;
import java.nio.file.Path;

/**
 * The calendar file cannot be used: it is not iCalendar, or it cannot be read or written. The
 * message is one line naming the file and what is wrong; the engine reports it and skips calendar
 * work for the cycle. The file is never overwritten after this was thrown for it.
 */
public class IcsFileException extends CalendarDataException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public IcsFileException(Path file, String problem, Throwable cause) {
    super("calendar file " + file + ": " + problem, cause);
    this.file = file;
  }

  /** The calendar file this is about. */
  public Path file() {
    return file;
  }
}
