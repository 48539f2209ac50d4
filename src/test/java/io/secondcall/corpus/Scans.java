package io.secondcall.corpus;

import io.secondcall.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Runs {@code secondcall scan --config FILE --now INSTANT} in-process, through the real command line. */
final class Scans {

  /** What one scan did: exit code, what it printed, how long it took. */
  record Result(int number, Instant now, int exit, String out, String err, Duration took) {
    @Override
    public String toString() {
      return "scan " + number + " at " + now + ": exit " + exit + " in " + took.toMillis() + " ms";
    }
  }

  private final Path config;
  private final LogCapture logs;

  Scans(Path config, LogCapture logs) {
    this.config = config;
    this.logs = logs;
  }

  Result run(int number, Instant now) {
    logs.scan(number);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int exit;
    try {
      exit = Cli.execute(new String[] {"scan", "--config", config.toString(), "--now", now.toString()},
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    } catch (RuntimeException | Error e) {
      // The command line maps failures to exit codes; anything escaping it is a crash of its own.
      exit = -1;
      err.writeBytes(("escaped the command line: " + e).getBytes(StandardCharsets.UTF_8));
    }
    return new Result(number, now, exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        Duration.ofNanos(System.nanoTime() - start));
  }
}
