package io.secondcall.engine;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the state small (SPEC section 9, {@code state.keep_days}): once a day, the ended
 * conversations older than that go with their steps, blocks and delivered digest lines. Their
 * Message-IDs stay linked, so that mail read again after a resync is known as handled; and no
 * conversation goes while its messages or meetings are still inside what a cycle reads (the
 * look-back), so that none of them can start it afresh.
 */
final class Archive {

  private static final Logger LOG = LoggerFactory.getLogger(Cycle.class);

  /** Meta key: the local day the archive was last tidied. */
  static final String DAY = "archive.day";

  private Archive() {}

  static void daily(CycleRun run) {
    if (run.dryRun()) {
      return;
    }
    String today = run.settings.calendar().localDate(run.now).toString();
    if (run.store.meta(DAY).filter(today::equals).isPresent()) {
      return;
    }
    int days = Math.max(run.settings.keepDays(), Meetings.behindDays(run.settings));
    Instant cutoff = run.now.minus(Duration.ofDays(days));
    run.transaction(() -> {
      int archived = run.store.archiveEndedBefore(cutoff);
      run.store.setMeta(DAY, today);
      if (archived > 0) {
        LOG.info("{} archived {} conversation(s) that ended more than {} days ago", run.settings.me().address(),
            archived, days);
      }
    });
  }
}
