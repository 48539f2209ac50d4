package io.secondcall.corpus;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.secondcall.logging.SafeLineLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records what secondcall logs during the scans, at INFO as {@code run} logs (a one-shot scan sets
 * the root to WARN; the {@code io.secondcall} logger is held at INFO here), each event rendered
 * with the product's own layout ({@link SafeLineLayout}), as the journal would show it. Events of secondcall go only here, not to the test's console.
 */
final class LogCapture implements AutoCloseable {

  /** One logging event: during which scan, from which logger, and its text as the journal shows it. */
  record Event(int scan, Level level, String logger, String message, boolean throwable, String rendered) {
    boolean secondcall() {
      return logger.startsWith("io.secondcall");
    }
  }

  private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
  private final Logger secondcall;
  private final Logger root;
  private final AppenderBase<ILoggingEvent> appender;
  private final Level previousLevel;
  private volatile int scan;

  private LogCapture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    SafeLineLayout layout = new SafeLineLayout();
    layout.setContext(context);
    // Without the stack trace: each logged event is one journal line unless its message breaks it.
    layout.setStackTraces(false);
    layout.start();
    appender = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent e) {
        events.add(new Event(scan, e.getLevel(), e.getLoggerName(), e.getFormattedMessage(),
            e.getThrowableProxy() != null, layout.doLayout(e)));
      }
    };
    appender.setContext(context);
    appender.setName("corpus-capture");
    appender.start();
    secondcall = context.getLogger("io.secondcall");
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    previousLevel = secondcall.getLevel();
    secondcall.setLevel(Level.INFO);
    secondcall.setAdditive(false);
    secondcall.addAppender(appender);
    root.addAppender(appender);
  }

  static LogCapture start() throws IOException {
    return new LogCapture();
  }

  /** Events from now on belong to scan {@code n}. */
  void scan(int n) {
    scan = n;
  }

  List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** The whole log as the journal would hold it, for reading after a failure. */
  void writeTo(Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Event e : events()) {
      sb.append(Printable.of(e.rendered().stripTrailing())).append('\n');
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    secondcall.detachAppender(appender);
    root.detachAppender(appender);
    secondcall.setAdditive(true);
    secondcall.setLevel(previousLevel);
    appender.stop();
  }
}
