package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.FollowUpPolicy;
import io.secondcall.core.PlannedStep;
import io.secondcall.core.StepKind;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.FolderMissingException;
import io.secondcall.port.MailFolder;
import io.secondcall.port.StepRecord;
import io.secondcall.port.StepRecord.State;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares due follow-up drafts, and keeps the drafts folder and the state in step: drafts the
 * user deleted are skipped steps, drafts of ended sequences are removed.
 *
 * <p>Crash safety: a step is recorded as PREPARING, in the same transaction that uses it up,
 * before its draft is written; after a crash the drafts folder says whether the write landed.
 */
final class Drafts {

  private static final Logger LOG = LoggerFactory.getLogger(Cycle.class);

  private final CycleRun run;
  private final FollowUpWriter writer;
  private final Callbacks calls;
  private final FollowUpPolicy policy;

  /** @param calls plans the call of each step drafted, or null without a usable calendar */
  Drafts(CycleRun run, FollowUpWriter writer, Callbacks calls) {
    this.run = run;
    this.writer = writer;
    this.calls = calls;
    this.policy = new FollowUpPolicy(run.settings.rules(), run.settings.calendar());
  }

  /** Meta key: the state of the drafts folder (see MailSource.version) in which every open draft was last checked. */
  static final String DRAFTS_SEEN = "drafts.seen";

  /** Meta key: the drafts folder was found missing (and reported) at this instant. */
  static final String FOLDER_MISSING = "outage.drafts";

  /** False while the drafts folder we wrote to has vanished: nothing is drafted then. */
  private boolean folderThere = true;

  /**
   * Settles steps left PREPARING by a crash and notices drafts the user deleted. A drafts folder
   * that vanished (renamed, deleted, a changed config) says nothing about the drafts in it: then
   * nothing is skipped, nothing drafted, and the user is told.
   */
  void reconcile() {
    List<StepRecord> open = new ArrayList<>(run.store.stepsIn(State.PREPARING));
    open.addAll(run.store.stepsIn(State.DRAFTED));
    if (open.isEmpty()) {
      return;
    }
    // Taken before the ids are read, so that a change during the read shows next time.
    Optional<String> version = run.mail.version(MailFolder.DRAFTS);
    boolean settling = open.stream().anyMatch(s -> s.state() == State.PREPARING);
    if (!settling && version.isPresent() && version.equals(run.store.meta(DRAFTS_SEEN))) {
      return; // nothing was added, removed or flagged in Drafts since every open draft was last checked
    }
    Set<String> inDrafts;
    try {
      inDrafts = run.mail.secondcallIds(MailFolder.DRAFTS);
      folderBack();
    } catch (FolderMissingException e) {
      if (open.stream().anyMatch(s -> s.state() == State.DRAFTED)) {
        folderMissing(e, open.size());
        return;
      }
      inDrafts = Set.of(); // never created yet: the first draft creates it
    }
    for (StepRecord step : open) {
      Optional<Conversation> c = run.store.conversation(step.conversationId());
      boolean present = inDrafts.contains(step.secondcallId());
      if (step.state() == State.PREPARING) {
        if (present) {
          run.store.saveStep(step.withState(State.DRAFTED, run.now));
        } else if (c.isPresent() && c.get().isActive()) {
          write(c.get(), step);
        } else {
          run.store.saveStep(step.withState(State.CANCELLED, run.now));
        }
      } else if (!present && c.isPresent() && c.get().isActive()) {
        run.store.saveStep(step.withState(State.SKIPPED, run.now));
        run.record(Action.Kind.STEP_SKIPPED, c.get(), "step " + step.number() + " draft deleted unsent", run.now);
      }
    }
    if (version.isPresent() && !version.equals(run.store.meta(DRAFTS_SEEN))) {
      run.store.setMeta(DRAFTS_SEEN, version.get());
    }
  }

  private void folderMissing(FolderMissingException e, int drafts) {
    folderThere = false;
    LOG.warn("{} {}: {} draft(s) cannot be checked; nothing is skipped and nothing drafted until it is back",
        run.settings.me().address(), e.getMessage(), drafts);
    if (run.store.meta(FOLDER_MISSING).isEmpty()) {
      run.transaction(() -> {
        run.store.setMeta(FOLDER_MISSING, Long.toString(run.now.toEpochMilli()));
        run.digest("drafts-missing:" + run.now.toEpochMilli(), null, "login", "The drafts folder is gone ("
            + e.getMessage() + "). " + drafts + " draft(s) of secondcall were in it; no step was skipped and none"
            + " is drafted until the folder is back. Restore or rename it, or set mail.imap.drafts_folder.");
      });
    }
  }

  private void folderBack() {
    if (run.store.meta(FOLDER_MISSING).isPresent()) {
      run.store.setMeta(FOLDER_MISSING, null);
    }
  }

  /**
   * Removes every draft of ours nobody wants any more: of sequences that ended (reply, bounce,
   * stop) and of steps the user did by hand. The removal is idempotent and the states change
   * only after it, so a crash in between just removes again.
   */
  void cleanUp() {
    if (!folderThere) {
      return;
    }
    List<StepRecord> unwanted = new ArrayList<>(run.store.stepsIn(State.SUPERSEDED));
    List<StepRecord> unsent = new ArrayList<>(run.store.stepsIn(State.DRAFTED));
    unsent.addAll(run.store.stepsIn(State.PREPARING));
    unsent.stream()
        .filter(s -> run.store.conversation(s.conversationId()).map(c -> !c.isActive()).orElse(true))
        .forEach(unwanted::add);
    if (unwanted.isEmpty()) {
      return;
    }
    run.sink.deleteDrafts(unwanted.stream().map(StepRecord::secondcallId).toList());
    run.transaction(() -> {
      for (StepRecord s : unwanted) {
        boolean byHand = s.state() == State.SUPERSEDED;
        run.store.saveStep(s.withState(byHand ? State.SENT : State.CANCELLED, run.now));
        run.store.conversation(s.conversationId()).ifPresent(c -> run.record(Action.Kind.CLEANED_UP, c,
            "removed unsent draft of step " + s.number() + (byHand ? " (you followed up yourself)" : ""), run.now));
      }
    });
  }

  /** Meta key: when follow-ups were last prepared in a business morning's first cycle. */
  static final String MORNING = "drafting.morning";
  /**
   * Meta key: what the last full look at the due steps saw ({@link #lookKey}) and when. Steps
   * fall due only at a start of work, which the morning's look covers; until the next one, a
   * cycle that finds the same key has nothing new to decide and reads no conversation.
   */
  static final String LOOKED = "drafting.looked";

  /**
   * Drafts every step that is due, oldest conversation first, up to the daily cap.
   *
   * <p>Every step falls due at a start of work, so the first cycle of a business morning drafts
   * what is due. A later cycle that day drafts too (new outreach found late, a resumed sequence),
   * except for a sequence whose draft the user deleted since the morning: when they deleted it is
   * not known, so its next step waits for the next morning, however often cycles run. A later
   * cycle in which no conversation or step changed skips the look altogether, and a step that
   * does not fit is reported once, when it first falls due, not again in every cycle.
   */
  void prepareDue() {
    if (!folderThere) {
      return;
    }
    Instant moment = run.settings.calendar().lastStartOfWork(run.now);
    Optional<Instant> lastMorning = run.store.meta(MORNING).map(Long::parseLong).map(Instant::ofEpochMilli);
    boolean morning = lastMorning.isEmpty() || lastMorning.get().isBefore(moment);
    Optional<String[]> looked = run.store.meta(LOOKED).map(v -> v.split("@", 2)).filter(v -> v.length == 2);
    Instant lastLook = looked.map(v -> Instant.ofEpochMilli(Long.parseLong(v[1]))).orElse(Instant.MIN);
    // A cycle run as if earlier (scan --now) looks afresh: the memo speaks of later times.
    if (!morning && !run.now.isBefore(lastLook) && looked.filter(v -> v[0].equals(lookKey())).isPresent()) {
      return;
    }
    Set<String> waitForMorning = new HashSet<>();
    if (!morning) {
      run.store.stepsChangedSince(State.SKIPPED, lastMorning.get()).stream()
          .filter(s -> s.updatedAt().isAfter(lastMorning.get()))
          .forEach(s -> waitForMorning.add(s.conversationId()));
    }
    LocalDate today = run.settings.calendar().localDate(run.now);
    Instant dayStart = today.atStartOfDay(run.zone()).toInstant();
    Instant dayEnd = today.plusDays(1).atStartOfDay(run.zone()).toInstant();
    int preparedToday = run.store.countPreparedBetween(dayStart, dayEnd);
    int cap = run.settings.rules().maxDraftsPerDay();
    boolean businessDay = run.settings.calendar().isBusinessDay(today);
    List<Conversation> conversations = new ArrayList<>(run.store.activeConversations());
    conversations.sort(Comparator.comparing(Conversation::lastTouchAt));
    // One read for all conversations: which of them have a draft still waiting for the user.
    Set<String> waiting = new HashSet<>();
    for (State state : List.of(State.DRAFTED, State.PREPARING)) {
      run.store.stepsIn(state).forEach(s -> waiting.add(s.conversationId()));
    }
    for (Conversation c : conversations) {
      if (waitForMorning.contains(c.id())) {
        continue;
      }
      boolean pending = waiting.contains(c.id());
      Optional<PlannedStep> next = policy.next(c, pending);
      if (next.isEmpty()) {
        if (!pending && policy.exhausted(c)) {
          exhaust(c);
        }
        continue;
      }
      PlannedStep step = next.get();
      if (step.dueAt().isAfter(run.now)) {
        continue;
      }
      if (!businessDay || preparedToday >= cap) {
        // Said once, when the step falls due; it waits silently for the next business day after.
        if (step.dueAt().isAfter(lastLook)) {
          run.record(Action.Kind.DEFERRED, c, "step " + step.number()
              + (businessDay ? " (daily cap of " + cap + " reached)" : " (not a business day)"), step.dueAt());
        }
        continue;
      }
      prepare(c, step);
      preparedToday++;
    }
    run.transaction(() -> {
      if (morning) {
        // Only once the morning's drafting is done: a crash before this drafts the morning again.
        run.store.setMeta(MORNING, Long.toString(run.now.toEpochMilli()));
      }
      run.store.setMeta(LOOKED, lookKey() + "@" + run.now.toEpochMilli());
    });
  }

  /** The state's change count and the rules that decide when steps fall due and how many fit a day. */
  private String lookKey() {
    var rules = run.settings.rules();
    return run.store.changes() + " " + rules.cadence() + " " + rules.nurtureDays() + " " + rules.maxTouches() + " "
        + rules.maxDraftsPerDay();
  }

  private void prepare(Conversation read, PlannedStep plan) {
    // The first step after a meeting is the recap, the "second call" draft.
    StepKind kind = read.startedWithMeeting() && plan.number() == 1 ? StepKind.RECAP : plan.kind();
    StepRecord step = new StepRecord(plan.secondcallId(), read.id(), plan.number(), kind, plan.dueAt(),
        State.PREPARING, run.now, run.now);
    Optional<CallbackRecord> call = calls == null ? Optional.empty() : calls.plan(read, step);
    AtomicReference<Conversation> used = new AtomicReference<>();
    // Read again inside the transaction: a stop that landed since the list was read wins.
    run.transaction(() -> run.store.conversation(read.id())
        .filter(c -> c.isActive() && c.stepsDone() == read.stepsDone())
        .ifPresent(c -> {
          used.set(run.store.save(c.stepUsed()));
          run.store.saveStep(step);
          run.digest(step.secondcallId(), used.get(), "draft", "Drafted " + stepName(step) + " to "
              + CycleRun.describe(used.get()) + ", due " + run.when(step.dueAt()) + ", last touch "
              + run.when(c.lastTouchAt()));
          call.ifPresent(cb -> calls.planned(used.get(), step, cb));
        }));
    if (used.get() != null) {
      write(used.get(), step);
    }
  }

  private void write(Conversation c, StepRecord step) {
    // A recap names the second call booked after the meeting; a follow-up, the call of its step.
    String blockId = step.kind() == StepKind.RECAP ? Meetings.callId(c) : Callbacks.blockId(step);
    // Only a slot found: a requested call holds the earliest time allowed, not the time booked.
    Optional<CallbackRecord> call = run.store.callback(blockId)
        .filter(cb -> cb.state() == CallbackRecord.State.BOOKING || cb.state() == CallbackRecord.State.BOOKED);
    run.sink.saveDraft(writer.draft(c, step, run.now, call));
    run.store.saveStep(step.withState(State.DRAFTED, run.now));
    run.record(Action.Kind.DRAFTED, c, stepName(step) + ", due " + run.when(step.dueAt()), step.dueAt());
  }

  private void exhaust(Conversation read) {
    run.transaction(() -> run.store.conversation(read.id())
        .filter(c -> c.isActive() && c.stepsDone() == read.stepsDone())
        .ifPresent(c -> {
          Conversation ended = run.store.save(c.ended(Conversation.Status.EXHAUSTED, "sequence complete, no answer",
              run.now));
          run.digest("exhausted:" + c.id(), ended, "ended", CycleRun.describe(ended)
              + ": all " + c.stepsDone() + " follow-ups done without an answer, file closed");
          run.record(Action.Kind.EXHAUSTED, ended, "after " + c.touches() + " touches", run.now);
        }));
  }

  static String stepName(StepRecord step) {
    return switch (step.kind()) {
      case RECAP -> "meeting recap";
      case FOLLOW_UP -> "follow-up " + step.number();
      case CLOSING -> "closing note, step " + step.number();
      case NURTURE -> "check-in, step " + step.number();
    };
  }
}
