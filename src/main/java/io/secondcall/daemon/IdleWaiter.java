package io.secondcall.daemon;

import io.secondcall.port.ServerAccessException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Waits with IMAP IDLE where the server offers it, so that new mail starts the next cycle at
 * once; else, or when the server cannot be reached, sleeps. Either way a stop ends the wait at
 * once: the IDLE connection is closed rather than left to run out (up to the poll interval).
 *
 * <p>An IDLE that breaks (the server restarted, the connection was cut) would leave the daemon
 * deaf to new mail until the next poll; so the next cycle comes after {@link #AFTER_BROKEN_IDLE}
 * instead, logs in again and idles anew. Only once in a row: where IDLE itself keeps failing,
 * the daemon polls at the usual interval rather than every few seconds.
 */
public final class IdleWaiter implements Waiter {

  /** How soon the next cycle comes after an IDLE broke. */
  static final Duration AFTER_BROKEN_IDLE = Duration.ofSeconds(15);

  private final BooleanSupplier supportsIdle;
  private final Consumer<Duration> idle;
  private final Runnable endIdle;
  private final Waiter sleeper;
  private volatile boolean stopped;
  private boolean lastIdleBroke;

  /**
   * @param supportsIdle whether the server offers IDLE; may log in, may throw {@link ServerAccessException}
   * @param idle waits up to the given time for a change in the inbox; throws {@link ServerAccessException} when the IDLE breaks
   * @param endIdle ends a running {@code idle} from another thread and makes later ones return at once
   */
  public IdleWaiter(BooleanSupplier supportsIdle, Consumer<Duration> idle, Runnable endIdle) {
    this(supportsIdle, idle, endIdle, new Sleeper());
  }

  IdleWaiter(BooleanSupplier supportsIdle, Consumer<Duration> idle, Runnable endIdle, Waiter sleeper) {
    this.supportsIdle = Objects.requireNonNull(supportsIdle, "supportsIdle");
    this.idle = Objects.requireNonNull(idle, "idle");
    this.endIdle = Objects.requireNonNull(endIdle, "endIdle");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  @Override
  public void await(Duration max) throws InterruptedException {
    if (stopped) {
      // Not even a login: a stop must not wait for a server that is slow to answer.
      return;
    }
    boolean idles;
    try {
      idles = supportsIdle.getAsBoolean();
    } catch (ServerAccessException e) {
      // The next cycle reports the failure and backs off; here we just wait.
      sleeper.await(max);
      return;
    }
    if (!idles) {
      sleeper.await(max);
      return;
    }
    try {
      idle.accept(max);
      lastIdleBroke = false;
    } catch (ServerAccessException e) {
      Duration wait = lastIdleBroke || max.compareTo(AFTER_BROKEN_IDLE) < 0 ? max : AFTER_BROKEN_IDLE;
      lastIdleBroke = true;
      sleeper.await(wait);
    }
  }

  @Override
  public void wakeForStop() {
    stopped = true;
    endIdle.run();
    sleeper.wakeForStop();
  }
}
