package io.secondcall.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.secondcall.core.SafeText;

/**
 * {@code %safeMsg}: the formatted message as {@link SafeText#logLine} makes it. Log messages
 * carry names, subjects and server answers from mail; written raw, a CR/LF in one of them starts
 * a forged journal line ({@code WARN ... login failed}) and an escape code drives the terminal
 * of whoever reads the log. Doing it here, for every message, means no call site can forget.
 */
public final class SafeMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return SafeText.logLine(super.convert(event));
  }
}
