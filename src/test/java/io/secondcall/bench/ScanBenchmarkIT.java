package io.secondcall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the benchmark from rotting: the whole of it, on 200 messages, once, in the
 * normal test run. It asserts that every part ran and what is counted (commands), never how fast.
 */
class ScanBenchmarkIT {

  @TempDir Path work;

  @Test
  void everyPartOfTheBenchmarkRuns() throws Exception {
    String section = new ScanBench(List.of(200), 1, work).run();
    System.out.println(section);
    assertThat(section).contains("| 200 |", "IDLE", "--version", "after a LIST in the same session")
        .doesNotContain("NaN")
        .contains("passes at -Xmx128m | exit 0 | yes")
        // Counted, not timed: a poll in which nothing changed costs at most 3 commands (issue 13),
        // and on Dovecot exactly one: the LIST with every folder's STATUS, no NOOP probing.
        .containsPattern("\\| no-change scan commands beyond login/logout <= 3 \\| [0-9.]+ \\| yes \\|")
        .containsPattern("\\| 1: LIST \\| 0 \\|");
  }
}
