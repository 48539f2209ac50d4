package io.secondcall.daemon;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM (systemd's stop) and SIGINT (Ctrl-C) into a stop request, so that {@code run}
 * ends like any other command and exits 0, as SPEC section 8 requires.
 *
 * <p>Why not a shutdown hook: the JVM answers SIGTERM by running the hooks and then exiting with
 * 143 (128 + 15), however cleanly the hooks finish; only {@code Runtime.halt} in a hook could
 * change that, and halting skips the JVM's own clean-up (sqlite-jdbc's unpacked native library
 * would pile up in {@code state_dir}). Handling the signal instead leaves the JVM alone: the
 * daemon's thread returns and {@code main} exits normally.
 *
 * <p>The handler is installed through {@code sun.misc.Signal}, one of the critical internal APIs
 * that JEP 260 keeps accessible (module {@code jdk.unsupported}) because applications need it
 * for this. It is reached by reflection because javac warns on every direct use and that warning
 * cannot be suppressed. Where it is unavailable, a shutdown hook does the same work: the stop is
 * as quick, but the exit status is the JVM's 143.
 */
public final class StopSignals implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
  private static final List<String> SIGNALS = List.of("TERM", "INT");

  private final CountDownLatch closed = new CountDownLatch(1);
  private final String label;
  private final Runnable onStop;
  private final Duration grace;
  private Method handle;
  /** Pairs of (signal, the handler it had before), to put back on close. */
  private final List<Object[]> previous = new ArrayList<>();
  private Thread hook;

  private StopSignals(String label, Runnable onStop, Duration grace) {
    this.label = label;
    this.onStop = onStop;
    this.grace = grace;
  }

  /**
   * Runs {@code onStop} on SIGTERM or SIGINT, on a thread of its own each time, until closed.
   * {@code onStop} must be idempotent and return quickly: systemd and impatient users send a
   * signal twice. When this is not closed within {@code grace} of a signal, the process exits 0
   * anyway: a cycle stuck on a slow server must not turn a stop into systemd's SIGKILL, and
   * cutting it short is safe because every write is crash-safe (SPEC section 10).
   *
   * @param label the account, for the log
   */
  public static StopSignals install(String label, Runnable onStop, Duration grace) {
    StopSignals signals = new StopSignals(Objects.requireNonNull(label, "label"),
        Objects.requireNonNull(onStop, "onStop"), Objects.requireNonNull(grace, "grace"));
    try {
      signals.handleSignals();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.debug("{} no signal handling ({}); stopping through a shutdown hook instead", label, e.toString());
      signals.hook = new Thread(signals::stopFromHook, "secondcall-stop");
      Runtime.getRuntime().addShutdownHook(signals.hook);
    }
    return signals;
  }

  private void handleSignals() throws ReflectiveOperationException {
    Class<?> signalType = Class.forName("sun.misc.Signal");
    Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
    Method handleMethod = signalType.getMethod("handle", signalType, handlerType);
    Object handler = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handlerType},
        (proxy, method, args) -> switch (method.getName()) {
          case "handle" -> {
            stopFromSignal(args[0]);
            yield null;
          }
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "secondcall stop handler";
        });
    handle = handleMethod;
    for (String name : SIGNALS) {
      Object signal = signalType.getConstructor(String.class).newInstance(name);
      previous.add(new Object[] {signal, handleMethod.invoke(null, signal, handler)});
    }
  }

  /** On the JVM's thread for this signal, which may block. */
  private void stopFromSignal(Object signal) {
    LOG.debug("{} {} received", label, signal);
    onStop.run();
    try {
      if (!closed.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} still busy {} s after {}; exiting now, the next start completes the cycle", label,
            grace.toSeconds(), signal);
        System.exit(0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** In a shutdown hook the JVM decides the exit status; waiting longer than the grace only delays it. */
  private void stopFromHook() {
    onStop.run();
    try {
      closed.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Gives the signals back to the JVM's own handling; a handler waiting out the grace returns. */
  @Override
  public void close() {
    closed.countDown();
    for (Object[] pair : previous) {
      try {
        handle.invoke(null, pair[0], pair[1]);
      } catch (IllegalAccessException | InvocationTargetException e) {
        LOG.debug("{} restoring the handler of {}: {}", label, pair[0], e.toString());
      }
    }
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down already: the hook runs or ran, as it should.
      }
    }
  }
}
