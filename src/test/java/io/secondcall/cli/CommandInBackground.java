package io.secondcall.cli;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A command that waits for something the test does (a browser, a paste), run on a thread of its
 * own: the test reads its output line by line as it is printed, acts, and then takes the exit code.
 * The waits here only bound a test that went wrong; nothing waits for time to pass.
 */
final class CommandInBackground {

  private static final long PATIENCE_SECONDS = 30;

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder out = new StringBuilder();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private CommandInBackground() {}

  static CommandInBackground start(InputStream in, String... args) {
    CommandInBackground command = new CommandInBackground();
    PrintStream out = new PrintStream(command.new Lines(), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(command.err, true, StandardCharsets.UTF_8);
    Thread thread = new Thread(() -> {
      try {
        command.exit.complete(Cli.execute(args, in, out, err));
      } catch (Throwable t) {
        command.exit.completeExceptionally(t);
      }
    }, "secondcall " + String.join(" ", args));
    thread.setDaemon(true);
    thread.start();
    return command;
  }

  /** The next printed line that matches, skipping the others. */
  String awaitLine(Predicate<String> wanted) throws InterruptedException {
    while (true) {
      String line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("no such line; printed so far:\n" + out() + "\nstderr:\n" + err());
      }
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  int exitCode() throws Exception {
    return exit.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
  }

  boolean isRunning() {
    return !exit.isDone();
  }

  synchronized String out() {
    return out.toString();
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Splits what the command prints into lines as they come. */
  private final class Lines extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      if (b != '\n') {
        line.write(b);
        return;
      }
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      synchronized (CommandInBackground.this) {
        out.append(text).append('\n');
      }
      lines.add(text);
    }
  }
}
