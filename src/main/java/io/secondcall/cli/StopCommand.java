package io.secondcall.cli;

import io.secondcall.app.Application;
import io.secondcall.config.Config;
import io.secondcall.core.Conversation;
import io.secondcall.core.SafeText;
import io.secondcall.engine.Stopper;
import io.secondcall.port.StateStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "stop", description = "End the follow-up sequence(s) for a contact address or conversation id.")
final class StopCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  @Parameters(paramLabel = "ADDRESS_OR_ID", description = "A contact's email address or a conversation id from status.")
  String target;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Config loaded = config.load();
    PrintWriter out = spec.commandLine().getOut();
    try (StateStore store = Application.openStore(loaded)) {
      List<Conversation> stopped = new Stopper(store).stop(target, Instant.now());
      if (stopped.isEmpty()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "no active conversation with " + target + " (see secondcall status)");
      }
      for (Conversation c : stopped) {
        out.println("stopped " + c.id() + " <" + SafeText.terminal(c.contact().address()) + "> \""
            + SafeText.terminal(c.subject()) + "\"");
      }
      out.println("Unsent drafts of these conversations are removed in the next cycle.");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
