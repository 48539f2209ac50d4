package io.secondcall.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code secondcall scan --verbose} in a child JVM, as the user's cron job or systemd timer
 * would, either to its end or until a SIGKILL some time after it logged in to the server.
 *
 * <p>The kill delay counts from the login, not from the process start: JVM startup varies by
 * more than the whole time a scan spends on the server, so a delay from the start would land
 * before the login or after the end most of the time. Each run's stdout and stderr go to files
 * under {@code logs}, named after the run, for failure messages.
 */
final class CrashScans {

  /** How long a scan may take before the test gives up on it. */
  static final long LIMIT_SECONDS = 60;
  /** The debug line ImapConnection logs once the server accepted the login. */
  static final String LOGGED_IN = " logged in";
  /** The debug line the Gmail adapter logs once Gmail took the token. */
  static final String SIGNED_IN_TO_GMAIL = " signed in to Gmail";

  /**
   * What became of one run: killed by us {@code millis} after the login, or ended by itself
   * with {@code exit}, {@code millis} after the login (-1: it never logged in).
   */
  record Outcome(String name, boolean killed, int exit, long millis) {
    @Override
    public String toString() {
      return name + (killed ? " killed " + millis + " ms after login" : " exited " + exit
          + (millis < 0 ? " without login" : " " + millis + " ms after login"));
    }
  }

  private final Path config;
  private final Path logs;
  private final String login;

  CrashScans(Path config, Path logs) throws IOException {
    this(config, logs, LOGGED_IN);
  }

  /** @param login the end of the log line that marks the login, from which kill delays count */
  CrashScans(Path config, Path logs, String login) throws IOException {
    this.config = config;
    this.logs = Files.createDirectories(logs);
    this.login = login;
  }

  /** Runs a scan at {@code now} to its end. */
  Outcome complete(String name, String now) throws IOException, InterruptedException {
    return run(name, now, -1);
  }

  /** Starts a scan at {@code now} and SIGKILLs it {@code delayMillis} after its login, unless it ended first. */
  Outcome killAfterLogin(String name, String now, long delayMillis) throws IOException, InterruptedException {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("delay " + delayMillis);
    }
    return run(name, now, delayMillis);
  }

  private Outcome run(String name, String now, long killAfterMillis) throws IOException, InterruptedException {
    Process scan = start(name, now);
    CountDownLatch loggedIn = new CountDownLatch(1);
    long[] loggedInAt = {-1};
    Thread drain = new Thread(() -> drain(scan, logs.resolve(name + ".err"), login, loggedIn, loggedInAt),
        name + "-stderr");
    drain.setDaemon(true);
    drain.start();
    try {
      // Released at the login, or when stderr ends because the scan exited without one.
      if (!loggedIn.await(LIMIT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError(name + " neither logged in nor ended within " + LIMIT_SECONDS + " s");
      }
      boolean ended = killAfterMillis < 0
          ? scan.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)
          // The kill delay is the point of the test; waiting on the process lets an early exit end it.
          : scan.waitFor(killAfterMillis, TimeUnit.MILLISECONDS);
      if (!ended && killAfterMillis < 0) {
        throw new AssertionError(name + " did not end within " + LIMIT_SECONDS + " s");
      }
      long end = System.nanoTime();
      if (!ended) {
        // SIGKILL on POSIX: no shutdown hooks, no finally blocks, no close. Through the handle,
        // unlike Process.destroyForcibly, which also closes the stderr pipe under the drain.
        scan.toHandle().destroyForcibly();
        scan.waitFor();
      }
      drain.join();
      long millis = loggedInAt[0] < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(end - loggedInAt[0]);
      return new Outcome(name, !ended, scan.exitValue(), millis);
    } finally {
      scan.destroyForcibly();
    }
  }

  /** What run {@code name} printed on stdout and stderr. */
  String log(String name) {
    try {
      return "--- stdout of " + name + ":\n" + read(logs.resolve(name + ".out"))
          + "--- stderr of " + name + ":\n" + read(logs.resolve(name + ".err"));
    } catch (IOException e) {
      return "(no log of " + name + ": " + e + ")";
    }
  }

  private Process start(String name, String now) throws IOException {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Startup speed only: the test runs a couple of dozen scans.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        // Killed runs leave sqlite-jdbc's unpacked native library behind; keep it in the test's directory.
        "-Dorg.sqlite.tmpdir=" + Files.createDirectories(logs.resolve("native")),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "scan", "--verbose", "--config", config.toString(), "--now", now);
    return new ProcessBuilder(command)
        .redirectOutput(logs.resolve(name + ".out").toFile())
        .start();
  }

  /** Copies the child's stderr to {@code file}, noting the instant of the login line. */
  private static void drain(Process scan, Path file, String login, CountDownLatch loggedIn, long[] loggedInAt) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(scan.getErrorStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (loggedIn.getCount() > 0 && line.endsWith(login)) {
          loggedInAt[0] = System.nanoTime();
          loggedIn.countDown();
        }
        out.write(line);
        out.write('\n');
      }
    } catch (IOException e) {
      // Only when the run was abandoned and its pipe closed; the log just ends early.
    } finally {
      loggedIn.countDown();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
