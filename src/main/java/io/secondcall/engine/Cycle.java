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
import io.secondcall.port.SyncCursor;
import io.secondcall.template.DigestComposer;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One full cycle, the only place that orchestrates: read what is new in Sent, the inbox, the stop
 * folder and the calendar, learn the mailing lists the inbox reveals, and apply it all as one
 * timeline in order of time; then settle drafts, clean up after ended sequences, prepare what
 * is due, book and cancel callback blocks, and deliver the digest. All mail is read before the
 * drafts are settled, so that a draft the user sent counts as a touch before its absence from
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
    try {
      execute(run);
    } catch (ServerAccessException e) {
      // Calendar failures are handled inside; what reaches here is the mail server's.
      Outages.mailFailed(store, run.now, e, !e.isTransient());
      throw e;
    } finally {
      mail.cycleEnded();
    }
    return run.report;
  }

  /** Runs one cycle that changes nothing anywhere: state is rolled back, nothing is written to the mailbox. */
  public CycleReport dryRun() {
    CycleRun run = new CycleRun(settings, mail, NOTHING, store, clock.instant(), true);
    try {
      store.inDiscardedTransaction(() -> execute(run));
    } finally {
      mail.cycleEnded();
    }
    return run.report;
  }

  private void execute(CycleRun run) {
    Instant firstScan = store.firstScanAt().orElseGet(() -> {
      store.setFirstScanAt(run.now);
      return run.now;
    });
    run.firstScanAt(firstScan);
    Instant notBefore = firstScan.minus(Duration.ofDays(settings.rules().lookbackDays()));
    Map<MailFolder, SyncCursor> cursors = new EnumMap<>(MailFolder.class);
    for (MailFolder folder : List.of(MailFolder.SENT, MailFolder.INBOX, MailFolder.STOP)) {
      cursors.put(folder, store.cursor(folder));
    }
    FolderChanges sent = mail.changes(MailFolder.SENT, cursors.get(MailFolder.SENT), notBefore);
    FolderChanges inbox = mail.changes(MailFolder.INBOX, cursors.get(MailFolder.INBOX), notBefore);
    FolderChanges stop = mail.changes(MailFolder.STOP, cursors.get(MailFolder.STOP), notBefore);
    Outages.mailWorks(run);
    InboundMail inboundMail = new InboundMail(run);
    inboundMail.learnLists(inbox);

    Timeline timeline = new Timeline();
    Set<String> meetingDomains = new HashSet<>();
    boolean calendarUp = calendar != null
        && calendar.guard().mayTry(run.now)
        && calendarWork(run, () -> {
          Meetings meetings = new Meetings(run, calendarOf(run), notBefore);
          timeline.addAll(meetings.events());
          meetingDomains.addAll(meetings.contactDomains());
        });
    timeline.addAll(new SentMail(run, firstScan, calendar != null).events(sent));
    timeline.addAll(inboundMail.events(inbox, sent.messages(), meetingDomains));
    timeline.addAll(stopEvents(run, stop));
    timeline.apply(run);
    // A cursor that did not move is not written: a cycle without news commits nothing here.
    Map<MailFolder, SyncCursor> moved = new EnumMap<>(MailFolder.class);
    for (FolderChanges changes : List.of(sent, inbox, stop)) {
      if (!changes.cursor().equals(cursors.get(changes.folder()))) {
        moved.put(changes.folder(), changes.cursor());
      }
    }
    if (!moved.isEmpty()) {
      store.inTransaction(() -> moved.forEach(store::saveCursor));
    }

    // The calls of steps drafted now are planned with the drafts, so that a draft can name its call.
    Callbacks callbacks = calendarUp ? new Callbacks(run, calendarOf(run), calendar.writer()) : null;
    boolean planning = callbacks != null && calendarWork(run, callbacks::readBusyTime);
    Drafts drafts = new Drafts(run, writer, planning ? callbacks : null);
    drafts.reconcile();
    drafts.cleanUp();
    drafts.prepareDue();
    if (planning) {
      calendarWork(run, () -> {
        callbacks.reconcile();
        callbacks.bookDue();
      });
    }
    new Digests(run, digests).deliver();
    Archive.daily(run);
  }

  private CalendarGateway calendarOf(CycleRun run) {
    return run.dryRun() ? new ReadOnlyCalendar(calendar.gateway()) : calendar.gateway();
  }

  /**
   * Reads meetings or books blocks. An unreachable calendar does not stop the cycle: drafting
   * goes on, the failure is logged and reported, and calendar work is retried after a backoff.
   * The journal gets one warning per failure, not one per retry: a revoked grant or a long
   * outage would otherwise fill it with the same line every quarter of an hour.
   *
   * @return whether the calendar could be used
   */
  private boolean calendarWork(CycleRun run, Runnable work) {
    CalendarGuard guard = calendar.guard();
    try {
      work.run();
      if (guard.failure().isPresent()) {
        LOG.info("{} calendar works again", settings.me().address());
      }
      guard.succeeded();
      Outages.calendarWorks(run);
      return true;
    } catch (ServerAccessException e) {
      boolean repeated = guard.failure().filter(f -> Objects.equals(f.getMessage(), e.getMessage())).isPresent();
      guard.failed(run.now, e);
      run.report.calendarFailed(e);
      Outages.calendarFailed(run, e);
      String line = "{} calendar: {}; retried after {}";
      if (repeated) {
        LOG.debug(line, settings.me().address(), e.getMessage(), run.when(guard.retryAt()));
      } else {
        LOG.warn(line, settings.me().address(), e.getMessage(), run.when(guard.retryAt()));
      }
    } catch (CalendarDataException e) {
      // A broken calendar file is the user's to fix; mail work goes on meanwhile.
      run.report.calendarFailed(e);
      Outages.calendarFailed(run, e);
      LOG.warn("{} {}; no calendar work this cycle", settings.me().address(), e.getMessage());
    }
    return false;
  }

  /**
   * Conversations the user moved to the stop folder end there. When the user moved them is not
   * known, so the stops come last in the timeline.
   */
  private List<Timeline.Event> stopEvents(CycleRun run, FolderChanges changes) {
    run.report.countSkipped(changes.skipped());
    List<Timeline.Event> events = new ArrayList<>();
    for (MailMessage m : changes.messages()) {
      events.add(new Timeline.Event(run.now, Timeline.Source.STOP, m.uid(),
          "stop folder UID " + m.uid() + " <" + m.messageId() + ">", () -> {
            Set<String> ids = new LinkedHashSet<>(m.referencedIds());
            ids.add(m.messageId());
            Set<String> stopped = new HashSet<>();
            for (String id : ids) {
              store.conversationOfMessage(id).flatMap(store::conversation)
                  .filter(Conversation::isActive)
                  .filter(c -> stopped.add(c.id()))
                  .ifPresent(c -> stop(run, c, "moved to " + settings.rules().stopFolder()));
            }
          }));
    }
    return events;
  }

  static void stop(CycleRun run, Conversation c, String reason) {
    Conversation ended = run.store.save(c.ended(Conversation.Status.STOPPED, reason, run.now));
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
