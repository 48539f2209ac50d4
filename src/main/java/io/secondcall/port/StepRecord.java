package io.secondcall.port;

import io.secondcall.core.StepKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A follow-up step secondcall prepared, and what became of it.
 *
 * @param secondcallId the stable id in the draft's {@code X-Secondcall-Id}
 * @param dueAt when it fell due
 * @param preparedAt when secondcall prepared it (counts toward that day's draft cap)
 * @param updatedAt when {@code state} last changed
 */
public record StepRecord(
    String secondcallId,
    String conversationId,
    int number,
    StepKind kind,
    Instant dueAt,
    State state,
    Instant preparedAt,
    Instant updatedAt) {

  public enum State {
    /** Recorded before the draft is written; after a crash the drafts folder tells whether it was. */
    PREPARING,
    /** The draft is in the drafts folder, waiting for the user. */
    DRAFTED,
    /** The user sent it (or auto-send did): a touch. */
    SENT,
    /**
     * The user followed up by hand instead: the step is done (it becomes SENT) once our draft,
     * which nobody wants any more, has been removed from the drafts folder.
     */
    SUPERSEDED,
    /** The user deleted the draft unsent: the step is never drafted again. */
    SKIPPED,
    /** The sequence ended first (reply, bounce, stop) and the unsent draft was removed. */
    CANCELLED
  }

  public StepRecord {
    Objects.requireNonNull(secondcallId, "secondcallId");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(preparedAt, "preparedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public StepRecord withState(State newState, Instant at) {
    return new StepRecord(secondcallId, conversationId, number, kind, dueAt, newState, preparedAt, at);
  }
}
