package io.secondcall.core;

import java.util.List;
import java.util.Objects;

/**
 * Whether a sent message starts or continues an outreach, and why (the reason is shown by the
 * demo and by {@code scan --dry-run}).
 *
 * @param outreach true when the message is tracked
 * @param contacts the external To/Cc recipients, in header order; empty unless {@code outreach}
 * @param firstStepDays business days to the first step from a {@code +fuN} tag address, else 0
 * @param reason a short human phrase, e.g. "outreach to alice@acme.example" or "internal only"
 */
public record OutreachDecision(boolean outreach, List<EmailAddress> contacts, int firstStepDays, String reason) {

  public OutreachDecision {
    contacts = List.copyOf(contacts);
    Objects.requireNonNull(reason, "reason");
    if (outreach == contacts.isEmpty()) {
      throw new IllegalArgumentException("an outreach has contacts, anything else has none");
    }
    if (firstStepDays < 0) {
      throw new IllegalArgumentException("firstStepDays must not be negative");
    }
  }

  /** A tracked outreach to {@code contacts}. */
  public static OutreachDecision outreach(List<EmailAddress> contacts, int firstStepDays) {
    StringBuilder reason = new StringBuilder("outreach to ");
    for (int i = 0; i < contacts.size(); i++) {
      reason.append(i == 0 ? "" : ", ").append(contacts.get(i).address());
    }
    if (firstStepDays > 0) {
      reason.append(" (first step after ").append(firstStepDays).append(" business days)");
    }
    return new OutreachDecision(true, contacts, firstStepDays, reason.toString());
  }

  /** Not an outreach, for the given reason. */
  public static OutreachDecision ignored(String reason) {
    return new OutreachDecision(false, List.of(), 0, reason);
  }
}
