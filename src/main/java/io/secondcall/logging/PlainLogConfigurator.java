package io.secondcall.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The logging set-up, in code rather than {@code logback.xml}: reading XML loads logback's whole
 * configuration machinery (about 500 classes, a fifth of a one-shot command's start-up) to build
 * the same four objects. Found by logback through {@code META-INF/services}, ranked above its own
 * file lookup, so a stray {@code logback.xml} on the class path changes nothing.
 *
 * <p>One line per action on standard error, no timestamp: under systemd journald adds its own.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_TOP_PRIORITY)
public final class PlainLogConfigurator extends ContextAwareBase implements Configurator {

  /** Libraries that are chatty at INFO about things the user cannot act on. */
  static final Map<String, Level> QUIETER = Map.of(
      // GreenMail runs only the demo; its parser warns about message types it does not know.
      "com.icegreen", Level.ERROR,
      "org.eclipse.angus", Level.WARN,
      "org.sqlite", Level.WARN,
      "de.focus_shift", Level.WARN,
      "net.fortuna.ical4j", Level.WARN);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(standardError(context));
    QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  static ConsoleAppender<ILoggingEvent> standardError(LoggerContext context) {
    SafeLineLayout layout = new SafeLineLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("STDERR");
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    return appender;
  }
}
