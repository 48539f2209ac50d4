package io.secondcall.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The shipped logging configuration, fed hostile values from mail: no value starts a journal
 * line of its own, none reaches the reader's terminal as an escape code.
 */
class SafeLogLinesTest {

  static final String HOSTILE_NAME = "J\u00fcrgen\nWARN  dana@example.com login failed\r\u001B[2J\u0085\u2028\u202Eexe";

  /** Configures a private logback context as the product does and returns what its appender writes. */
  static String logThrough(Consumer<Logger> logging) {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    new PlainLogConfigurator().configure(context);
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    @SuppressWarnings("unchecked")
    OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDERR");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    appender.setOutputStream(out);
    logging.accept(context.getLogger("io.secondcall.engine.Cycle"));
    context.stop();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void logbackFindsTheSafeLayoutWithoutAnyConfigurationFile() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(OutputStreamAppender.class,
        appender -> assertThat(appender.getEncoder()).isInstanceOfSatisfying(LayoutWrappingEncoder.class,
            encoder -> assertThat(encoder.getLayout()).isInstanceOf(SafeLineLayout.class)));
  }

  @Test
  void chattyLibrariesAreHeldBackAndSecondcallLogsAtInfo() {
    String out = logThrough(log -> {
      LoggerContext context = log.getLoggerContext();
      context.getLogger("org.eclipse.angus.mail.imap").info("IMAPStore connected");
      context.getLogger("com.icegreen.greenmail.Parser").warn("unknown type");
      log.info("dana@example.com drafted step 1");
    });

    assertThat(out.lines()).containsExactly("INFO  dana@example.com drafted step 1");
  }

  @Test
  void aDisplayNameCannotForgeAJournalLine() {
    String out = logThrough(log -> log.info("dana@example.com <j@x.example> {} drafted step 1", HOSTILE_NAME));

    assertThat(out.lines()).singleElement().satisfies(line -> {
      assertThat(line).startsWith("INFO ").contains("J\u00fcrgen\\nWARN  dana@example.com login failed\\r\\u001b[2J"
          + "\\u0085\\u2028\\u202eexe drafted step 1");
      assertThat(line).doesNotContain("\u001B", "\r", "\u0085", "\u2028", "\u202E");
    });
  }

  @Test
  void exceptionMessagesStayOnTheirLine() {
    Exception cause = new IllegalArgumentException("550 <a@x>\r\nERROR forged cause");
    Exception e = new IllegalStateException("answered\nWARN  forged\u001B]0;owned\u0007", cause);
    e.addSuppressed(new RuntimeException("suppressed\nINFO  forged"));

    String out = logThrough(log -> log.warn("dana@example.com reading INBOX failed", e));

    List<String> lines = out.lines().toList();
    assertThat(lines.get(0)).startsWith("WARN ").endsWith("dana@example.com reading INBOX failed");
    // After the message line: exception headers and frames only, each message on its own header line.
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("\t") || l.startsWith("java.lang.")
        || l.startsWith("Caused by: "));
    assertThat(out).contains("java.lang.IllegalStateException: answered\\nWARN  forged\\u001b]0;owned\\u0007")
        .contains("Caused by: java.lang.IllegalArgumentException: 550 <a@x>\\r\\nERROR forged cause")
        .contains("Suppressed: java.lang.RuntimeException: suppressed\\nINFO  forged")
        .doesNotContain("\u001B", "\r");
  }
}
