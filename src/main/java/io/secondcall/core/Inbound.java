package io.secondcall.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an inbound message is, as far as follow-ups are concerned.
 *
 * @param kind the class of the message
 * @param returnDate for {@link Kind#AUTO_REPLY}: the first day the person is back, if named
 * @param bounced for {@link Kind#BOUNCE}: the failed recipients, when the report names them
 * @param reason a short human phrase for logs and the dry-run
 */
public record Inbound(Kind kind, Optional<LocalDate> returnDate, List<EmailAddress> bounced, String reason) {

  public enum Kind {
    /** From one of the user's own addresses: never a reply. */
    OWN,
    /** A delivery failure: ends the sequence for the bounced contact. */
    BOUNCE,
    /** Out of office: pauses the sequence. */
    AUTO_REPLY,
    /** Positively written by a machine (Auto-Submitted, read receipt, calendar response, ticket acknowledgement, no-reply sender): ignored. */
    AUTOMATED,
    /**
     * Carries list or bulk headers ({@code List-Id}, {@code List-Unsubscribe}, {@code Precedence:
     * bulk}): a newsletter, or a person's answer sent through a CRM or a Google Group. An answer
     * when it comes from the contact or in the thread; never from a mere colleague.
     */
    LIST,
    /** Written by a person: a candidate genuine reply. */
    PERSONAL
  }

  public Inbound {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(returnDate, "returnDate");
    bounced = List.copyOf(bounced);
    Objects.requireNonNull(reason, "reason");
    if (returnDate.isPresent() && kind != Kind.AUTO_REPLY) {
      throw new IllegalArgumentException("only an auto-reply has a return date");
    }
    if (!bounced.isEmpty() && kind != Kind.BOUNCE) {
      throw new IllegalArgumentException("only a bounce has bounced recipients");
    }
  }

  public static Inbound of(Kind kind, String reason) {
    return new Inbound(kind, Optional.empty(), List.of(), reason);
  }
}
