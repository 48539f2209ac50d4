package io.secondcall.report;

import io.secondcall.core.Conversation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One conversation of the user's history as the report reads it.
 *
 * @param touches when the user touched the contact, oldest first (touch 1 is the outreach); when
 *     empty, the outreach's time stands in for it
 * @param autoReplies when out-of-office replies came, oldest first
 */
public record History(Conversation conversation, List<Instant> touches, List<Instant> autoReplies) {

  public History {
    Objects.requireNonNull(conversation, "conversation");
    touches = touches == null || touches.isEmpty()
        ? List.of(conversation.startedAt())
        : touches.stream().sorted().toList();
    autoReplies = autoReplies == null ? List.of() : List.copyOf(autoReplies);
  }

  /** A reply or a booked meeting: the prospect responded. */
  public boolean answered() {
    return conversation.status() == Conversation.Status.REPLIED
        || conversation.status() == Conversation.Status.MEETING_BOOKED;
  }

  /**
   * The number of the touch the answer came after: the touches made up to the answer. Only
   * meaningful when {@link #answered()}.
   */
  public int answeredTouch() {
    Instant at = conversation.endedAt();
    long before = at == null ? touches.size() : touches.stream().filter(t -> !t.isAfter(at)).count();
    return (int) Math.max(1, before);
  }
}
