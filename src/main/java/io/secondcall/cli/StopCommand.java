package io.secondcall.cli;

import io.secondcall.core.Conversation;
import io.secondcall.engine.Stopper;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "stop", description = "End the follow-up sequence(s) for a contact address or conversation id.")
final class StopCommand extends SequenceCommand {

  @Override
  List<Conversation> change(Stopper stopper, String target) {
    return stopper.stop(target, Instant.now());
  }

  @Override
  String done() {
    return "stopped";
  }

  @Override
  String candidates() {
    return "active";
  }

  @Override
  String afterwards() {
    return "Unsent drafts of these conversations are removed in the next cycle; secondcall resume undoes the stop.";
  }
}
