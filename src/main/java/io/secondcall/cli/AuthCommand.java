package io.secondcall.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code secondcall auth PROVIDER}: one subcommand per provider that needs a consent; Google for now. */
@Command(name = "auth", mixinStandardHelpOptions = true,
    description = "Authorise secondcall at a provider: `secondcall auth google --config FILE [--paste]`.",
    subcommands = AuthGoogleCommand.class)
final class AuthCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "which provider? secondcall auth google --config FILE");
  }
}
