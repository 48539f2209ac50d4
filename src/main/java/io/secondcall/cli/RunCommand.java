package io.secondcall.cli;

import io.secondcall.config.Config;
import io.secondcall.daemon.Daemon;
import io.secondcall.daemon.Waiter;
import io.secondcall.port.ServerAccessException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", description = "Watch and act until stopped (SIGTERM): the systemd service.")
final class RunCommand implements Callable<Integer> {

  /** How long SIGTERM waits for a cycle in progress to finish its current step. */
  private static final long STOP_GRACE_SECONDS = 20;

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws InterruptedException {
    Config loaded = config.load();
    Logging.daemon(config.verbose);
    try (Application app = Application.open(loaded, Clock.systemUTC(), false)) {
      Waiter waiter = max -> {
        try {
          if (app.mailbox.supportsIdle()) {
            app.mailbox.awaitInboxChange(max);
            return;
          }
        } catch (ServerAccessException e) {
          // The next cycle reports the failure and backs off; here we just wait.
        }
        Waiter.sleeping().await(max);
      };
      Daemon daemon = new Daemon(app.settings.me().address(), () -> app.cycle().run(), loaded.pollInterval(), waiter);
      Thread loop = Thread.currentThread();
      CountDownLatch done = new CountDownLatch(1);
      Thread hook = new Thread(() -> {
        daemon.stop();
        loop.interrupt();
        try {
          done.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "secondcall-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        daemon.run();
      } finally {
        done.countDown();
      }
    }
    return ExitCodes.OK;
  }
}
