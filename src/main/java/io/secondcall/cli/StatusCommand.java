package io.secondcall.cli;

import io.secondcall.app.Application;
import io.secondcall.config.Config;
import io.secondcall.engine.StatusView;
import io.secondcall.port.StateStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "Show the tracked conversations and what comes next.")
final class StatusCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Config loaded = config.load();
    PrintWriter out = spec.commandLine().getOut();
    try (StateStore store = Application.openStore(loaded)) {
      new StatusTable(out, loaded.zone()).print(new StatusView(store, Application.engineSettings(loaded)).rows());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
