package io.secondcall.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.port.ServerAccessException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The IDLE waiter on a scripted mailbox: which wait it picks, and that a stop ends each of them. */
class IdleWaiterTest {

  static final long PATIENCE_SECONDS = DaemonTest.PATIENCE_SECONDS;

  /** A mailbox whose IDLE lasts until {@code endIdle}, as a quiet inbox does. */
  static final class ScriptedInbox {
    boolean idle = true;
    RuntimeException failure;
    final AtomicInteger logins = new AtomicInteger();
    final List<Duration> idles = new ArrayList<>();
    final CountDownLatch idling = new CountDownLatch(1);
    final CountDownLatch ended = new CountDownLatch(1);

    boolean supportsIdle() {
      logins.incrementAndGet();
      if (failure != null) {
        throw failure;
      }
      return idle;
    }

    void idle(Duration max) {
      synchronized (idles) {
        idles.add(max);
      }
      idling.countDown();
      try {
        if (!ended.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
          throw new AssertionError("the IDLE was never ended");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    IdleWaiter waiter() {
      return new IdleWaiter(this::supportsIdle, this::idle, ended::countDown);
    }
  }

  static Thread waitOn(Waiter waiter, Duration max) {
    Thread t = new Thread(() -> {
      try {
        waiter.await(max);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "waiting");
    t.start();
    return t;
  }

  static void assertEnds(Thread t) throws InterruptedException {
    t.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
    assertThat(t.isAlive()).as("the wait ended").isFalse();
  }

  @Test
  void aStopEndsTheRunningIdleAtOnce() throws Exception {
    ScriptedInbox inbox = new ScriptedInbox();
    IdleWaiter waiter = inbox.waiter();
    Thread t = waitOn(waiter, Duration.ofMinutes(5));
    assertThat(inbox.idling.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("it idles").isTrue();

    waiter.wakeForStop();

    assertEnds(t);
    assertThat(inbox.idles).containsExactly(Duration.ofMinutes(5));
  }

  @Test
  void afterAStopAWaitNeitherLogsInNorIdles() throws Exception {
    ScriptedInbox inbox = new ScriptedInbox();
    IdleWaiter waiter = inbox.waiter();

    waiter.wakeForStop();
    waiter.await(Duration.ofDays(1));

    assertThat(inbox.logins).hasValue(0);
    assertThat(inbox.idles).isEmpty();
  }

  @Test
  void withoutIdleOnTheServerItSleepsAndAStopEndsTheSleep() throws Exception {
    ScriptedInbox inbox = new ScriptedInbox();
    inbox.idle = false;
    IdleWaiter waiter = inbox.waiter();
    Thread t = waitOn(waiter, Duration.ofDays(1));

    waiter.wakeForStop();

    assertEnds(t);
    assertThat(inbox.idles).isEmpty();
  }

  @Test
  void anUnreachableServerMeansASleepThatAStopEnds() throws Exception {
    ScriptedInbox inbox = new ScriptedInbox();
    inbox.failure = new ServerAccessException("imap.example.com:993: cannot connect", "imap.example.com", 993, true,
        null);
    IdleWaiter waiter = inbox.waiter();
    Thread t = waitOn(waiter, Duration.ofDays(1));

    waiter.wakeForStop();

    assertEnds(t);
    assertThat(inbox.idles).isEmpty();
  }

  @Test
  void aBrokenIdleBringsTheNextCycleSoonButOnlyOnceInARow() throws Exception {
    List<Duration> sleeps = new ArrayList<>();
    RuntimeException[] idleFailure = {null};
    ServerAccessException restarted = new ServerAccessException("127.0.0.1:143: waiting for the inbox failed:"
        + " connection closed", "127.0.0.1", 143, true, null);
    IdleWaiter waiter = new IdleWaiter(() -> true, max -> {
      if (idleFailure[0] != null) {
        throw idleFailure[0];
      }
    }, () -> { }, sleeps::add);
    Duration poll = Duration.ofHours(1);

    idleFailure[0] = restarted;
    waiter.await(poll);
    assertThat(sleeps).as("the server restarted: a cycle soon logs in again and idles anew")
        .containsExactly(IdleWaiter.AFTER_BROKEN_IDLE);
    waiter.await(poll);
    assertThat(sleeps).as("IDLE broke again at once: no faster polling than configured")
        .containsExactly(IdleWaiter.AFTER_BROKEN_IDLE, poll);

    idleFailure[0] = null;
    waiter.await(poll);
    idleFailure[0] = restarted;
    waiter.await(poll);
    assertThat(sleeps).as("after an IDLE that worked, a break is a break again")
        .containsExactly(IdleWaiter.AFTER_BROKEN_IDLE, poll, IdleWaiter.AFTER_BROKEN_IDLE);
  }

  @Test
  void aBrokenIdleNeverWaitsLongerThanThePoll() throws Exception {
    List<Duration> sleeps = new ArrayList<>();
    IdleWaiter waiter = new IdleWaiter(() -> true, max -> {
      throw new ServerAccessException("cut", "127.0.0.1", 143, true, null);
    }, () -> { }, sleeps::add);

    waiter.await(Duration.ofSeconds(5));

    assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
  }
}
