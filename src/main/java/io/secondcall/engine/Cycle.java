package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.MailMessage;
import io.secondcall.port.DraftSink;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import io.secondcall.port.MailSource;
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
 * folder; settle drafts; prepare what is due; clean up after ended sequences; deliver the digest.
 * Sent goes first so that a draft the user sent counts as a touch before its absence from
 * Drafts could be mistaken for a deletion.
 */
public final class Cycle {

  private final EngineSettings settings;
  private final MailSource mail;
  private final DraftSink sink;
  private final StateStore store;
  private final FollowUpWriter writer;
  private final DigestComposer digests;
  private final Clock clock;

  public Cycle(EngineSettings settings, MailSource mail, DraftSink sink, StateStore store,
      FollowUpWriter writer, DigestComposer digests, Clock clock) {
    this.settings = settings;
    this.mail = mail;
    this.sink = sink;
    this.store = store;
    this.writer = writer;
    this.digests = digests;
    this.clock = clock;
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
    new SentMail(run, firstScan).process(mail.changes(MailFolder.SENT, store.cursor(MailFolder.SENT), notBefore));
    new InboundMail(run).process(mail.changes(MailFolder.INBOX, store.cursor(MailFolder.INBOX), notBefore));
    stopFolder(run, mail.changes(MailFolder.STOP, store.cursor(MailFolder.STOP), notBefore));
    Drafts drafts = new Drafts(run, writer);
    drafts.reconcile();
    drafts.cleanUp();
    drafts.prepareDue();
    new Digests(run, digests).deliver();
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
