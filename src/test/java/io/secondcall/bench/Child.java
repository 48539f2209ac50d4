package io.secondcall.bench;

import io.secondcall.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code secondcall} in a child process with the heap of the target (-Xmx128m), so that
 * the wall time includes the JVM's start, as the user pays it. Under {@code -Pbench} (system
 * properties {@code bench.jar} and {@code bench.launcher}) it is started as the package starts
 * it: the launcher {@code src/deb/bin/secondcall} running the built jar, with the class-data
 * archive that the launcher makes at the first scan. Elsewhere (bench/ScanBenchmarkIT, before
 * the jar exists) a JVM on the test class path.
 */
final class Child {

  static final String HEAP = "-Xmx128m";
  private static final String JVM_FLAGS = HEAP + " -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError";

  private final Path logs;
  private final Path jar;
  private final Path launcher;
  private int count;

  Child(Path logs) throws IOException {
    this.logs = Files.createDirectories(logs);
    String jarProperty = System.getProperty("bench.jar", "");
    this.jar = jarProperty.isEmpty() ? null : Path.of(jarProperty);
    this.launcher = jar == null ? null : Path.of(System.getProperty("bench.launcher", "src/deb/bin/secondcall"));
    if (jar != null && !Files.isRegularFile(jar)) {
      throw new IOException("bench.jar " + jar + " does not exist; the bench profile runs after package");
    }
    if (jar != null && "root".equals(System.getProperty("user.name"))
        && Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith("secondcall:"))) {
      throw new IOException("the launcher would run as the package's user secondcall; purge the package or run the"
          + " benchmark as another user");
    }
  }

  /** What a run did: its exit status, its wall time and where its output went. */
  record Result(int exit, double millis, Path output) {}

  /** How secondcall is started, for the report. */
  String describe() {
    return jar == null
        ? "a JVM on the test class path with " + JVM_FLAGS + " (no jar, no class-data archive)"
        : "the package's launcher (src/deb/bin/secondcall) running target/" + jar.getFileName() + " with "
            + JVM_FLAGS + ", as the unit does, and the class-data archive the launcher made at the first scan";
  }

  Result run(String... args) throws IOException, InterruptedException {
    return run(true, args);
  }

  /** As the launcher starts secondcall where it has no archive (another user, or SECONDCALL_CDS_ARCHIVE empty). */
  Result runWithoutArchive(String... args) throws IOException, InterruptedException {
    return run(false, args);
  }

  private Result run(boolean archive, String... args) throws IOException, InterruptedException {
    Path output = logs.resolve("run-" + (++count) + ".log");
    long start = System.nanoTime();
    Process p = process(archive, args).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("secondcall " + String.join(" ", args) + " did not end; see " + output);
    }
    return new Result(p.exitValue(), (System.nanoTime() - start) / 1e6, output);
  }

  Process start(String... args) throws IOException {
    return process(true, args).redirectErrorStream(true)
        .redirectOutput(logs.resolve("daemon-" + (++count) + ".log").toFile()).start();
  }

  private ProcessBuilder process(boolean archive, String... args) throws IOException {
    Path nativeDir = Files.createDirectories(logs.resolve("native"));
    String sqliteTmp = "-Dorg.sqlite.tmpdir=" + nativeDir;
    String javaHome = System.getProperty("java.home");
    List<String> command = new ArrayList<>();
    if (jar == null) {
      command.add(Path.of(javaHome, "bin", "java").toString());
      command.addAll(List.of(JVM_FLAGS.split(" ")));
      command.addAll(List.of(sqliteTmp, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      command.addAll(List.of(args));
      return new ProcessBuilder(command);
    }
    command.addAll(List.of("/bin/sh", launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", javaHome);
    env.put("SECONDCALL_JAR", jar.toString());
    env.put("SECONDCALL_JAVA_OPTS", JVM_FLAGS + " " + sqliteTmp);
    env.put("SECONDCALL_CDS_ARCHIVE", archive ? logs.resolve("secondcall.jsa").toString() : "");
    return builder;
  }
}
