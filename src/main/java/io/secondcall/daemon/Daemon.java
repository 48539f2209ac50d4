package io.secondcall.daemon;

import io.secondcall.core.Backoff;
import io.secondcall.port.MailboxSetupException;
import io.secondcall.port.ServerAccessException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of {@code secondcall run}: a cycle, then a wait, until stopped. Every cycle is
 * guarded so that one failure never ends the daemon (as a ScheduledExecutorService would
 * silently do); an unreachable server is retried with backoff.
 *
 * <p>{@link #stop()} may come from another thread (the signal handler): it ends a wait at once,
 * and lets a cycle in progress run to its end, after which the loop ends without another wait.
 */
public final class Daemon {

  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  private final String account;
  private final Runnable cycle;
  private final Duration poll;
  private final Waiter waiter;
  private final Backoff backoff;
  /** The mailbox setup problem last logged, so that it is logged once and not every cycle. */
  private String lastSetupProblem;
  private final AtomicBoolean stopping = new AtomicBoolean();

  public Daemon(String account, Runnable cycle, Duration poll, Waiter waiter) {
    this(account, cycle, poll, waiter, new Backoff(() -> ThreadLocalRandom.current().nextDouble()));
  }

  /** @param backoff the waits after failing to reach the server; tests give it a fixed jitter */
  Daemon(String account, Runnable cycle, Duration poll, Waiter waiter, Backoff backoff) {
    this.account = Objects.requireNonNull(account, "account");
    this.cycle = Objects.requireNonNull(cycle, "cycle");
    this.poll = Objects.requireNonNull(poll, "poll");
    this.waiter = Objects.requireNonNull(waiter, "waiter");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
  }

  /** Runs until {@link #stop()} or an interrupt; returns normally. */
  public void run() {
    LOG.info("{} started, checking every {} s", account, poll.toSeconds());
    while (!stopping.get() && !Thread.currentThread().isInterrupted()) {
      Duration wait = runOnce();
      if (stopping.get()) {
        break;
      }
      try {
        waiter.await(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    LOG.info("{} stopped", account);
  }

  /** One guarded cycle; returns how long to wait before the next. */
  Duration runOnce() {
    try {
      cycle.run();
      lastSetupProblem = null;
      if (backoff.failures() > 0) {
        LOG.info("{} connection restored", account);
      }
      backoff.reset();
      return poll;
    } catch (ServerAccessException e) {
      Duration wait = backoff.next();
      LOG.warn("{} {} ({}), retrying in {} s", account, e.getMessage(),
          e.isTransient() ? "unreachable" : "login refused", wait.toSeconds());
      return wait;
    } catch (MailboxSetupException e) {
      // The user has to change the config or the server: no backoff, and one line, not one per cycle.
      if (!e.getMessage().equals(lastSetupProblem)) {
        LOG.error("{} {} (fix {}; checking again every {} s)", account, e.getMessage(), e.key(), poll.toSeconds());
        lastSetupProblem = e.getMessage();
      }
      return poll;
    } catch (RuntimeException e) {
      LOG.error("{} cycle failed: {}", account, e.toString(), e);
      return poll;
    }
  }

  /** Ends the loop: at once when it waits, after the cycle in progress otherwise. Idempotent. */
  public void stop() {
    if (stopping.compareAndSet(false, true)) {
      LOG.info("{} stopping", account);
    }
    waiter.wakeForStop();
  }
}
