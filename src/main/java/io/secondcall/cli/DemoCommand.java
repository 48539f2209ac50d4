package io.secondcall.cli;

import io.secondcall.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = "Run secondcall on an embedded mail server with sample outreach over a few simulated days.")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--verbose", description = "Show the journal lines of each cycle too.")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (verbose) {
      Logging.daemon(true);
    } else {
      Logging.configure(false);
    }
    new Demo(spec.commandLine().getOut()).run();
    return ExitCodes.OK;
  }
}
