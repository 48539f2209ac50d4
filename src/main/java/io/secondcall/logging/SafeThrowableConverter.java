package io.secondcall.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import io.secondcall.core.SafeText;
import java.util.Arrays;

/**
 * {@code %safeEx}: stack traces as usual, but each exception's message (of the causes and the
 * suppressed ones too) on one line as {@link SafeText#logLine} makes it. Exception messages
 * quote servers and mail ("550 <a\r\nWARN forged>"); the frames below them are our own code.
 */
public final class SafeThrowableConverter extends ThrowableProxyConverter {

  @Override
  protected String throwableProxyToString(IThrowableProxy tp) {
    return super.throwableProxyToString(SafeProxy.of(tp));
  }

  /** A throwable whose messages are made safe, everything else as it was. */
  private record SafeProxy(IThrowableProxy raw) implements IThrowableProxy {

    static IThrowableProxy of(IThrowableProxy tp) {
      return tp == null || tp instanceof SafeProxy ? tp : new SafeProxy(tp);
    }

    @Override
    public String getMessage() {
      return safe(raw.getMessage());
    }

    @Override
    public String getOverridingMessage() {
      return safe(raw.getOverridingMessage());
    }

    @Override
    public String getClassName() {
      return raw.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return raw.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return raw.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      return of(raw.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] suppressed = raw.getSuppressed();
      return suppressed == null ? null : Arrays.stream(suppressed).map(SafeProxy::of).toArray(IThrowableProxy[]::new);
    }

    @Override
    public boolean isCyclic() {
      return raw.isCyclic();
    }

    private static String safe(String message) {
      return message == null ? null : SafeText.logLine(message);
    }
  }
}
