package io.secondcall.cli;

import io.secondcall.app.Application;
import io.secondcall.config.Config;
import io.secondcall.daemon.Daemon;
import io.secondcall.daemon.StopSignals;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", description = "Watch and act until stopped (SIGTERM): the systemd service.")
final class RunCommand implements Callable<Integer> {

  /**
   * How long a stop request waits for a cycle in progress before the process exits anyway: well
   * inside the 10 s a user waits for {@code systemctl stop}, and far more than a cycle's step takes.
   */
  static final Duration STOP_GRACE = Duration.ofSeconds(5);

  @Mixin ConfigOption config;

  /** Returns 0 once stopped by SIGTERM or SIGINT (SPEC section 8); {@code main} then exits with it. */
  @Override
  public Integer call() {
    Config loaded = config.load();
    Logging.daemon(config.verbose);
    Application app = Application.open(loaded, Clock.systemUTC(), false);
    StopSignals signals = null;
    try {
      String account = app.settings().me().address();
      AtomicBoolean stopFolderReady = new AtomicBoolean();
      Runnable cycle = () -> {
        // In the first cycle, not before it: a server that is down at start-up is an outage to ride out.
        if (!stopFolderReady.get()) {
          app.mailbox().createStopFolder();
          stopFolderReady.set(true);
        }
        app.cycle().run();
      };
      Daemon daemon = new Daemon(account, cycle, loaded.pollInterval(), app.waiter());
      signals = StopSignals.install(account, daemon::stop, STOP_GRACE);
      daemon.run();
    } finally {
      // The signals go back to the JVM only once the state is closed: a logout that hangs on a
      // dead server is still cut short by the grace.
      try {
        app.close();
      } finally {
        if (signals != null) {
          signals.close();
        }
      }
    }
    return ExitCodes.OK;
  }
}
