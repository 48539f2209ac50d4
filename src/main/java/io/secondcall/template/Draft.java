package io.secondcall.template;

import io.secondcall.core.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a draft message needs, body already rendered.
 *
 * @param secondcallId the step's stable id, written as {@code X-Secondcall-Id}
 * @param from the user
 * @param to the contact(s); at least one
 * @param cc copied recipients, may be empty
 * @param originalSubject the outreach subject, with or without reply prefixes
 * @param inReplyTo Message-ID (no angle brackets) of the message replied to, or null
 * @param references the References of that message (no angle brackets), oldest first
 * @param body plain text
 * @param date the Date header
 * @param reply true for a reply ({@code Re:} subject); false for a new message, such as a recap
 *     after a meeting with no earlier mail
 */
public record Draft(
    String secondcallId,
    EmailAddress from,
    List<EmailAddress> to,
    List<EmailAddress> cc,
    String originalSubject,
    String inReplyTo,
    List<String> references,
    String body,
    Instant date,
    boolean reply) {

  /** A reply in the conversation's thread. */
  public Draft(String secondcallId, EmailAddress from, List<EmailAddress> to, List<EmailAddress> cc,
      String originalSubject, String inReplyTo, List<String> references, String body, Instant date) {
    this(secondcallId, from, to, cc, originalSubject, inReplyTo, references, body, date, true);
  }

  public Draft {
    Objects.requireNonNull(secondcallId, "secondcallId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(date, "date");
    if (secondcallId.isBlank()) {
      throw new IllegalArgumentException("secondcallId is blank");
    }
    to = List.copyOf(to);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("a draft needs at least one recipient");
    }
    cc = cc == null ? List.of() : List.copyOf(cc);
    originalSubject = originalSubject == null ? "" : originalSubject;
    references = references == null ? List.of() : List.copyOf(references);
  }
}
