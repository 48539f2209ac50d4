package io.secondcall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The Markdown of one benchmark run: the machine, the medians, and the ratios against their targets. */
final class BenchReport {

  private final List<Integer> sizes;
  private final int runs;
  private final List<ScanBench.SizeResult> results;
  private final ScanBench.Samples idle;
  private final ScanBench.Samples version;
  private final ScanBench.Samples versionPlain;
  private final String started;

  BenchReport(List<Integer> sizes, int runs, List<ScanBench.SizeResult> results, ScanBench.Samples idle,
      ScanBench.Samples version, ScanBench.Samples versionPlain, String started) {
    this.sizes = sizes;
    this.runs = runs;
    this.results = results;
    this.idle = idle;
    this.version = version;
    this.versionPlain = versionPlain;
    this.started = started;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("Machine: ").append(machine()).append("  \n");
    md.append("secondcall started through ").append(started).append(".  \n");
    md.append("Medians of ").append(runs)
        .append(" runs; \"IMAP\" is the time commands waited for their tagged answer, at the metering proxy.\n\n");
    md.append("| Sent messages | floor IMAP ms | initial scan IMAP ms | initial scan wall ms"
        + " | no-change IMAP ms | floor STATUS IMAP ms | no-change wall ms | no-change wall ms, no CDS archive"
        + " | no-change commands (beyond LOGIN/LOGOUT) | exits |\n");
    md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
    for (ScanBench.SizeResult r : results) {
      md.append("| ").append(r.size())
          .append(" | ").append(ms(r.floorImap().median()))
          .append(" | ").append(ms(r.initialImap().median()))
          .append(" | ").append(ms(r.initialWall().median()))
          .append(" | ").append(ms(r.quietImap().median()))
          .append(" | ").append(ms(r.floorStatus().median()))
          .append(" | ").append(ms(r.quietWall().median()))
          .append(" | ").append(ms(r.quietWallPlain().median()))
          .append(" | ").append(beyondLogin(r.quietCommands()).size()).append(": ")
          .append(String.join(", ", beyondLogin(r.quietCommands())))
          .append(" | ").append(r.exits().stream().distinct().map(String::valueOf).collect(Collectors.joining(",")))
          .append(" |\n");
    }
    md.append("\n`--version` wall ms: ").append(ms(version.median()))
        .append(" (no CDS archive: ").append(ms(versionPlain.median())).append(")")
        .append("; reply APPENDed to INBOX until its draft is gone (IDLE), ms: ").append(ms(idle.median()))
        .append(" (").append(idle.size()).append(" replies)\n\n");
    ScanBench.SizeResult big = results.get(results.size() - 1);
    md.append("IMAP ms by command at ").append(big.size()).append(" (last run): floor ")
        .append(byCommand(big.floorByCommand())).append("; initial scan ").append(byCommand(big.initialByCommand()))
        .append("\n\n");
    md.append("The floor's read of Sent (EXAMINE + UID SEARCH + UID FETCH) at ").append(big.size())
        .append(", ms: alone ").append(ms(big.sentAlone().median())).append(" (EXAMINE ")
        .append(ms(big.examineAlone().median())).append("), after a LIST in the same session ")
        .append(ms(big.sentAfterList().median())).append(" (EXAMINE ").append(ms(big.examineAfterList().median()))
        .append(")\n\n");
    md.append(targets());
    return md.toString();
  }

  private String targets() {
    ScanBench.SizeResult small = results.get(0);
    ScanBench.SizeResult big = results.get(results.size() - 1);
    String ratio = big.size() + "/" + small.size();
    StringBuilder t = new StringBuilder("| target | measured | met |\n| --- | ---: | --- |\n");
    row(t, "initial scan IMAP at " + big.size() + " / floor <= 1.5", big.initialImap().median() / big.floorImap().median(), 1.5);
    row(t, "no-change scan wall " + ratio + " <= 1.2", big.quietWall().median() / small.quietWall().median(), 1.2);
    row(t, "no-change scan IMAP " + ratio + " <= 1.2", big.quietImap().median() / small.quietImap().median(), 1.2);
    // Not targets: what the server alone takes for STATUS, against which the IMAP ratio above is read.
    info(t, "floor STATUS IMAP " + ratio + " (the server alone)",
        big.floorStatus().median() / small.floorStatus().median());
    info(t, "no-change scan IMAP / floor STATUS IMAP at " + big.size(),
        big.quietImap().median() / big.floorStatus().median());
    row(t, "no-change scan commands beyond login/logout <= 3", beyondLogin(big.quietCommands()).size(), 3);
    row(t, "reply until draft gone (IDLE) <= 1.0 s", idle.median() / 1000, 1.0);
    row(t, "no-change scan wall / --version wall <= 1.5", big.quietWall().median() / version.median(), 1.5);
    info(t, "the same, both without the CDS archive", big.quietWallPlain().median() / versionPlain.median());
    info(t, "no-change scan wall with / without the CDS archive at " + big.size(),
        big.quietWall().median() / big.quietWallPlain().median());
    t.append("| initial scan at ").append(big.size()).append(" passes at ").append(Child.HEAP).append(" | exit ")
        .append(big.realInitialExit()).append(" | ").append(big.realInitialExit() == 0 ? "yes" : "no").append(" |\n");
    return t.toString();
  }

  private static void row(StringBuilder t, String target, double measured, double limit) {
    t.append("| ").append(target).append(" | ").append(String.format(Locale.ROOT, "%.2f", measured))
        .append(" | ").append(measured <= limit ? "yes" : "no").append(" |\n");
  }

  private static void info(StringBuilder t, String figure, double measured) {
    t.append("| ").append(figure).append(" | ").append(String.format(Locale.ROOT, "%.2f", measured)).append(" | - |\n");
  }

  static List<String> beyondLogin(List<String> commands) {
    return commands.stream().filter(c -> !c.equals("LOGIN") && !c.equals("LOGOUT") && !c.equals("AUTHENTICATE")).toList();
  }

  private static String byCommand(Map<String, Double> millis) {
    return millis.entrySet().stream().map(e -> e.getKey() + " " + ms(e.getValue())).collect(Collectors.joining(", "));
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static String machine() {
    try {
      List<String> cpu = Files.readAllLines(Path.of("/proc/cpuinfo"));
      String model = cpu.stream().filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
      String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .findFirst().map(l -> l.replaceAll("\\D+", "")).map(kb -> Long.parseLong(kb) / 1024 / 1024 + " GiB")
          .orElse("?");
      return model + ", " + Runtime.getRuntime().availableProcessors() + " CPUs available, " + mem + " RAM, Java "
          + System.getProperty("java.version") + ", " + dovecotVersion() + " (machine shared with other builds)";
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String dovecotVersion() {
    try {
      Process p = new ProcessBuilder("/usr/sbin/dovecot", "--version").redirectErrorStream(true).start();
      String v = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      return "Dovecot " + v;
    } catch (IOException | InterruptedException e) {
      return "Dovecot ?";
    }
  }
}
