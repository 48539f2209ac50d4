package io.secondcall.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The top command. Its --help and --version are inherited by every subcommand, so that
 * {@code secondcall scan --help} works: a help option skips the check of required options such
 * as --config.
 */
@Command(
    name = "secondcall",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Drafts polite follow-ups to unanswered outreach, and stops when the prospect answers.",
    subcommands = {
      RunCommand.class,
      ScanCommand.class,
      StatusCommand.class,
      StopCommand.class,
      ResumeCommand.class,
      ReportCommand.class,
      CheckCommand.class,
      AuthCommand.class,
      DemoCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
final class SecondcallCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is needed: run, scan, status, stop, resume, report, check, auth or demo");
  }
}
