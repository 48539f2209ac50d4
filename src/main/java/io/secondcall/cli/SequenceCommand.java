package io.secondcall.cli;

import io.secondcall.app.Application;
import io.secondcall.config.Config;
import io.secondcall.core.Conversation;
import io.secondcall.core.SafeText;
import io.secondcall.engine.Stopper;
import io.secondcall.port.StateStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code stop} and {@code resume} share: one contact address or conversation id, a change
 * made in the state store only (so it works while the mail server is down), and one line per
 * conversation changed.
 */
abstract class SequenceCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  @Parameters(paramLabel = "ADDRESS_OR_ID", description = "A contact's email address or a conversation id from status.")
  String target;

  @Spec CommandSpec spec;

  /** The conversations changed; empty when none in the right state matched. */
  abstract List<Conversation> change(Stopper stopper, String target);

  /** The past tense printed before each conversation, e.g. "stopped". */
  abstract String done();

  /** Which conversations could have matched, for the message when none did, e.g. "active". */
  abstract String candidates();

  /** A line after the list about what happens next. */
  abstract String afterwards();

  @Override
  public Integer call() {
    Config loaded = config.load();
    PrintWriter out = spec.commandLine().getOut();
    try (StateStore store = Application.openStore(loaded)) {
      List<Conversation> changed = change(new Stopper(store), target);
      if (changed.isEmpty()) {
        throw new UnknownTargetException("no " + candidates() + " conversation with " + SafeText.terminal(target)
            + " (see secondcall status)");
      }
      for (Conversation c : changed) {
        out.println(done() + " " + c.id() + " <" + SafeText.terminal(c.contact().address()) + "> \""
            + SafeText.terminal(c.subject()) + "\"");
      }
      out.println(afterwards());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
