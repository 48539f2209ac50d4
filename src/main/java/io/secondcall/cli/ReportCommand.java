package io.secondcall.cli;

import io.secondcall.app.Application;
import io.secondcall.config.Config;
import io.secondcall.core.SafeText;
import io.secondcall.port.StateStore;
import io.secondcall.report.Persistence;
import io.secondcall.report.ReportText;
import io.secondcall.report.StoredHistory;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "report", description = "The persistence report: answers by touch, weekday and hour, time to answer.")
final class ReportCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Config loaded = config.load();
    PrintWriter out = spec.commandLine().getOut();
    try (StateStore store = Application.openStore(loaded)) {
      Persistence persistence = new Persistence(loaded.zone(), Clock.systemUTC());
      ReportText.lines(persistence.figures(StoredHistory.read(store))).forEach(l -> out.println(SafeText.terminal(l)));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
