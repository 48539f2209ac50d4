package io.secondcall.cli;

import io.secondcall.config.Config;
import io.secondcall.engine.StatusView;
import io.secondcall.port.StateStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "Show the tracked conversations and what comes next.")
final class StatusCommand implements Callable<Integer> {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Config loaded = config.load();
    PrintWriter out = spec.commandLine().getOut();
    try (StateStore store = Application.openStore(loaded)) {
      List<StatusView.Row> rows = new StatusView(store, Application.settings(loaded)).rows();
      if (rows.isEmpty()) {
        out.println("No conversations tracked yet.");
        return ExitCodes.OK;
      }
      out.printf(Locale.ROOT, "%-19s %-28s %-30s %-17s %-4s %-17s %s%n", "ID", "CONTACT", "SUBJECT", "LAST TOUCH",
          "STEP", "CALL", "NEXT");
      for (StatusView.Row r : rows) {
        out.printf(Locale.ROOT, "%-19s %-28s %-30s %-17s %-4d %-17s %s%s%n", r.id(), cut(r.contact(), 28),
            cut(r.subject(), 30), when(r.lastTouch(), loaded), r.step(), r.call() == null ? "-" : when(r.call(), loaded),
            r.next(), r.nextAt() == null ? "" : " (" + when(r.nextAt(), loaded) + ")");
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String when(Instant at, Config config) {
    return WHEN.format(at.atZone(config.zone()));
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
