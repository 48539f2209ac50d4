package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.port.DigestEntry;
import io.secondcall.port.DraftSink;
import io.secondcall.port.MailSource;
import io.secondcall.port.ServerAccessException;
import io.secondcall.port.StaleStateException;
import io.secondcall.port.StateStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the parts of one cycle share: the ports, the instant it runs at, and the report. */
final class CycleRun {

  private static final Logger LOG = LoggerFactory.getLogger(Cycle.class);
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  /** How often work that met a row changed by someone else is read and decided again. */
  static final int STALE_RETRIES = 3;

  final EngineSettings settings;
  final MailSource mail;
  final DraftSink sink;
  final StateStore store;
  final Instant now;
  final CycleReport report;
  /** Events before this are history secondcall found at its first scan, not news for the digest. */
  private Instant firstScanAt = Instant.MIN;
  private final ActiveIndex active;
  /** Actions of a batch not committed yet: logged once it is, forgotten when it is rolled back. */
  private List<Action> unlogged;

  CycleRun(EngineSettings settings, MailSource mail, DraftSink sink, StateStore store, Instant now, boolean dryRun) {
    this.settings = settings;
    this.mail = mail;
    this.sink = sink;
    this.store = store;
    this.now = now;
    this.report = new CycleReport(now, dryRun);
    this.active = new ActiveIndex(store);
  }

  boolean dryRun() {
    return report.dryRun();
  }

  void firstScanAt(Instant at) {
    firstScanAt = at;
  }

  /** The active conversations by contact and thread, read from the store when asked. */
  ActiveIndex active() {
    return active;
  }

  ZoneId zone() {
    return settings.calendar().zone();
  }

  /** "Fri 4 Dec 09:00" in the user's zone. */
  String when(Instant instant) {
    return DUE.format(instant.atZone(zone()));
  }

  /** Records and logs one action, journal style: account, contact, what happened. */
  void record(Action.Kind kind, Conversation c, String detail, Instant at) {
    record(new Action(kind, c == null ? "" : c.id(), c == null ? "" : c.contact().address(),
        c == null ? "" : c.subject(), detail, at));
  }

  void record(Action action) {
    report.add(action);
    if (unlogged != null) {
      unlogged.add(action);
    } else {
      log(action);
    }
  }

  private void log(Action action) {
    String verb = dryRun() ? "would " : "";
    LOG.info("{} <{}> {}{} {}", settings.me().address(), action.contact(), verb,
        action.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), action.detail());
  }

  /** Queues a digest line; stored with the action so a crash can neither lose nor repeat it. */
  void digest(String key, Conversation c, String kind, String text) {
    digest(key, c, kind, text, now);
  }

  /**
   * Queues a digest line about something that happened at {@code happened}. What happened before
   * secondcall's first scan is history it found, not news: a thread answered before installation
   * never started a sequence, so no sequence "ended".
   */
  void digest(String key, Conversation c, String kind, String text, Instant happened) {
    if (happened.isBefore(firstScanAt)) {
      return;
    }
    store.addDigestEntry(new DigestEntry(key, c == null ? null : c.id(), kind, text, now));
  }

  /**
   * Runs {@code work} in one transaction; when it meets a conversation that changed since it was
   * read (a stop from another process), it is rolled back and run again, reading afresh.
   */
  void transaction(Runnable work) {
    for (int attempt = 1; ; attempt++) {
      int reported = report.size();
      try {
        store.inTransaction(work);
        return;
      } catch (StaleStateException e) {
        report.forgetAfter(reported);
        if (attempt >= STALE_RETRIES) {
          throw e;
        }
        LOG.debug("{} {}; deciding again", settings.me().address(), e.getMessage());
      }
    }
  }

  /**
   * Handles one message or event in a transaction of its own, so that one the rules cannot cope
   * with is rolled back, logged and skipped instead of failing the cycle for everybody else.
   */
  void guarded(String what, Runnable handling) {
    int reported = report.size();
    try {
      transaction(handling);
    } catch (RuntimeException e) {
      if (e instanceof ServerAccessException) {
        throw e;
      }
      // What it did was rolled back: the report does not claim it either.
      report.forgetAfter(reported);
      LOG.warn("{} {} skipped: {}", settings.me().address(), what, e.toString());
      report.countSkipped(1);
    }
  }

  /**
   * Runs all {@code works} in one transaction, one commit for all instead of one each: a no-op
   * when it is rolled back, for it only writes state, and the folder cursors move on only after
   * the whole timeline. When one of them throws, everything is rolled back, the actions it
   * recorded are forgotten, and the works run again each {@link #guarded} on its own.
   */
  void together(List<Timeline.Event> works) {
    // A dry run is one transaction already: a failed batch inside it could not be rolled back.
    if (works.size() > 1 && !dryRun()) {
      int reported = report.size();
      List<Action> batch = new ArrayList<>();
      unlogged = batch;
      try {
        store.inTransaction(() -> works.forEach(e -> e.apply().run()));
        unlogged = null;
        batch.forEach(this::log);
        return;
      } catch (RuntimeException e) {
        report.forgetAfter(reported);
        LOG.debug("{} a batch of {} was rolled back ({}); each is applied on its own", settings.me().address(),
            works.size(), e.toString());
      } finally {
        unlogged = null;
      }
    }
    works.forEach(e -> guarded(e.what(), e.apply()));
  }

  static String describe(Conversation c) {
    return c.contact() + " \"" + c.subject() + "\"";
  }
}
