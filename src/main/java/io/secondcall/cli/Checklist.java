package io.secondcall.cli;

import io.secondcall.core.SafeText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The lines {@code check} prints, one per part: {@code <part> <what>: ok, <detail>},
 * {@code <part> <what>: <found>; warning: <why suspicious>} or {@code <part> <what>: <why not>}.
 * Names from servers and mail go through {@link SafeText#terminal}. A part that fails is reported and the next one is tried;
 * nothing a part throws gets past {@link #check} (a stack trace only with {@code --verbose}).
 */
final class Checklist {

  /**
   * Worst first: a config error must be fixed before anything else means much (and systemd does
   * not restart on 2); a server problem may pass by itself; anything else comes last.
   */
  private static final List<Integer> SEVERITY =
      List.of(ExitCodes.OK, ExitCodes.FAILURE, ExitCodes.UNREACHABLE, ExitCodes.BAD_CONFIG);

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean verbose;
  private final List<String> failed = new ArrayList<>();
  private int exitCode = ExitCodes.OK;

  Checklist(PrintWriter out, PrintWriter err, boolean verbose) {
    this.out = out;
    this.err = err;
    this.verbose = verbose;
  }

  /**
   * Tries one part. The part's name goes out before the attempt, so that a slow server shows
   * which part is waiting.
   *
   * @param detail does the check; returns what to say after "ok" (may be empty)
   * @return whether the part is fine
   */
  boolean check(String part, String what, Supplier<String> detail) {
    out.print(String.format(Locale.ROOT, "%-10s %s: ", part, SafeText.terminal(what)));
    out.flush();
    try {
      String said = detail.get();
      // Folder names and the like come from the server: made safe for the terminal.
      out.println(said.isEmpty() ? "ok" : "ok, " + SafeText.terminal(said));
      return true;
    } catch (RuntimeException e) {
      reason(part, e);
      return false;
    } finally {
      out.flush();
    }
  }

  /** A part that failed outside {@link #check}: before it could be tried, or where the caller tried it. */
  void failed(String part, String what, RuntimeException e) {
    out.print(String.format(Locale.ROOT, "%-10s %s: ", part, SafeText.terminal(what)));
    reason(part, e);
    out.flush();
  }

  /** A part with nothing (more) to try: says what it is. */
  void note(String part, String what, String text) {
    out.println(String.format(Locale.ROOT, "%-10s %s: %s", part, SafeText.terminal(what), SafeText.terminal(text)));
    out.flush();
  }

  /**
   * A part that works but looks wrong: said after what was found, without changing the exit code
   * (the value is valid, and may be meant).
   */
  void warn(String part, String what, String found, String warning) {
    out.println(String.format(Locale.ROOT, "%-10s %s: %s; warning: %s", part, SafeText.terminal(what), SafeText.terminal(found),
        SafeText.terminal(warning)));
    out.flush();
  }

  private void reason(String part, RuntimeException e) {
    out.println(Cli.oneLine(e));
    if (verbose) {
      e.printStackTrace(err);
    }
    failed.add(part);
    int code = Cli.exitCode(e);
    if (SEVERITY.indexOf(code) > SEVERITY.indexOf(exitCode)) {
      exitCode = code;
    }
  }

  /** The worst exit code of the parts, after one summary line on stderr when any failed. */
  int finish() {
    if (!failed.isEmpty()) {
      err.println("secondcall: check found " + failed.size() + " problem(s): " + String.join(", ", failed));
      err.flush();
    }
    return exitCode;
  }
}
