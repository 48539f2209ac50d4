package io.secondcall.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code secondcall run} in a child JVM, as systemd starts it: its log lines as they come, and
 * the exit status after a signal. Stderr also goes to {@code <logs>/run.err} for failure messages.
 */
final class RunProcess implements AutoCloseable {

  private final Process process;
  private final Path logFile;
  private final List<String> lines = new ArrayList<>();
  private final Thread drain;
  /** Set when stderr ended: the process has no more to say. Guarded by {@code lines}. */
  private boolean drained;

  private RunProcess(Process process, Path logFile) {
    this.process = process;
    this.logFile = logFile;
    this.drain = new Thread(this::drain, "run-stderr");
    drain.setDaemon(true);
  }

  static RunProcess start(Path config, Path logs) throws IOException {
    Files.createDirectories(logs);
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Startup speed only.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Dorg.sqlite.tmpdir=" + Files.createDirectories(logs.resolve("native")),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "run", "--config", config.toString());
    Process process = new ProcessBuilder(command)
        .redirectOutput(logs.resolve("run.out").toFile())
        .start();
    RunProcess run = new RunProcess(process, logs.resolve("run.err"));
    run.drain.start();
    return run;
  }

  /** Waits until a log line contains {@code text}; false when the process ended or {@code max} passed first. */
  boolean awaitLog(String text, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (lines) {
      while (lines.stream().noneMatch(l -> l.contains(text))) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && drained)) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lines, left);
      }
      return true;
    }
  }

  /**
   * SIGTERM, as {@code systemctl stop} sends it. Through the handle: {@link Process#destroy()} sends
   * the same signal but also closes the pipes, under the thread still reading the last log lines.
   */
  void sigterm() {
    process.toHandle().destroy();
  }

  /** SIGKILL: no handler runs, nothing is flushed or closed, as in a power cut or the OOM killer. */
  void sigkill() {
    process.toHandle().destroyForcibly();
  }

  /**
   * Waits for the end; the exit status, or null when it did not end within {@code max}. Once it
   * ended, its last log lines are read in too.
   */
  Integer awaitExit(Duration max) throws InterruptedException {
    if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
      return null;
    }
    drain.join(TimeUnit.SECONDS.toMillis(10));
    return process.exitValue();
  }

  String log() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  private void drain() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(line);
        out.write('\n');
        out.flush();
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The pipe closed under us after the test gave up on the process.
    } finally {
      synchronized (lines) {
        drained = true;
        lines.notifyAll();
      }
    }
  }

  /** SIGKILL if still running: a failed test must not leave a daemon behind. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.toHandle().destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
