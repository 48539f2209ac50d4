package io.secondcall.cli;

import io.secondcall.core.Conversation;
import io.secondcall.engine.Stopper;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "resume", description = "Undo a stop: the sequence(s) go on from where they were.")
final class ResumeCommand extends SequenceCommand {

  @Override
  List<Conversation> change(Stopper stopper, String target) {
    return stopper.resume(target);
  }

  @Override
  String done() {
    return "resumed";
  }

  @Override
  String candidates() {
    return "stopped";
  }

  @Override
  String afterwards() {
    return "The next cycle prepares the next step when it is due.";
  }
}
