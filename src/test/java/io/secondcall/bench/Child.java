package io.secondcall.bench;

import io.secondcall.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code secondcall} in a child JVM with the heap of the target (-Xmx128m), as the
 * user's systemd unit starts it: the wall time includes the JVM's start, as the user pays it.
 */
final class Child {

  static final String HEAP = "-Xmx128m";

  private final Path logs;
  private int count;

  Child(Path logs) throws IOException {
    this.logs = Files.createDirectories(logs);
  }

  /** What a run did: its exit status, its wall time and where its output went. */
  record Result(int exit, double millis, Path output) {}

  static List<String> command(Path logs, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
        "-Dorg.sqlite.tmpdir=" + logs.resolve("native"),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  Result run(String... args) throws IOException, InterruptedException {
    Files.createDirectories(logs.resolve("native"));
    Path output = logs.resolve("run-" + (++count) + ".log");
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command(logs, args)).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("secondcall " + String.join(" ", args) + " did not end; see " + output);
    }
    return new Result(p.exitValue(), (System.nanoTime() - start) / 1e6, output);
  }

  Process start(String... args) throws IOException {
    Files.createDirectories(logs.resolve("native"));
    return new ProcessBuilder(command(logs, args)).redirectErrorStream(true)
        .redirectOutput(logs.resolve("daemon-" + (++count) + ".log").toFile()).start();
  }
}
