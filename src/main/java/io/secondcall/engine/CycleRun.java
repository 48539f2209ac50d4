package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.MailMessage;
import io.secondcall.port.DigestEntry;
import io.secondcall.port.DraftSink;
import io.secondcall.port.MailSource;
import io.secondcall.port.ServerAccessException;
import io.secondcall.port.StateStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the parts of one cycle share: the ports, the instant it runs at, and the report. */
final class CycleRun {

  private static final Logger LOG = LoggerFactory.getLogger(Cycle.class);
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  final EngineSettings settings;
  final MailSource mail;
  final DraftSink sink;
  final StateStore store;
  final Instant now;
  final CycleReport report;

  CycleRun(EngineSettings settings, MailSource mail, DraftSink sink, StateStore store, Instant now, boolean dryRun) {
    this.settings = settings;
    this.mail = mail;
    this.sink = sink;
    this.store = store;
    this.now = now;
    this.report = new CycleReport(now, dryRun);
  }

  boolean dryRun() {
    return report.dryRun();
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
    String verb = dryRun() ? "would " : "";
    LOG.info("{} <{}> {}{} {}", settings.me().address(), action.contact(), verb,
        action.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), action.detail());
  }

  /** Queues a digest line; stored with the action so a crash can neither lose nor repeat it. */
  void digest(String key, Conversation c, String kind, String text) {
    store.addDigestEntry(new DigestEntry(key, c == null ? null : c.id(), kind, text, now));
  }

  /**
   * Handles one message in a transaction of its own, so that a message the rules cannot cope
   * with is rolled back, logged and skipped instead of failing the cycle for everybody else.
   */
  static void guarded(CycleRun run, String folder, MailMessage m, Runnable handling) {
    try {
      run.store.inTransaction(handling);
    } catch (RuntimeException e) {
      if (e instanceof ServerAccessException) {
        throw e;
      }
      LOG.warn("{} {} UID {} <{}> skipped: {}", run.settings.me().address(), folder, m.uid(), m.messageId(), e.toString());
      run.report.countSkipped(1);
    }
  }

  static String describe(Conversation c) {
    return c.contact() + " \"" + c.subject() + "\"";
  }
}
