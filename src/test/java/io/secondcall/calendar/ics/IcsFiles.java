package io.secondcall.calendar.ics;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Test helpers: sample files from src/test/resources/ics and the log lines of this package. */
final class IcsFiles {

  private IcsFiles() {}

  /** Copies the sample {@code name} into {@code dir}. */
  static Path sample(Path dir, String name) {
    return copy(dir, "/ics/" + name);
  }

  /** Copies the test resource at {@code path} (e.g. {@code /ical/google.ics}) into {@code dir}. */
  static Path copy(Path dir, String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    try (InputStream in = IcsFiles.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + path);
      }
      Path file = dir.resolve(name);
      Files.copy(in, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Collects what this package and the shared iCalendar reader log until {@link Captured#close()}. */
  static Captured captureLog() {
    return new Captured();
  }

  static final class Captured implements AutoCloseable {

    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger("io.secondcall.calendar.ics"),
        (Logger) LoggerFactory.getLogger("io.secondcall.calendar.ical"));
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private Captured() {
      appender.start();
      loggers.forEach(logger -> logger.addAppender(appender));
    }

    /** "LEVEL message" per logged line. */
    List<String> lines() {
      return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Override
    public void close() {
      loggers.forEach(logger -> logger.detachAppender(appender));
    }
  }
}
