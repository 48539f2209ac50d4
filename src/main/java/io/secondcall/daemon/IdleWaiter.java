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
 */
public final class IdleWaiter implements Waiter {

  private final BooleanSupplier supportsIdle;
  private final Consumer<Duration> idle;
  private final Runnable endIdle;
  private final Waiter sleeper = new Sleeper();
  private volatile boolean stopped;

  /**
   * @param supportsIdle whether the server offers IDLE; may log in, may throw {@link ServerAccessException}
   * @param idle waits up to the given time for a change in the inbox
   * @param endIdle ends a running {@code idle} from another thread and makes later ones return at once
   */
  public IdleWaiter(BooleanSupplier supportsIdle, Consumer<Duration> idle, Runnable endIdle) {
    this.supportsIdle = Objects.requireNonNull(supportsIdle, "supportsIdle");
    this.idle = Objects.requireNonNull(idle, "idle");
    this.endIdle = Objects.requireNonNull(endIdle, "endIdle");
  }

  @Override
  public void await(Duration max) throws InterruptedException {
    if (stopped) {
      // Not even a login: a stop must not wait for a server that is slow to answer.
      return;
    }
    try {
      if (supportsIdle.getAsBoolean()) {
        idle.accept(max);
        return;
      }
    } catch (ServerAccessException e) {
      // The next cycle reports the failure and backs off; here we just wait.
    }
    sleeper.await(max);
  }

  @Override
  public void wakeForStop() {
    stopped = true;
    endIdle.run();
    sleeper.wakeForStop();
  }
}
