package io.secondcall.store;

import io.secondcall.core.Conversation;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.DigestEntry;
import io.secondcall.core.TimeRange;
import io.secondcall.port.StepRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Both stores keep instants to the millisecond (SQLite stores epoch milliseconds), so that an
 * engine tested on the in-memory store sees exactly what the real store would give back.
 */
final class Millis {

  private static final Instant MAX_MILLIS = Instant.ofEpochMilli(Long.MAX_VALUE);
  private static final Instant MIN_MILLIS = Instant.ofEpochMilli(Long.MIN_VALUE);

  private Millis() {}

  static Instant truncate(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * The smallest whole millisecond not before {@code at}, saturated to the long range. A stored
   * millisecond {@code m} satisfies {@code m >= at} exactly when {@code m >= ceil(at)}, which
   * keeps half-open bounds exact for callers passing sub-millisecond or extreme instants.
   */
  static long ceil(Instant at) {
    if (!at.isBefore(MAX_MILLIS)) {
      return Long.MAX_VALUE;
    }
    if (!at.isAfter(MIN_MILLIS)) {
      return Long.MIN_VALUE;
    }
    long millis = at.toEpochMilli(); // rounds towards negative infinity
    return Instant.ofEpochMilli(millis).equals(at) ? millis : millis + 1;
  }

  static Conversation truncate(Conversation c) {
    return new Conversation(c.id(), c.contacts(), c.subject(), c.rootMessageId(), c.threadId(),
        truncate(c.startedAt()), truncate(c.lastTouchAt()), c.lastMessageId(), c.lastReferences(),
        c.lastText(), c.touches(), c.stepsDone(), c.firstStepDays(), c.pausedUntil(), c.status(),
        c.endReason(), truncate(c.endedAt()), c.me(), c.version());
  }

  static StepRecord truncate(StepRecord s) {
    return new StepRecord(s.secondcallId(), s.conversationId(), s.number(), s.kind(),
        truncate(s.dueAt()), s.state(), truncate(s.preparedAt()), truncate(s.updatedAt()));
  }

  static DigestEntry truncate(DigestEntry e) {
    return new DigestEntry(e.key(), e.conversationId(), e.kind(), e.text(), truncate(e.createdAt()));
  }

  static CallbackRecord truncate(CallbackRecord c) {
    return new CallbackRecord(c.blockId(), c.conversationId(), c.stepId(),
        new TimeRange(truncate(c.time().start()), truncate(c.time().end())), c.phone(), c.state(),
        truncate(c.updatedAt()));
  }
}
