package io.secondcall.corpus;

import io.secondcall.testing.Dovecot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Robustness run over real mail: the SpamAssassin public corpus (fetched at test time) as the
 * INBOX of a throwaway Dovecot, a Sent folder as its owner's would look, recent outreach, list
 * posts and hostile mail; then seven scans of the real command line, in-process, over eight
 * business days, so that follow-ups fall due and one prospect answers in between. Each test checks one rule on what the run left behind, read back from Dovecot, the ICS
 * file, the log and the printed reports, and lists the conversations that break it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusRobustnessIT {

  static final long SEED = 20021231L;
  static final List<Instant> SCANS = List.of(
      Instant.parse("2026-11-16T09:30:00Z"), Instant.parse("2026-11-17T09:30:00Z"),
      Instant.parse("2026-11-18T09:30:00Z"), Instant.parse("2026-11-19T09:30:00Z"),
      Instant.parse("2026-11-20T09:30:00Z"), Instant.parse("2026-11-23T09:30:00Z"),
      Instant.parse("2026-11-25T09:30:00Z"));
  /** The prospect's answer of {@link MailboxPlan#late} arrives after this scan. */
  static final int LATE_AFTER_SCAN = 2;

  private Dovecot dovecot;
  private MailboxPlan plan;
  private final List<Scans.Result> results = new ArrayList<>();
  private RunOutcome outcome;

  @BeforeAll
  void run(@TempDir Path dir) throws Exception {
    List<SpamAssassinCorpus.Message> corpus = SpamAssassinCorpus.load(Path.of("target", "spam-assassin-corpus"));
    // Dovecot's unprivileged processes must be able to walk into its directory.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path serverDir = Files.createDirectories(dir.resolve("dovecot"));
    dovecot = Dovecot.start(serverDir);
    String user = dovecot.newUser();
    plan = CorpusMailbox.plan(corpus, SCANS.get(0), SEED);
    try (ServerMailbox mailbox = new ServerMailbox(dovecot, user)) {
      mailbox.createFolders();
      CorpusMailbox.write(plan, new Maildir(dovecot.maildir(user)));
      Path runDir = Files.createDirectories(dir.resolve("run"));
      Path config = CorpusConfig.write(runDir, dovecot, user, plan.phones);
      try (LogCapture logs = LogCapture.start()) {
        Scans scans = new Scans(config, logs);
        for (int i = 0; i < SCANS.size(); i++) {
          results.add(scans.run(i + 1, SCANS.get(i)));
          if (i + 1 == LATE_AFTER_SCAN) {
            for (Letter l : plan.late) {
              mailbox.deliver(Letter.INBOX, l.message().bytes(), l.arrived());
            }
          }
        }
        outcome = RunOutcome.read(mailbox, plan, results, logs.events(), runDir, user, SCANS.get(0));
        logs.writeTo(Path.of("target", "corpus-robustness.log"));
      }
    }
    // For reading after a failing run: every violation, the whole log, what each scan printed.
    outcome.writeReport(Path.of("target", "corpus-robustness-report.txt"), plan);
    outcome.writeStdout(Path.of("target", "corpus-robustness-stdout.txt"));
    System.out.println(outcome.summary(plan));
  }

  @AfterAll
  void stop() {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  @Test
  void everyScanEndsWithoutACrash() {
    outcome.crashes().assertNone();
  }

  @Test
  void everySkippedMessageIsLogged() {
    outcome.unloggedSkips().assertNone();
  }

  @Test
  void noDraftGoesToAMailingList() {
    outcome.draftsToLists().assertNone();
  }

  @Test
  void noDraftGoesToANoReplyAddress() {
    outcome.draftsToNoReply().assertNone();
  }

  @Test
  void noDraftGoesToSomeoneWhoAnswered() {
    outcome.draftsToAnswerers().assertNone();
  }

  @Test
  void everyDraftAndDigestHasCleanHeaders() {
    outcome.unsafeHeaders().assertNone();
  }

  @Test
  void noLogLineIsForged() {
    outcome.forgedLogLines().assertNone();
  }

  @Test
  void theReportsOnStdoutAreClean() {
    outcome.unsafeStdout().assertNone();
  }

  @Test
  void theCalendarParsesAndHoldsOnlyWhatSecondcallWrote() {
    outcome.calendarProblems().assertNone();
  }

  @Test
  void theUnansweredOutreachGotItsDrafts() {
    outcome.missingDrafts().assertNone();
  }

  @Test
  void theFirstDigestEndsNoSequenceThatWasAnsweredBeforeItBegan() {
    outcome.staleEndings().assertNone();
  }
}
