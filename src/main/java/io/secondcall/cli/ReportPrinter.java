package io.secondcall.cli;

import io.secondcall.core.SafeText;
import io.secondcall.engine.Action;
import io.secondcall.engine.CycleReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Prints a cycle's report for a person at a terminal. */
final class ReportPrinter {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private final PrintWriter out;
  private final ZoneId zone;

  ReportPrinter(PrintWriter out, ZoneId zone) {
    this.out = out;
    this.zone = zone;
  }

  void print(CycleReport report) {
    String prefix = report.dryRun() ? "would " : "";
    List<Action> actions = report.actions();
    if (actions.isEmpty()) {
      out.println(report.dryRun() ? "Nothing to do." : "Nothing new.");
    }
    for (Action a : actions) {
      out.println(line(prefix, a));
    }
    if (report.skippedMessages() > 0) {
      out.println(report.skippedMessages() + " malformed message(s) skipped (see log)");
    }
    out.flush();
  }

  String line(String prefix, Action a) {
    String verb = switch (a.kind()) {
      case TRACKED -> "track";
      case IGNORED -> "ignore";
      case DRAFTED -> "draft";
      case DEFERRED -> "defer";
      case TOUCHED -> "touch";
      case STEP_SKIPPED -> "skip";
      case REPLIED -> "end (reply)";
      case PAUSED -> "pause";
      case BOUNCED -> "end (bounce)";
      case STOPPED -> "stop";
      case EXHAUSTED -> "close";
      case BOOKED -> "book call";
      case CLEANED_UP -> "clean up";
      case DIGEST -> "send digest";
    };
    // Contacts, subjects and details quote mail: one safe line each, whatever arrived.
    String contact = a.contact().isEmpty() ? "" : " <" + SafeText.terminal(a.contact()) + ">";
    String subject = a.subject().isEmpty() ? "" : " \"" + SafeText.terminal(a.subject()) + "\"";
    return String.format(Locale.ROOT, "%-16s%s%s: %s%s", prefix + verb, contact, subject, SafeText.terminal(a.detail()),
        when(a.at()));
  }

  private String when(Instant at) {
    return at == null ? "" : " [" + WHEN.format(at.atZone(zone)) + "]";
  }
}
