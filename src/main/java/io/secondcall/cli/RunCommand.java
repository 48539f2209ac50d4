package io.secondcall.cli;

import io.secondcall.app.Application;
import io.secondcall.config.Config;
import io.secondcall.daemon.Daemon;
import io.secondcall.daemon.StopSignals;
import io.secondcall.web.WebServer;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;

@Command(name = "run", description = "Watch and act until stopped (SIGTERM): the systemd service.")
final class RunCommand implements Callable<Integer> {

  /**
   * How long a stop request waits for a cycle in progress before the process exits anyway: well
   * inside the 10 s a user waits for {@code systemctl stop}, and far more than a cycle's step takes.
   */
  static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin ConfigOption config;

  /** Returns 0 once stopped by SIGTERM or SIGINT (SPEC section 8); {@code main} then exits with it. */
  @Override
  public Integer call() {
    Config loaded = config.load();
    Logging.daemon(config.verbose);
    Application app = Application.open(loaded, Clock.systemUTC(), false);
    StopSignals signals = null;
    WebServer web = null;
    try {
      web = startWeb(app, loaded);
      String account = app.settings().me().address();
      AtomicBoolean stopFolderReady = new AtomicBoolean();
      Runnable cycle = () -> {
        app.cycle().run();
        // After the first cycle that reached the server, not at start-up: a server that is down
        // then is an outage to ride out. And after the cycle, which has listed the folders by then.
        if (!stopFolderReady.get()) {
          app.mailbox().createStopFolder();
          stopFolderReady.set(true);
        }
      };
      Daemon daemon = new Daemon(account, cycle, loaded.pollInterval(), app.waiter());
      signals = StopSignals.install(account, daemon::stop, STOP_GRACE);
      daemon.run();
    } finally {
      // The signals go back to the JVM only once the state is closed: a logout that hangs on a
      // dead server is still cut short by the grace.
      try {
        if (web != null) {
          web.close();
        }
        app.close();
      } finally {
        if (signals != null) {
          signals.close();
        }
      }
    }
    return ExitCodes.OK;
  }

  /**
   * The pipeline page; a port in use does not stop the daemon, whose work is the mail, but the
   * journal says why there is no page.
   */
  private static WebServer startWeb(Application app, Config loaded) {
    try {
      WebServer web = app.startWeb(loaded.web()).orElse(null);
      if (web != null) {
        LOG.info("{} pipeline page on http://{}/", app.settings().me().address(), loaded.web().listen());
      }
      return web;
    } catch (UncheckedIOException e) {
      LOG.error("{} no pipeline page: {}", app.settings().me().address(), e.getMessage());
      return null;
    }
  }
}
