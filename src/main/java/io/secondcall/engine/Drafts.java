package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.FollowUpPolicy;
import io.secondcall.core.PlannedStep;
import io.secondcall.core.StepKind;
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

/**
 * Prepares due follow-up drafts, and keeps the drafts folder and the state in step: drafts the
 * user deleted are skipped steps, drafts of ended sequences are removed.
 *
 * <p>Crash safety: a step is recorded as PREPARING, in the same transaction that uses it up,
 * before its draft is written; after a crash the drafts folder says whether the write landed.
 */
final class Drafts {

  private final CycleRun run;
  private final FollowUpWriter writer;
  private final FollowUpPolicy policy;

  Drafts(CycleRun run, FollowUpWriter writer) {
    this.run = run;
    this.writer = writer;
    this.policy = new FollowUpPolicy(run.settings.rules(), run.settings.calendar());
  }

  /** Settles steps left PREPARING by a crash and notices drafts the user deleted. */
  void reconcile() {
    List<StepRecord> open = new ArrayList<>(run.store.stepsIn(State.PREPARING));
    open.addAll(run.store.stepsIn(State.DRAFTED));
    if (open.isEmpty()) {
      return;
    }
    Set<String> inDrafts = run.mail.secondcallIds(MailFolder.DRAFTS);
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
  }

  /** Removes the unsent drafts of sequences that ended (reply, bounce, stop). */
  void cleanUp() {
    List<StepRecord> unsent = new ArrayList<>(run.store.stepsIn(State.DRAFTED));
    unsent.addAll(run.store.stepsIn(State.PREPARING));
    List<StepRecord> ended = unsent.stream()
        .filter(s -> run.store.conversation(s.conversationId()).map(c -> !c.isActive()).orElse(true))
        .toList();
    if (ended.isEmpty()) {
      return;
    }
    run.sink.deleteDrafts(ended.stream().map(StepRecord::secondcallId).toList());
    run.store.inTransaction(() -> {
      for (StepRecord s : ended) {
        run.store.saveStep(s.withState(State.CANCELLED, run.now));
        run.store.conversation(s.conversationId()).ifPresent(c ->
            run.record(Action.Kind.CLEANED_UP, c, "removed unsent draft of step " + s.number(), run.now));
      }
    });
  }

  /** Drafts every step that is due, oldest conversation first, up to the daily cap. */
  void prepareDue() {
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
        run.record(Action.Kind.DEFERRED, c, "step " + step.number()
            + (businessDay ? " (daily cap of " + cap + " reached)" : " (not a business day)"), step.dueAt());
        continue;
      }
      prepare(c, step);
      preparedToday++;
    }
  }

  private void prepare(Conversation c, PlannedStep plan) {
    // The first step after a meeting is the recap, the "second call" draft.
    StepKind kind = c.startedWithMeeting() && plan.number() == 1 ? StepKind.RECAP : plan.kind();
    StepRecord step = new StepRecord(plan.secondcallId(), c.id(), plan.number(), kind, plan.dueAt(),
        State.PREPARING, run.now, run.now);
    Conversation used = c.stepUsed();
    run.store.inTransaction(() -> {
      run.store.saveStep(step);
      run.store.save(used);
      run.digest(step.secondcallId(), used, "draft", "Drafted " + stepName(step) + " to "
          + CycleRun.describe(used) + ", last touch " + run.when(c.lastTouchAt()));
    });
    write(used, step);
  }

  private void write(Conversation c, StepRecord step) {
    run.sink.saveDraft(writer.draft(c, step, run.now));
    run.store.saveStep(step.withState(State.DRAFTED, run.now));
    run.record(Action.Kind.DRAFTED, c, stepName(step) + ", due " + run.when(step.dueAt()), step.dueAt());
  }

  private void exhaust(Conversation c) {
    Conversation ended = c.ended(Conversation.Status.EXHAUSTED, "sequence complete, no answer", run.now);
    run.store.inTransaction(() -> {
      run.store.save(ended);
      run.digest("exhausted:" + c.id(), ended, "ended", CycleRun.describe(ended)
          + ": all " + c.stepsDone() + " follow-ups done without an answer, file closed");
    });
    run.record(Action.Kind.EXHAUSTED, ended, "after " + c.touches() + " touches", run.now);
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
