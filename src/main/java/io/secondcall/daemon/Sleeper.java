package io.secondcall.daemon;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits out the time on a latch rather than in {@code Thread.sleep}, so that a stop request
 * from the signal handler ends the wait without interrupting the daemon's thread (an interrupt
 * would also abort whatever I/O a cycle is doing).
 */
final class Sleeper implements Waiter {

  private final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public void await(Duration max) throws InterruptedException {
    stop.await(max.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void wakeForStop() {
    stop.countDown();
  }
}
