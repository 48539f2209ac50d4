package io.secondcall.cli;

import picocli.CommandLine.Command;

@Command(
    name = "secondcall",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Drafts polite follow-ups to unanswered outreach, and stops when the prospect answers.",
    subcommands = {
      RunCommand.class,
      ScanCommand.class,
      StatusCommand.class,
      StopCommand.class,
      ReportCommand.class,
      CheckCommand.class,
      DemoCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
final class SecondcallCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is needed: run, scan, status, stop, report, check or demo");
  }
}
