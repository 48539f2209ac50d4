package io.secondcall.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Log level by command: the daemon logs each action; one-shot commands print a report instead. */
final class Logging {

  private Logging() {}

  static void configure(boolean verbose) {
    root().setLevel(verbose ? Level.DEBUG : Level.WARN);
  }

  static void daemon(boolean verbose) {
    root().setLevel(verbose ? Level.DEBUG : Level.INFO);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
