package io.secondcall.core;

import java.time.Instant;
import java.util.Objects;

/**
 * The next step of a conversation's sequence and when it falls due.
 *
 * @param number 1 for the first follow-up, counting on through closing and nurture steps
 * @param kind which template it uses
 * @param dueAt start of working hours of its due day
 */
public record PlannedStep(String conversationId, int number, StepKind kind, Instant dueAt) {

  public PlannedStep {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dueAt, "dueAt");
    if (number < 1) {
      throw new IllegalArgumentException("steps count from 1");
    }
  }

  /** The stable id that goes into {@code X-Secondcall-Id} and the state store. */
  public String secondcallId() {
    return Ids.stepId(conversationId, number);
  }
}
