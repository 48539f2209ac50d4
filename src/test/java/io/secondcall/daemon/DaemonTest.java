package io.secondcall.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.Backoff;
import io.secondcall.port.MailboxSetupException;
import io.secondcall.port.ServerAccessException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The daemon loop on one thread, with a scripted cycle and a waiter that records what it was
 * asked to wait and stops the daemon after a given number of waits: no sleeps, no clock.
 */
class DaemonTest {

  static final Duration POLL = Duration.ofMinutes(5);
  static final RuntimeException UNREACHABLE =
      new ServerAccessException("imap.example.com:993: cannot connect", "imap.example.com", 993, true, null);
  static final RuntimeException REFUSED =
      new ServerAccessException("imap.example.com:993: login refused", "imap.example.com", 993, false, null);
  static final RuntimeException BUG = new IllegalStateException("a bug in one cycle");

  static final Runnable OK = () -> {};
  /** More waits than any test asks for: past it, the loop is taken to ignore stop(). */
  static final int MAX_WAITS = 1000;

  static Runnable fails(RuntimeException e) {
    return () -> {
      throw e;
    };
  }

  /** Runs its script, one step per cycle, then succeeds. */
  static final class ScriptedCycle implements Runnable {
    private final Deque<Runnable> script;
    int runs;

    ScriptedCycle(Runnable... steps) {
      this.script = new ArrayDeque<>(Arrays.asList(steps));
    }

    ScriptedCycle then(Runnable step) {
      script.add(step);
      return this;
    }

    @Override
    public void run() {
      runs++;
      Runnable next = script.poll();
      if (next != null) {
        next.run();
      }
    }
  }

  /** Records each requested wait and stops the daemon at the {@code stopAfter}-th. */
  static final class RecordingWaiter implements Waiter {
    final List<Duration> waits = new ArrayList<>();
    final int stopAfter;
    Daemon daemon;

    RecordingWaiter(int stopAfter) {
      this.stopAfter = stopAfter;
    }

    @Override
    public void await(Duration max) throws InterruptedException {
      waits.add(max);
      if (waits.size() == stopAfter) {
        daemon.stop();
      }
      if (waits.size() > MAX_WAITS) {
        // An Error, which the daemon does not catch: a loop that ignores stop() fails instead of hanging.
        throw new AssertionError("the daemon went on after stop(): " + waits.size() + " waits");
      }
    }
  }

  @AfterEach
  void clearInterrupt() {
    // A test that interrupts its own thread must not leave the flag for the next one.
    Thread.interrupted();
  }

  static Daemon daemon(Runnable cycle, RecordingWaiter waiter) {
    return daemon(cycle, waiter, new Backoff(() -> 0));
  }

  static Daemon daemon(Runnable cycle, RecordingWaiter waiter, Backoff backoff) {
    Daemon daemon = new Daemon("dana@northwind.example", cycle, POLL, waiter, backoff);
    waiter.daemon = daemon;
    return daemon;
  }

  @Test
  void afterASuccessfulCycleItWaitsThePollInterval() {
    ScriptedCycle cycle = new ScriptedCycle();
    RecordingWaiter waiter = new RecordingWaiter(3);

    daemon(cycle, waiter).run();

    assertThat(cycle.runs).isEqualTo(3);
    assertThat(waiter.waits).containsExactly(POLL, POLL, POLL);
  }

  @Test
  void aMailboxSetupProblemIsNoOutage() {
    RuntimeException refused = new MailboxSetupException("mail.imap.drafts_folder",
        "the server refused to create the folder \"Drafts\" (mail.imap.drafts_folder): [NOPERM] Permission denied", null);
    ScriptedCycle cycle = new ScriptedCycle(fails(refused), fails(refused), fails(refused));
    RecordingWaiter waiter = new RecordingWaiter(4);

    daemon(cycle, waiter).run();

    assertThat(cycle.runs).isEqualTo(4);
    assertThat(waiter.waits).as("the user must act: no backoff, the poll interval").containsExactly(POLL, POLL, POLL, POLL);
  }

  @Test
  void aFailingCycleDoesNotEndTheLoop() {
    ScriptedCycle cycle = new ScriptedCycle(fails(BUG), fails(BUG), fails(BUG));
    RecordingWaiter waiter = new RecordingWaiter(4);

    daemon(cycle, waiter).run();

    assertThat(cycle.runs).isEqualTo(4);
    assertThat(waiter.waits).as("a bug is not the server's fault: no backoff").containsExactly(POLL, POLL, POLL, POLL);
  }

  @Test
  void anUnreachableServerIsRetriedAfterThirtySecondsDoublingToFifteenMinutes() {
    ScriptedCycle cycle = new ScriptedCycle(Collections.nCopies(8, fails(UNREACHABLE)).toArray(Runnable[]::new));
    RecordingWaiter waiter = new RecordingWaiter(8);

    daemon(cycle, waiter).run();

    assertThat(waiter.waits).containsExactly(
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
        Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15));
  }

  @Test
  void theWaitsAfterFailuresGetTheBackoffsJitter() {
    ScriptedCycle cycle = new ScriptedCycle(fails(UNREACHABLE), fails(UNREACHABLE), OK, fails(UNREACHABLE));
    RecordingWaiter waiter = new RecordingWaiter(4);

    daemon(cycle, waiter, new Backoff(() -> 0.5)).run();

    assertThat(waiter.waits).as("a tenth off each backoff wait, none off the poll interval")
        .containsExactly(Duration.ofSeconds(27), Duration.ofSeconds(54), POLL, Duration.ofSeconds(27));
  }

  @Test
  void aRefusedLoginIsRetriedWithBackoffTooWithoutEndingTheDaemon() {
    ScriptedCycle cycle = new ScriptedCycle(fails(REFUSED), fails(REFUSED), fails(REFUSED));
    RecordingWaiter waiter = new RecordingWaiter(3);

    daemon(cycle, waiter).run();

    assertThat(cycle.runs).isEqualTo(3);
    assertThat(waiter.waits).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2));
  }

  @Test
  void theBackoffStartsOverAfterASuccessfulCycle() {
    ScriptedCycle cycle = new ScriptedCycle(fails(UNREACHABLE), fails(UNREACHABLE), fails(UNREACHABLE), OK, fails(UNREACHABLE), OK);
    RecordingWaiter waiter = new RecordingWaiter(6);

    daemon(cycle, waiter).run();

    assertThat(waiter.waits).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
        POLL, Duration.ofSeconds(30), POLL);
  }

  @Test
  void stopEndsTheLoopAfterTheWaitInProgress() {
    ScriptedCycle cycle = new ScriptedCycle();
    RecordingWaiter waiter = new RecordingWaiter(2);

    daemon(cycle, waiter).run();

    assertThat(cycle.runs).as("no cycle after the wait that saw stop()").isEqualTo(2);
    assertThat(waiter.waits).hasSize(2);
  }

  @Test
  void stopDuringACycleEndsTheLoopWithoutAnotherWait() {
    RecordingWaiter waiter = new RecordingWaiter(MAX_WAITS);
    ScriptedCycle cycle = new ScriptedCycle(OK, OK);
    Daemon daemon = daemon(cycle, waiter);
    cycle.then(daemon::stop);

    daemon.run();

    assertThat(cycle.runs).isEqualTo(3);
    assertThat(waiter.waits).containsExactly(POLL, POLL);
  }

  @Test
  void aDaemonStoppedBeforeItRunsRunsNoCycle() {
    ScriptedCycle cycle = new ScriptedCycle();
    RecordingWaiter waiter = new RecordingWaiter(1);
    Daemon daemon = daemon(cycle, waiter);

    daemon.stop();
    daemon.run();

    assertThat(cycle.runs).isZero();
    assertThat(waiter.waits).isEmpty();
  }

  @Test
  void anInterruptDuringTheWaitEndsTheLoopAndKeepsTheInterruptFlag() {
    ScriptedCycle cycle = new ScriptedCycle();
    List<Duration> waits = new ArrayList<>();
    Waiter interrupted = max -> {
      waits.add(max);
      if (waits.size() == 2) {
        throw new InterruptedException("systemctl stop");
      }
      if (waits.size() > MAX_WAITS) {
        throw new AssertionError("the daemon went on after an interrupt");
      }
    };

    new Daemon("dana@northwind.example", cycle, POLL, interrupted).run();

    assertThat(cycle.runs).isEqualTo(2);
    assertThat(waits).hasSize(2);
    assertThat(Thread.currentThread().isInterrupted()).as("the caller still sees the interrupt").isTrue();
  }

  @Test
  void aCycleThatIsInterruptedEndsTheLoop() {
    List<Duration> waits = new ArrayList<>();
    ScriptedCycle cycle = new ScriptedCycle(OK, () -> Thread.currentThread().interrupt());
    Waiter waiter = max -> {
      waits.add(max);
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      if (waits.size() > MAX_WAITS) {
        throw new AssertionError("the daemon went on after an interrupt");
      }
    };

    new Daemon("dana@northwind.example", cycle, POLL, waiter).run();

    assertThat(cycle.runs).isEqualTo(2);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void failuresOfEveryKindInARowNeverEndTheDaemon() {
    List<Runnable> script = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      script.add(fails(i % 3 == 0 ? UNREACHABLE : i % 3 == 1 ? BUG : REFUSED));
    }
    ScriptedCycle cycle = new ScriptedCycle(script.toArray(Runnable[]::new));
    RecordingWaiter waiter = new RecordingWaiter(31);

    daemon(cycle, waiter).run();

    assertThat(cycle.runs).isEqualTo(31);
    assertThat(waiter.waits).hasSize(31).allSatisfy(wait ->
        assertThat(wait).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(15)));
    assertThat(waiter.waits.get(30)).as("the first success after them").isEqualTo(POLL);
  }

  /**
   * How long a test waits for the other thread before it fails: a safety net against a hang,
   * never the thing that makes a test pass.
   */
  static final long PATIENCE_SECONDS = 10;

  /** Waits until woken by a stop, as IMAP IDLE does on a quiet inbox; tells when the wait began. */
  static final class BlockingWaiter implements Waiter {
    final CountDownLatch waiting = new CountDownLatch(1);
    final CountDownLatch woken = new CountDownLatch(1);
    final AtomicInteger waits = new AtomicInteger();

    @Override
    public void await(Duration max) throws InterruptedException {
      waits.incrementAndGet();
      waiting.countDown();
      if (!woken.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("the wait was never ended");
      }
    }

    @Override
    public void wakeForStop() {
      woken.countDown();
    }
  }

  static Thread start(Daemon daemon) {
    Thread loop = new Thread(daemon::run, "daemon under test");
    loop.start();
    return loop;
  }

  static void awaitEnd(Thread loop) throws InterruptedException {
    loop.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
    assertThat(loop.isAlive()).as("the loop ended").isFalse();
  }

  @Test
  void aStopFromAnotherThreadEndsTheWaitInProgressAtOnce() throws Exception {
    ScriptedCycle cycle = new ScriptedCycle();
    BlockingWaiter waiter = new BlockingWaiter();
    Daemon daemon = new Daemon("dana@northwind.example", cycle, POLL, waiter);
    Thread loop = start(daemon);
    assertThat(waiter.waiting.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("the daemon waits").isTrue();

    daemon.stop();

    awaitEnd(loop);
    assertThat(waiter.woken.getCount()).as("the wait was ended by the stop").isZero();
    assertThat(cycle.runs).as("no cycle after the stop").isEqualTo(1);
    assertThat(waiter.waits).hasValue(1);
  }

  @Test
  void aStopFromAnotherThreadDuringACycleLetsItFinishAndSkipsTheWait() throws Exception {
    CountDownLatch inCycle = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    Runnable slowCycle = () -> {
      inCycle.countDown();
      try {
        if (!release.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
          throw new AssertionError("the test never released the cycle");
        }
      } catch (InterruptedException e) {
        throw new AssertionError("the stop interrupted the cycle", e);
      }
      finished.set(true);
    };
    BlockingWaiter waiter = new BlockingWaiter();
    Daemon daemon = new Daemon("dana@northwind.example", slowCycle, POLL, waiter);
    Thread loop = start(daemon);
    assertThat(inCycle.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();

    daemon.stop();
    assertThat(finished).as("the cycle is not cut short").isFalse();
    release.countDown();

    awaitEnd(loop);
    assertThat(finished).as("the cycle ran to its end").isTrue();
    assertThat(waiter.waits).as("no wait after a stop").hasValue(0);
  }

  @Test
  void aStopTwiceIsAStopOnce() throws Exception {
    ScriptedCycle cycle = new ScriptedCycle();
    BlockingWaiter waiter = new BlockingWaiter();
    Daemon daemon = new Daemon("dana@northwind.example", cycle, POLL, waiter);
    Thread loop = start(daemon);
    assertThat(waiter.waiting.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();

    daemon.stop();
    daemon.stop();

    awaitEnd(loop);
    assertThat(cycle.runs).isEqualTo(1);
  }

  @Test
  @Timeout(PATIENCE_SECONDS)
  void theSleepingWaiterReturnsAtOnceOnceStoppedEvenWhenTheStopCameFirst() throws Exception {
    Waiter sleeping = Waiter.sleeping();

    sleeping.wakeForStop();
    sleeping.await(Duration.ofDays(1));
    sleeping.await(Duration.ofDays(1));
  }

  @Test
  void theSleepingWaiterIsEndedByAStopFromAnotherThread() throws Exception {
    CountDownLatch ranOnce = new CountDownLatch(1);
    ScriptedCycle cycle = new ScriptedCycle(ranOnce::countDown);
    Daemon daemon = new Daemon("dana@northwind.example", cycle, Duration.ofDays(1), Waiter.sleeping());
    Thread loop = start(daemon);
    assertThat(ranOnce.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();

    daemon.stop();

    awaitEnd(loop);
    assertThat(cycle.runs).isEqualTo(1);
  }
}
