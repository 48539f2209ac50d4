package io.secondcall.port;

import io.secondcall.core.TimeRange;
import java.time.Instant;
import java.util.Objects;

/**
 * A callback block secondcall booked (or is booking) for a step, and what became of it.
 *
 * @param blockId the block's stable id ({@code <step id>.call}, or {@code <conversation id>.promise})
 * @param stepId the step it belongs to, or null for a call the user promised in their own mail
 * @param time where the block is (or goes) in the calendar
 * @param phone the number in E.164, or null when unknown
 */
public record CallbackRecord(
    String blockId, String conversationId, String stepId, TimeRange time, String phone, State state, Instant updatedAt) {

  public enum State {
    /** A call the user promised in their mail: {@code time} is what they promised; the slot is not found yet. */
    REQUESTED,
    /** Recorded before the calendar write; a retry after a crash writes the same block again (idempotent). */
    BOOKING,
    /** In the calendar. */
    BOOKED,
    /** Removed from the calendar because the sequence ended before the block started. */
    CANCELLED
  }

  public CallbackRecord {
    Objects.requireNonNull(blockId, "blockId");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public CallbackRecord withState(State newState, Instant at) {
    return new CallbackRecord(blockId, conversationId, stepId, time, phone, newState, at);
  }
}
