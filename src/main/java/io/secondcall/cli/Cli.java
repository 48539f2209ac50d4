package io.secondcall.cli;

import io.secondcall.config.ConfigException;
import io.secondcall.core.SafeText;
import io.secondcall.port.MailboxSetupException;
import io.secondcall.port.ServerAccessException;
import io.secondcall.template.TemplateException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Builds the command line and maps failures to one line on stderr and an exit code. */
public final class Cli {

  private Cli() {}

  public static int execute(String[] args, PrintStream out, PrintStream err) {
    return execute(args, System.in, out, err);
  }

  /** @param in what {@code auth google --paste} reads the pasted answer from */
  public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
    CommandLine cmd = new CommandLine(new SecondcallCommand(), new Factory(in));
    cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean verbose = parseResult.hasMatchedOption("--verbose")
          || (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose"));
      return report(e, commandLine.getErr(), verbose);
    });
    cmd.setParameterExceptionHandler(Cli::badArguments);
    return cmd.execute(args);
  }

  /** Makes the commands; the one that reads standard input gets the stream given to {@link #execute}. */
  private record Factory(InputStream in) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == AuthGoogleCommand.class) {
        return type.cast(new AuthGoogleCommand(in));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /**
   * A mistyped command line: one line naming what is wrong and where the help is, instead of
   * picocli's usage block, which buries the one line that matters under thirty that do not.
   */
  private static int badArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine where = e.getCommandLine();
    where.getErr().println("secondcall: " + oneLine(e) + " (see " + where.getCommandSpec().qualifiedName() + " --help)");
    where.getErr().flush();
    return ExitCodes.BAD_CONFIG;
  }

  static int report(Exception e, PrintWriter err, boolean verbose) {
    err.println("secondcall: " + oneLine(e));
    if (verbose) {
      // Messages quote servers and mail: the trace keeps its lines, loses any escape code.
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(SafeText.terminalText(trace.toString()));
      err.flush();
    }
    return exitCode(e);
  }

  static int exitCode(Throwable e) {
    if (e instanceof ConfigException || e instanceof TemplateException || e instanceof CommandLine.ParameterException
        || e instanceof MailboxSetupException || e instanceof UnknownTargetException) {
      return ExitCodes.BAD_CONFIG;
    }
    if (e instanceof ServerAccessException) {
      return ExitCodes.UNREACHABLE;
    }
    return ExitCodes.FAILURE;
  }

  /** The message of {@code e} on one line, fit for a terminal or the journal. */
  static String oneLine(Throwable e) {
    return SafeText.terminal(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }
}
