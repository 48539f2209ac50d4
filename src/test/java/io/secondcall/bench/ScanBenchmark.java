package io.secondcall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's benchmark, run by {@code mvn -B -o verify -Pbench} only (its name matches neither
 * *Test nor *IT). Sizes, runs and label come from system properties {@code bench.sizes},
 * {@code bench.runs} and {@code bench.label}; the medians replace that label's section of
 * BENCHMARKS.md.
 */
class ScanBenchmark {

  @TempDir Path work;

  @Test
  void measure() throws Exception {
    List<Integer> sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000").split(","))
        .map(String::strip).map(Integer::parseInt).toList();
    int runs = Integer.parseInt(System.getProperty("bench.runs", "5"));
    String label = System.getProperty("bench.label", "current");
    String section = new ScanBench(sizes, runs, work).run();
    Path file = Path.of(System.getProperty("bench.file", "BENCHMARKS.md"));
    String command = "mvn -B -o verify -Pbench -Dbench.label=" + label;
    BenchSection.replace(file, label, "Command: `" + command + "`  \n" + section);
    System.out.println(section);
    Files.writeString(work.resolveSibling("bench-" + label + ".md"), section);
  }
}
