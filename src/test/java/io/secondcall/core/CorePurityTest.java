package io.secondcall.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core holds pure rules: it may use the JDK's value types and SLF4J, never I/O or adapters.
 * So do the figures of the persistence report.
 */
class CorePurityTest {

  private static final Path CORE = Path.of("src/main/java/io/secondcall/core");
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
  private static final List<String> ALLOWED = List.of(
      "java.time.", "java.util.", "java.nio.charset.", "java.security.MessageDigest",
      "java.security.NoSuchAlgorithmException", "org.slf4j.", "io.secondcall.core.");

  @Test
  void coreImportsNoIoNetworkOrAdapters() throws IOException {
    try (Stream<Path> files = Files.list(CORE)) {
      List<String> offending = files.filter(f -> f.toString().endsWith(".java"))
          .flatMap(f -> imports(f).stream().filter(i -> ALLOWED.stream().noneMatch(i::startsWith)).map(i -> f.getFileName() + ": " + i))
          .toList();
      assertThat(offending).isEmpty();
    }
  }

  @Test
  void coreNeverReadsTheSystemClock() throws IOException {
    try (Stream<Path> files = Files.list(CORE)) {
      List<Path> offending = files.filter(f -> read(f).matches("(?s).*(Instant\\.now\\(|LocalDate\\.now\\(|Clock\\.systemDefaultZone|"
          + "Clock\\.systemUTC|System\\.currentTimeMillis).*")).toList();
      assertThat(offending).isEmpty();
    }
  }

  /** The persistence report's figures are pure rules too (StoredHistory is the one that reads the state). */
  @Test
  void theReportFiguresImportNoIoAndNeverReadTheSystemClock() {
    Path report = Path.of("src/main/java/io/secondcall/report");
    for (String name : List.of("Persistence", "History", "Figures", "Bucket", "Share", "ReportText")) {
      Path file = report.resolve(name + ".java");
      assertThat(imports(file)).as(name)
          .allMatch(i -> ALLOWED.stream().anyMatch(i::startsWith) || i.startsWith("io.secondcall.report."));
      assertThat(read(file)).as(name).doesNotContainPattern(
          "Instant\\.now\\(|LocalDate\\.now\\(|Clock\\.systemDefaultZone|Clock\\.systemUTC|System\\.currentTimeMillis");
    }
  }

  private static List<String> imports(Path file) {
    Matcher m = IMPORT.matcher(read(file));
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
