package io.secondcall.corpus;

import ch.qos.logback.classic.Level;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the scans printed and logged: every scan exits 0 without an error; every skipped message
 * is logged; no log line or report line was forged or garbled by mail (a CR or LF from a name or
 * subject would start a line of its own; ESC and bidi controls would act on the terminal).
 */
final class OutputRules {

  /** A report line of {@code ReportPrinter}: a verb in a 16-wide column, or one of its fixed lines. */
  private static final Pattern REPORT_LINE = Pattern.compile(
      "(?:would )?(?:track|ignore|draft|defer|touch|skip|end \\(reply\\)|pause|end \\(bounce\\)|stop|close|book call"
          + "|clean up|send digest) .*|Nothing new\\.|Nothing to do\\.|\\d+ malformed message\\(s\\) skipped \\(see log\\)");
  private static final Pattern SKIPPED = Pattern.compile("(\\d+) malformed message\\(s\\) skipped");
  /** The two places that log a skipped message: the IMAP reader and the engine's per-message guard. */
  private static final Pattern SKIP_LOGGED = Pattern.compile("skipped unreadable message|UID \\d+ <[^>]*> skipped: ");
  private static final Pattern LEVEL = Pattern.compile("(?:ERROR|WARN |INFO |DEBUG|TRACE) ");
  /** Any of these starts a new line in some viewer of the journal. */
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\r\n\u0085\u2028\u2029]");

  final Violations crashes = new Violations("every scan exits 0 without an error", "problem(s)");
  final Violations unloggedSkips = new Violations("every skipped message is logged", "scan(s)");
  final Violations forgedLogLines = new Violations(
      "every log line starts as secondcall's do (level, then account, address or file) and holds no control or bidi character",
      "log line(s)");
  final Violations unsafeStdout = new Violations(
      "every report line on stdout is one of secondcall's and holds no control or bidi character", "line(s)");

  /** @param prefixes how secondcall's log messages start: the owner's address, the account label, file paths */
  OutputRules(List<Scans.Result> scans, List<LogCapture.Event> events, List<String> prefixes) {
    for (Scans.Result r : scans) {
      if (r.exit() != 0) {
        crashes.add(r + ": " + firstLine(r.err()));
      } else if (!r.err().isBlank()) {
        crashes.add(r + " but wrote to stderr: " + firstLine(r.err()));
      }
      stdout(r);
      long logged = events.stream().filter(e -> e.scan() == r.number() && SKIP_LOGGED.matcher(e.message()).find()).count();
      long reported = reportedSkips(r.out());
      if (logged < reported) {
        unloggedSkips.add(r + ": the report says " + reported + " message(s) skipped, the log names " + logged);
      }
    }
    for (LogCapture.Event e : events) {
      if (e.level() == Level.ERROR || e.throwable() && e.level().isGreaterOrEqual(Level.WARN)) {
        crashes.add("scan " + e.scan() + " logged " + e.level() + (e.throwable() ? " with a stack trace" : "") + ": "
            + e.message());
      }
      log(e, prefixes);
    }
  }

  private void log(LogCapture.Event e, List<String> prefixes) {
    String rendered = e.rendered().replaceFirst("\r?\n$", "");
    String[] lines = LINE_BREAK.split(rendered, -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean starts = i == 0 && startsLikeSecondcall(line, prefixes);
      if (e.secondcall() && !starts) {
        forgedLogLines.add("scan " + e.scan() + (i == 0 ? " line does not start as secondcall's: \"" : " forged line \"")
            + line + "\" from event \"" + e.rendered().strip() + "\"");
      }
    }
    Printable.unsafe(e.message()).filter(u -> !LINE_BREAK.matcher(e.message()).find())
        .ifPresent(u -> forgedLogLines.add("scan " + e.scan() + " " + e.level() + " message holds " + u));
  }

  private static boolean startsLikeSecondcall(String line, List<String> prefixes) {
    Matcher level = LEVEL.matcher(line);
    if (!level.lookingAt()) {
      return false;
    }
    String message = line.substring(level.end()).stripLeading();
    return prefixes.stream().anyMatch(message::startsWith);
  }

  private void stdout(Scans.Result r) {
    for (String line : r.out().split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      Printable.unsafe(line).ifPresentOrElse(
          u -> unsafeStdout.add(r + " printed " + u),
          () -> {
            if (!REPORT_LINE.matcher(line).matches()) {
              unsafeStdout.add(r + " printed a line that is none of secondcall's: \"" + line + "\"");
            }
          });
    }
  }

  private static long reportedSkips(String out) {
    Matcher m = SKIPPED.matcher(out);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static String firstLine(String s) {
    return s.strip().lines().findFirst().orElse("(nothing on stderr)");
  }
}
