package io.secondcall.engine;

import io.secondcall.core.Ids;
import io.secondcall.port.DigestEntry;
import io.secondcall.port.MailFolder;
import io.secondcall.report.Figures;
import io.secondcall.report.Persistence;
import io.secondcall.report.ReportText;
import io.secondcall.report.StoredHistory;
import io.secondcall.template.Digest;
import io.secondcall.template.DigestComposer;
import io.secondcall.template.DigestLine;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;

/**
 * Delivers one digest per cycle that had something to report. The digest id is recorded with
 * its entries before the APPEND; after a crash the inbox says whether it landed, so the user
 * gets each entry exactly once.
 */
final class Digests {

  static final String INFLIGHT = "digest.inflight";
  /** The week whose report line went into a digest, e.g. "report:2026-W51". */
  static final String WEEKLY_REPORT = "digest.weekly_report";

  private final CycleRun run;
  private final DigestComposer composer;

  Digests(CycleRun run, DigestComposer composer) {
    this.run = run;
    this.composer = composer;
  }

  void deliver() {
    Optional<String> inflight = run.store.meta(INFLIGHT);
    if (inflight.isPresent()) {
      String id = inflight.get();
      if (!run.mail.secondcallIds(MailFolder.INBOX).contains(id)) {
        append(id, run.store.digestEntries(id));
      }
      run.store.setMeta(INFLIGHT, null);
    }
    List<DigestEntry> pending = run.store.pendingDigestEntries();
    if (pending.isEmpty()) {
      return;
    }
    if (addWeeklyReport()) {
      pending = run.store.pendingDigestEntries();
    }
    List<String> keys = pending.stream().map(DigestEntry::key).toList();
    String id = "digest-" + Ids.sha256Hex(String.join("\n", keys)).substring(0, 16);
    run.store.inTransaction(() -> {
      run.store.markDigestDelivered(keys, id);
      run.store.setMeta(INFLIGHT, id);
    });
    append(id, pending);
    run.store.setMeta(INFLIGHT, null);
    run.record(new Action(Action.Kind.DIGEST, "", run.settings.me().address(), "", pending.size() + " item(s)", run.now));
  }

  /**
   * There is no weekly digest: the first digest of each week (in the user's zone) carries one
   * line of the persistence report. The line is an entry like any other, so a crash neither loses
   * nor repeats it.
   */
  private boolean addWeeklyReport() {
    ZonedDateTime local = run.now.atZone(run.zone());
    String week = "report:" + local.get(IsoFields.WEEK_BASED_YEAR) + "-W"
        + local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    if (run.store.meta(WEEKLY_REPORT).filter(week::equals).isPresent()) {
      return false;
    }
    Figures figures = new Persistence(run.zone(), Clock.fixed(run.now, ZoneOffset.UTC))
        .figures(StoredHistory.read(run.store));
    run.store.inTransaction(() -> {
      if (figures.answered() > 0) {
        run.store.addDigestEntry(new DigestEntry(week, null, DigestLine.REPORT, ReportText.digestLine(figures), run.now));
      }
      run.store.setMeta(WEEKLY_REPORT, week);
    });
    return figures.answered() > 0;
  }

  private void append(String id, List<DigestEntry> entries) {
    List<DigestLine> lines = entries.stream().map(e -> new DigestLine(e.kind(), e.text())).toList();
    run.sink.deliverToInbox(composer.compose(new Digest(id, run.settings.me(), lines, run.now, run.zone())));
  }
}
