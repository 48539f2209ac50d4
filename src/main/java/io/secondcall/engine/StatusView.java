package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.FollowUpPolicy;
import io.secondcall.core.PlannedStep;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.StateStore;
import io.secondcall.port.StepRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The tracked conversations as {@code secondcall status} shows them. */
public final class StatusView {

  /**
   * One row of the status table.
   *
   * @param step the number of steps used so far
   * @param next what happens next, e.g. "follow-up 2", "waiting for you to send step 1", "replied"
   * @param nextAt when, or null
   * @param call the start of the next callback block booked for the conversation, or null
   */
  public record Row(String id, String contact, String subject, Instant lastTouch, int step, String next, Instant nextAt,
      Instant call) {}

  private final StateStore store;
  private final FollowUpPolicy policy;
  private final Clock clock;

  public StatusView(StateStore store, EngineSettings settings) {
    this(store, settings, Clock.systemUTC());
  }

  /** @param clock what "next" is measured from: the next call is one that has not ended yet */
  public StatusView(StateStore store, EngineSettings settings, Clock clock) {
    this.store = store;
    this.policy = new FollowUpPolicy(settings.rules(), settings.calendar());
    this.clock = clock;
  }

  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Conversation c : store.conversations()) {
      rows.add(row(c));
    }
    return rows;
  }

  private Row row(Conversation c) {
    Row row = plain(c);
    Instant now = clock.instant();
    Instant call = store.callbacks(c.id()).stream()
        .filter(cb -> cb.state() == CallbackRecord.State.BOOKED || cb.state() == CallbackRecord.State.BOOKING)
        .filter(cb -> cb.time().end().isAfter(now))
        .map(cb -> cb.time().start())
        .min(Comparator.naturalOrder())
        .orElse(null);
    return new Row(row.id(), row.contact(), row.subject(), row.lastTouch(), row.step(), row.next(), row.nextAt(), call);
  }

  private Row plain(Conversation c) {
    String contact = c.contacts().size() > 1
        ? c.contact().address() + " +" + (c.contacts().size() - 1)
        : c.contact().address();
    if (!c.isActive()) {
      String what = c.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
          + (c.endReason() == null ? "" : ": " + c.endReason());
      return new Row(c.id(), contact, c.subject(), c.lastTouchAt(), c.stepsDone(), what, c.endedAt(), null);
    }
    Optional<StepRecord> waiting = waitingDraft(c);
    if (waiting.isPresent()) {
      return new Row(c.id(), contact, c.subject(), c.lastTouchAt(), c.stepsDone(),
          "draft of step " + waiting.get().number() + " waiting in Drafts", waiting.get().preparedAt(), null);
    }
    return policy.next(c, false)
        .map(p -> planned(c, contact, p))
        .orElseGet(() -> new Row(c.id(), contact, c.subject(), c.lastTouchAt(), c.stepsDone(), "sequence complete", null, null));
  }

  /**
   * The step that falls due first among the active conversations with no draft waiting, as
   * {@code secondcall check} names it; empty when nothing is planned.
   */
  public Optional<Row> nextDue() {
    List<Row> planned = new ArrayList<>();
    for (Conversation c : store.activeConversations()) {
      if (waitingDraft(c).isEmpty()) {
        policy.next(c, false).ifPresent(p -> planned.add(planned(c, c.contact().address(), p)));
      }
    }
    return planned.stream().min(Comparator.comparing(Row::nextAt));
  }

  private Optional<StepRecord> waitingDraft(Conversation c) {
    return store.steps(c.id()).stream()
        .filter(s -> s.state() == StepRecord.State.DRAFTED || s.state() == StepRecord.State.PREPARING)
        .findFirst();
  }

  private static Row planned(Conversation c, String contact, PlannedStep p) {
    return new Row(c.id(), contact, c.subject(), c.lastTouchAt(), c.stepsDone(),
        p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + p.number(), p.dueAt(), null);
  }
}
