package io.secondcall.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A tracked outreach and where its sequence stands.
 *
 * @param id stable id derived from the root Message-ID (see {@link Ids#conversationId})
 * @param contacts the external recipients of the outreach; the first is the main contact
 * @param subject the original subject, without any "Re:" prefix
 * @param rootMessageId Message-ID of the first outreach message
 * @param threadId Gmail thread id, or null
 * @param startedAt when the outreach was sent
 * @param lastTouchAt when the user last touched the contact (sent mail, sent draft, meeting)
 * @param lastMessageId Message-ID of the user's last message, the one a follow-up replies to
 * @param lastReferences References of that message, to build the follow-up's References
 * @param lastText a short plain-text excerpt of the user's last message, for the quote
 * @param touches touches so far, the outreach included
 * @param stepsDone follow-up steps used up (drafted, sent or skipped); the next step is {@code stepsDone + 1}
 * @param firstStepDays business days to the first step from a {@code +fuN} tag, or 0 for the cadence
 * @param pausedUntil an auto-reply's return date: no step falls due before the business day after it
 * @param status where the sequence stands
 * @param endReason a short human reason once the sequence ended, else null
 * @param endedAt when it ended, else null
 * @param me the user's own address and display name in this conversation (the From of their last
 *     message), so that a follow-up comes from the address the prospect knows; null for the
 *     configured first address
 * @param version how often the stored row was written; a store refuses to overwrite a row that
 *     changed since this copy was read (a {@code stop} that landed during a cycle)
 */
public record Conversation(
    String id,
    List<EmailAddress> contacts,
    String subject,
    String rootMessageId,
    String threadId,
    Instant startedAt,
    Instant lastTouchAt,
    String lastMessageId,
    List<String> lastReferences,
    String lastText,
    int touches,
    int stepsDone,
    int firstStepDays,
    LocalDate pausedUntil,
    Status status,
    String endReason,
    Instant endedAt,
    EmailAddress me,
    long version) {

  public enum Status {
    ACTIVE,
    REPLIED,
    MEETING_BOOKED,
    BOUNCED,
    STOPPED,
    EXHAUSTED,
    /** Turned out not to be outreach: the contact is a mailing list that inbound mail revealed later. */
    IGNORED;

    public boolean isEnded() {
      return this != ACTIVE;
    }
  }

  /** Root id prefix of a conversation that began with a meeting rather than a message. */
  public static final String MEETING_ROOT = "meeting:";

  public Conversation {
    Objects.requireNonNull(id, "id");
    contacts = List.copyOf(contacts);
    if (contacts.isEmpty()) {
      throw new IllegalArgumentException("a conversation needs a contact");
    }
    Objects.requireNonNull(rootMessageId, "rootMessageId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(lastTouchAt, "lastTouchAt");
    Objects.requireNonNull(lastMessageId, "lastMessageId");
    lastReferences = lastReferences == null ? List.of() : List.copyOf(lastReferences);
    subject = subject == null ? "" : subject;
    lastText = lastText == null ? "" : lastText;
    Objects.requireNonNull(status, "status");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
  }

  /** A conversation not stored yet, from the configured address. */
  public Conversation(String id, List<EmailAddress> contacts, String subject, String rootMessageId, String threadId,
      Instant startedAt, Instant lastTouchAt, String lastMessageId, List<String> lastReferences, String lastText,
      int touches, int stepsDone, int firstStepDays, LocalDate pausedUntil, Status status, String endReason,
      Instant endedAt) {
    this(id, contacts, subject, rootMessageId, threadId, startedAt, lastTouchAt, lastMessageId, lastReferences,
        lastText, touches, stepsDone, firstStepDays, pausedUntil, status, endReason, endedAt, null, 0);
  }

  /** Began with a meeting: the subject is the meeting's title, {@code startedAt} its start. */
  public boolean startedWithMeeting() {
    return rootMessageId.startsWith(MEETING_ROOT);
  }

  public EmailAddress contact() {
    return contacts.get(0);
  }

  /** Whether {@code a} is one of the contacts, whatever display name either carries. */
  public boolean hasContact(EmailAddress a) {
    return a != null && contacts.stream().anyMatch(c -> c.address().equals(a.address()));
  }

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  /** The user touched the contact again: the cadence restarts from this touch. */
  public Conversation touched(Instant at, String messageId, List<String> references, String text, boolean usesStep) {
    return new Conversation(id, contacts, subject, rootMessageId, threadId, startedAt, at, messageId,
        references, text == null || text.isBlank() ? lastText : text, touches + 1,
        usesStep ? stepsDone + 1 : stepsDone, firstStepDays, pausedUntil, status, endReason, endedAt, me, version);
  }

  /** A step was drafted (or, with auto-send, sent): it is never prepared again. */
  public Conversation stepUsed() {
    return new Conversation(id, contacts, subject, rootMessageId, threadId, startedAt, lastTouchAt,
        lastMessageId, lastReferences, lastText, touches, stepsDone + 1, firstStepDays, pausedUntil,
        status, endReason, endedAt, me, version);
  }

  public Conversation pausedUntil(LocalDate date) {
    return new Conversation(id, contacts, subject, rootMessageId, threadId, startedAt, lastTouchAt,
        lastMessageId, lastReferences, lastText, touches, stepsDone, firstStepDays, date, status,
        endReason, endedAt, me, version);
  }

  public Conversation ended(Status newStatus, String reason, Instant at) {
    return new Conversation(id, contacts, subject, rootMessageId, threadId, startedAt, lastTouchAt,
        lastMessageId, lastReferences, lastText, touches, stepsDone, firstStepDays, pausedUntil,
        newStatus, reason, at, me, version);
  }

  /** The sequence goes on from where it was: undoes a stop. */
  public Conversation resumed() {
    return new Conversation(id, contacts, subject, rootMessageId, threadId, startedAt, lastTouchAt,
        lastMessageId, lastReferences, lastText, touches, stepsDone, firstStepDays, pausedUntil,
        Status.ACTIVE, null, null, me, version);
  }

  /** The user wrote from {@code address} in this conversation. */
  public Conversation from(EmailAddress address) {
    return new Conversation(id, contacts, subject, rootMessageId, threadId, startedAt, lastTouchAt,
        lastMessageId, lastReferences, lastText, touches, stepsDone, firstStepDays, pausedUntil,
        status, endReason, endedAt, address, version);
  }

  /** This conversation as stored under {@code newVersion}: what a store hands back from a save. */
  public Conversation withVersion(long newVersion) {
    return new Conversation(id, contacts, subject, rootMessageId, threadId, startedAt, lastTouchAt,
        lastMessageId, lastReferences, lastText, touches, stepsDone, firstStepDays, pausedUntil,
        status, endReason, endedAt, me, newVersion);
  }
}
