package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.MailMessage;
import io.secondcall.port.DraftSink;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import io.secondcall.port.MailSource;
import io.secondcall.port.CalendarDataException;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.ServerAccessException;
import io.secondcall.port.StateStore;
import io.secondcall.template.DigestComposer;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * One full cycle, the only place that orchestrates: read Sent, then the inbox, then the stop
 * folder, then the calendar's meetings; settle drafts; prepare what is due; clean up after ended
 * sequences; book and cancel callback blocks; deliver the digest.
 * Sent goes first so that a draft the user sent counts as a touch before its absence from
 * Drafts could be mistaken for a deletion.
 */
public final class Cycle {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Cycle.class);

  private final EngineSettings settings;
  private final MailSource mail;
  private final DraftSink sink;
  private final StateStore store;
  private final FollowUpWriter writer;
  private final DigestComposer digests;
  private final Clock clock;
  private final CalendarSide calendar;

  /**
   * The calendar half of a cycle: where callback blocks go, what they say, and the backoff that
   * keeps an unreachable calendar from holding up drafting.
   */
  public record CalendarSide(CalendarGateway gateway, BlockWriter writer, CalendarGuard guard) {}

  /** A cycle without a calendar ({@code calendar.provider: none}). */
  public Cycle(EngineSettings settings, MailSource mail, DraftSink sink, StateStore store,
      FollowUpWriter writer, DigestComposer digests, Clock clock) {
    this(settings, mail, sink, store, writer, digests, clock, null);
  }

  public Cycle(EngineSettings settings, MailSource mail, DraftSink sink, StateStore store,
      FollowUpWriter writer, DigestComposer digests, Clock clock, CalendarSide calendar) {
    this.settings = settings;
    this.mail = mail;
    this.sink = sink;
    this.store = store;
    this.writer = writer;
    this.digests = digests;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** Runs one cycle and writes its results. */
  public CycleReport run() {
    CycleRun run = new CycleRun(settings, mail, sink, store, clock.instant(), false);
    execute(run);
    return run.report;
  }

  /** Runs one cycle that changes nothing anywhere: state is rolled back, nothing is written to the mailbox. */
  public CycleReport dryRun() {
    CycleRun run = new CycleRun(settings, mail, NOTHING, store, clock.instant(), true);
    store.inDiscardedTransaction(() -> execute(run));
    return run.report;
  }

  private void execute(CycleRun run) {
    Instant firstScan = store.firstScanAt().orElseGet(() -> {
      store.setFirstScanAt(run.now);
      return run.now;
    });
    Instant notBefore = firstScan.minus(Duration.ofDays(settings.rules().lookbackDays()));
    new SentMail(run, firstScan, calendar != null).process(mail.changes(MailFolder.SENT, store.cursor(MailFolder.SENT), notBefore));
    new InboundMail(run).process(mail.changes(MailFolder.INBOX, store.cursor(MailFolder.INBOX), notBefore));
    stopFolder(run, mail.changes(MailFolder.STOP, store.cursor(MailFolder.STOP), notBefore));
    boolean calendarUp = calendar != null
        && calendar.guard().mayTry(run.now)
        && calendarWork(run, () -> new Meetings(run, calendarOf(run), notBefore).process());
    Drafts drafts = new Drafts(run, writer);
    drafts.reconcile();
    drafts.cleanUp();
    drafts.prepareDue();
    if (calendarUp) {
      calendarWork(run, () -> {
        Callbacks callbacks = new Callbacks(run, calendarOf(run), calendar.writer());
        callbacks.reconcile();
        callbacks.bookDue();
      });
    }
    new Digests(run, digests).deliver();
  }

  private CalendarGateway calendarOf(CycleRun run) {
    return run.dryRun() ? new ReadOnlyCalendar(calendar.gateway()) : calendar.gateway();
  }

  /**
   * Reads meetings or books blocks. An unreachable calendar does not stop the cycle: drafting
   * goes on, the failure is logged and reported, and calendar work is retried after a backoff.
   *
   * @return whether the calendar could be used
   */
  private boolean calendarWork(CycleRun run, Runnable work) {
    CalendarGuard guard = calendar.guard();
    try {
      work.run();
      guard.succeeded();
      return true;
    } catch (ServerAccessException e) {
      guard.failed(run.now, e);
      run.report.calendarFailed(e);
      LOG.warn("{} calendar: {}; retried after {}", settings.me().address(), e.getMessage(), run.when(guard.retryAt()));
    } catch (CalendarDataException e) {
      // A broken calendar file is the user's to fix; mail work goes on meanwhile.
      run.report.calendarFailed(e);
      LOG.warn("{} {}; no calendar work this cycle", settings.me().address(), e.getMessage());
    }
    return false;
  }

  /** Conversations the user moved to the stop folder end there. */
  private void stopFolder(CycleRun run, FolderChanges changes) {
    store.inTransaction(() -> {
      Set<String> stopped = new HashSet<>();
      for (MailMessage m : changes.messages()) {
        Set<String> ids = new HashSet<>(m.referencedIds());
        ids.add(m.messageId());
        for (String id : ids) {
          store.conversationOfMessage(id).flatMap(store::conversation)
              .filter(Conversation::isActive)
              .filter(c -> stopped.add(c.id()))
              .ifPresent(c -> stop(run, c, "moved to " + settings.rules().stopFolder()));
        }
      }
      store.saveCursor(MailFolder.STOP, changes.cursor());
    });
  }

  static void stop(CycleRun run, Conversation c, String reason) {
    Conversation ended = c.ended(Conversation.Status.STOPPED, reason, run.now);
    run.store.save(ended);
    run.record(Action.Kind.STOPPED, ended, reason, run.now);
    run.digest("stopped:" + c.id(), ended, "ended", CycleRun.describe(ended) + ": stopped (" + reason + ")");
  }

  /** The sink of a dry run. */
  private static final DraftSink NOTHING = new DraftSink() {
    @Override
    public void saveDraft(MimeMessage draft) {}

    @Override
    public void deleteDrafts(Collection<String> secondcallIds) {}

    @Override
    public void deliverToInbox(MimeMessage message) {}
  };
}
