package io.secondcall.cli;

import io.secondcall.core.SafeText;
import io.secondcall.engine.StatusView;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The table {@code secondcall status} prints. Contacts and subjects come from mail: each cell
 * goes through {@link SafeText#terminal}, so none can break the row, move the cursor or recolour
 * the terminal.
 */
final class StatusTable {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private final PrintWriter out;
  private final ZoneId zone;

  StatusTable(PrintWriter out, ZoneId zone) {
    this.out = out;
    this.zone = zone;
  }

  void print(List<StatusView.Row> rows) {
    if (rows.isEmpty()) {
      out.println("No conversations tracked yet.");
      return;
    }
    out.printf(Locale.ROOT, "%-19s %-28s %-30s %-17s %-4s %-17s %s%n", "ID", "CONTACT", "SUBJECT", "LAST TOUCH",
        "STEP", "CALL", "NEXT");
    for (StatusView.Row r : rows) {
      out.printf(Locale.ROOT, "%-19s %-28s %-30s %-17s %-4d %-17s %s%s%n", SafeText.terminal(r.id()),
          cut(SafeText.terminal(r.contact()), 28), cut(SafeText.terminal(r.subject()), 30), when(r.lastTouch()),
          r.step(), r.call() == null ? "-" : when(r.call()), SafeText.terminal(r.next()),
          r.nextAt() == null ? "" : " (" + when(r.nextAt()) + ")");
    }
  }

  private String when(Instant at) {
    return WHEN.format(at.atZone(zone));
  }

  /** At most {@code max} characters, never half of a surrogate pair. */
  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isLowSurrogate(s.charAt(end))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }
}
