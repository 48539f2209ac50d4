package io.secondcall.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a cycle did or decided, for the log, the dry-run plan, {@code demo} and tests.
 *
 * @param contact the contact it is about (address), or empty
 * @param subject the conversation's subject, or empty
 * @param detail a short human phrase: "step 2 (due Fri 4 Dec)", "newsletter (List-Id)"
 * @param at when it is due or happened
 */
public record Action(Kind kind, String conversationId, String contact, String subject, String detail, Instant at) {

  public enum Kind {
    /** A new outreach is tracked. */
    TRACKED,
    /** A sent message is not outreach (detail says why). */
    IGNORED,
    /** A follow-up draft was prepared. */
    DRAFTED,
    /** A due step waits for tomorrow: the daily cap was reached. */
    DEFERRED,
    /** The user sent a prepared draft or followed up by hand. */
    TOUCHED,
    /** The user deleted a draft unsent: that step is skipped. */
    STEP_SKIPPED,
    /** The contact answered: the sequence ended. */
    REPLIED,
    /** An auto-reply paused the sequence. */
    PAUSED,
    /** Delivery failed: the sequence ended. */
    BOUNCED,
    /** The user stopped the sequence. */
    STOPPED,
    /** The last step was prepared: nothing more will follow. */
    EXHAUSTED,
    /** A callback block was put into the calendar. */
    BOOKED,
    /** Unsent drafts or future callback blocks of an ended sequence were removed. */
    CLEANED_UP,
    /** The digest was put into the inbox. */
    DIGEST
  }

  public Action {
    Objects.requireNonNull(kind, "kind");
    conversationId = conversationId == null ? "" : conversationId;
    contact = contact == null ? "" : contact;
    subject = subject == null ? "" : subject;
    detail = detail == null ? "" : detail;
  }
}
