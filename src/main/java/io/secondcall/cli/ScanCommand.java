package io.secondcall.cli;

import io.secondcall.app.Application;
import io.secondcall.config.Config;
import io.secondcall.engine.CycleReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scan", description = "Run one full cycle, then exit.")
final class ScanCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  @Option(names = "--dry-run", description = "Print what would be done and change nothing anywhere.")
  boolean dryRun;

  @Option(names = "--now", paramLabel = "ISO_INSTANT", converter = InstantConverter.class,
      description = "Run as if at this instant: " + InstantConverter.FORMAT + ".")
  Instant now;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Config loaded = config.load();
    Clock clock = now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC);
    try (Application app = Application.open(loaded, clock, dryRun)) {
      CycleReport report = dryRun ? app.cycle().dryRun() : app.cycle().run();
      // After the cycle, which has listed the folders by then: no command of its own where it exists.
      if (!dryRun) {
        app.mailbox().createStopFolder();
      }
      new ReportPrinter(spec.commandLine().getOut(), loaded.zone()).print(report);
      // Drafting went on; the exit code still tells scripts the calendar was unreachable.
      if (report.calendarFailure().isPresent()) {
        throw report.calendarFailure().get();
      }
    }
    return ExitCodes.OK;
  }
}
