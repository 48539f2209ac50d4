package io.secondcall.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the run left behind, judged: the mailbox read back from Dovecot, the ICS file, the log
 * and the printed reports, each rule with its violations; plus a summary for the test's output
 * and a report file listing every violation (the failure messages list the first twenty).
 */
final class RunOutcome {

  private static final Pattern INBOX_UID = Pattern.compile("(?i)(?:folder )?INBOX (?:uid|UID) (\\d+)");

  private final List<Scans.Result> scans;
  private final List<LogCapture.Event> events;
  private final MailboxView view;
  private final OutputRules output;
  private final DraftRules drafts;
  private final HeaderRules headers;
  private final CalendarRules calendar;
  private final DigestRules digest;

  private RunOutcome(List<Scans.Result> scans, List<LogCapture.Event> events, MailboxView view, OutputRules output,
      DraftRules drafts, HeaderRules headers, CalendarRules calendar, DigestRules digest) {
    this.scans = scans;
    this.events = events;
    this.view = view;
    this.output = output;
    this.drafts = drafts;
    this.headers = headers;
    this.calendar = calendar;
    this.digest = digest;
  }

  static RunOutcome read(ServerMailbox mailbox, MailboxPlan plan, List<Scans.Result> scans,
      List<LogCapture.Event> events, Path runDir, String user, Instant firstScan) throws Exception {
    MailboxView view = MailboxView.read(mailbox);
    // How secondcall's log messages start: the owner's address (engine), the account label
    // (IMAP), or a file of the run (calendar, state database).
    List<String> prefixes = List.of(CorpusOwner.PRIMARY + " ", user + "@127.0.0.1 ", runDir.toString());
    CalendarRules calendar = new CalendarRules(runDir.resolve("calendar.ics"),
        List.of("dentist" + CorpusConfig.SEEDED_UID_SUFFIX, "board" + CorpusConfig.SEEDED_UID_SUFFIX));
    if (calendar.blocks().isEmpty()) {
      calendar.problems.add("no callback block was booked, though the config knows the phone of "
          + String.join(", ", plan.phones.keySet()));
    }
    return new RunOutcome(scans, events, view, new OutputRules(scans, events, prefixes),
        new DraftRules(view, plan.expectedDrafts), new HeaderRules(view), calendar, new DigestRules(view, firstScan));
  }

  Violations crashes() {
    return output.crashes;
  }

  Violations unloggedSkips() {
    return output.unloggedSkips;
  }

  Violations forgedLogLines() {
    return output.forgedLogLines;
  }

  Violations unsafeStdout() {
    return output.unsafeStdout;
  }

  Violations draftsToLists() {
    return drafts.toLists;
  }

  Violations draftsToNoReply() {
    return drafts.toNoReply;
  }

  Violations draftsToAnswerers() {
    return drafts.toAnswerers;
  }

  Violations missingDrafts() {
    return drafts.missing;
  }

  Violations unsafeHeaders() {
    return headers.unsafe;
  }

  Violations calendarProblems() {
    return calendar.problems;
  }

  Violations staleEndings() {
    return digest.staleEndings;
  }

  private List<Violations> all() {
    return List.of(crashes(), unloggedSkips(), draftsToLists(), draftsToNoReply(), draftsToAnswerers(),
        unsafeHeaders(), forgedLogLines(), unsafeStdout(), calendarProblems(), missingDrafts(), staleEndings());
  }

  /** Counts of what was built, what the scans did and how many violations each rule has. */
  String summary(MailboxPlan plan) {
    StringBuilder sb = new StringBuilder("Corpus robustness run\n");
    plan.counts().forEach((kind, n) -> sb.append(String.format("  %5d  %s%n", n, kind)));
    Duration total = Duration.ZERO;
    for (Scans.Result r : scans) {
      sb.append("  ").append(r).append('\n');
      total = total.plus(r.took());
    }
    sb.append("  scans took ").append(total.toSeconds()).append(" s in all; ")
        .append(events.size()).append(" log events\n");
    events.stream().filter(e -> e.level().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
        .forEach(e -> sb.append("  scan ").append(e.scan()).append(" logged: ")
            .append(Printable.of(e.rendered().strip())).append(which(e.message())).append('\n'));
    sb.append("  read back: INBOX ").append(view.inbox.size()).append(", Sent ").append(view.sent.size())
        .append("; in the end: ").append(view.drafts.size()).append(" drafts, ").append(view.digests.size())
        .append(" digests, ").append(calendar.blocks().size()).append(" callback blocks; the INBOX proves ")
        .append(view.lists.addresses().size()).append(" list addresses\n");
    for (Violations v : all()) {
      sb.append(String.format("  %5d  %s%n", v.count(), v.rule()));
    }
    return sb.toString();
  }

  /** For a log line naming an INBOX UID: which message that is, so a skip can be looked at. */
  private String which(String message) {
    Matcher m = INBOX_UID.matcher(message);
    if (!m.find()) {
      return "";
    }
    long uid = Long.parseLong(m.group(1));
    return view.inbox.stream().filter(x -> x.stored().uid() == uid).findFirst()
        .map(x -> "\n      (that is From: " + Printable.of(x.stored().first("From")) + " Subject: "
            + Printable.of(x.stored().first("Subject")) + ")")
        .orElse("");
  }

  /** What each scan printed, unprintable characters escaped. */
  void writeStdout(Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Scans.Result r : scans) {
      sb.append("== ").append(r).append('\n');
      r.out().lines().forEach(l -> sb.append(Printable.of(l)).append('\n'));
      r.err().lines().forEach(l -> sb.append("stderr: ").append(Printable.of(l)).append('\n'));
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }

  /** Every violation of every rule, for reading after a failing run. */
  void writeReport(Path file, MailboxPlan plan) throws IOException {
    StringBuilder sb = new StringBuilder(summary(plan)).append('\n');
    for (Violations v : all()) {
      sb.append("== ").append(v.rule()).append(" (").append(v.count()).append(")\n");
      v.examples().forEach(e -> sb.append("  - ").append(e).append('\n'));
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }
}
