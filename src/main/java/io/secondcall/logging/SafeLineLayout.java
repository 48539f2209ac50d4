package io.secondcall.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import io.secondcall.core.SafeText;

/**
 * {@code LEVEL message}, then the stack trace if any: the one layout the product logs with.
 * Log messages carry names, subjects and server answers from mail; written raw, a CR/LF in one
 * of them starts a forged journal line ({@code WARN ... login failed}) and an escape code drives
 * the terminal of whoever reads the log. The message passes through {@link SafeText#logLine}
 * here, for every event, so no call site can forget; exception messages likewise through
 * {@link SafeThrowableConverter}.
 */
public final class SafeLineLayout extends LayoutBase<ILoggingEvent> {

  private final SafeThrowableConverter throwables = new SafeThrowableConverter();
  private boolean stackTraces = true;

  /** Without stack traces each event is one line: for readers that want the journal line only. */
  public void setStackTraces(boolean stackTraces) {
    this.stackTraces = stackTraces;
  }

  @Override
  public void start() {
    throwables.setContext(getContext());
    throwables.start();
    super.start();
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    String level = event.getLevel().toString();
    StringBuilder line = new StringBuilder(128).append(level);
    line.append(" ".repeat(Math.max(1, 6 - level.length())));
    line.append(SafeText.logLine(event.getFormattedMessage())).append(CoreConstants.LINE_SEPARATOR);
    if (stackTraces && event.getThrowableProxy() != null) {
      line.append(throwables.convert(event));
    }
    return line.toString();
  }
}
