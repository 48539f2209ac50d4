package io.secondcall.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report in words: lines for the terminal, and the one line of the weekly digest. */
public final class ReportText {

  private ReportText() {}

  public static List<String> lines(Figures f) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "Conversations: %d, answered: %d (%s)", f.conversations(), f.answered(),
        percent(f.answered(), f.conversations())));
    if (f.conversations() == 0) {
      lines.add("No history yet: the report fills as secondcall follows up.");
      return lines;
    }
    lines.add("Answers after a follow-up: " + share(f.answersAfterFollowUp()) + " of all answers");
    lines.add("");
    lines.add("By touch (1 = your first message): sent, answered after it, answer rate");
    f.byTouch().forEach(b -> lines.add(row("touch " + b.label(), b)));
    lines.add("");
    lines.add("By weekday of sending:");
    f.byWeekday().stream().filter(b -> b.sent() > 0).forEach(b -> lines.add(row(b.label(), b)));
    lines.add("");
    lines.add("By hour of sending:");
    f.byHour().stream().filter(b -> b.sent() > 0).forEach(b -> lines.add(row(b.label() + ":00", b)));
    lines.add("");
    lines.add("Median time to answer: " + duration(f.medianTimeToAnswer()));
    lines.add("Out-of-office replies: " + share(f.outOfOffice()) + " of conversations");
    lines.add("Bounces: " + share(f.bounced()) + " of conversations");
    lines.add("Meetings booked: " + f.meetings().part() + ", of which after a follow-up: "
        + f.meetingsAfterFollowUp().part());
    return lines;
  }

  /** One line for the digest, e.g. "Persistence: 3 of 5 answers (60%) came after a follow-up ...". */
  public static String digestLine(Figures f) {
    Share later = f.answersAfterFollowUp();
    return String.format(Locale.ROOT, "Persistence: %d of %d answers (%s) came after a follow-up; %d of %d"
        + " conversations answered; median time to answer %s", later.part(), later.whole(),
        percent(later.part(), later.whole()), f.answered(), f.conversations(), duration(f.medianTimeToAnswer()));
  }

  private static String row(String label, Bucket b) {
    return String.format(Locale.ROOT, "  %-9s %5d %5d %6s", label, b.sent(), b.answered(),
        percent(b.answered(), b.sent()));
  }

  static String share(Share s) {
    return s.part() + " (" + percent(s.part(), s.whole()) + ")";
  }

  static String percent(int part, int whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
  }

  /** "1 d 4 h", "5 h", "35 min"; "-" for none. */
  public static String duration(Duration d) {
    if (d == null) {
      return "-";
    }
    long hours = d.toHours();
    if (hours >= 24) {
      return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }
    return hours > 0 ? hours + " h" : d.toMinutes() + " min";
  }
}
