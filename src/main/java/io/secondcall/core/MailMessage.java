package io.secondcall.core;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message as the core sees it: already parsed by a mail adapter, no I/O behind it.
 *
 * @param uid the message's UID in its folder (IMAP) or 0 where there is none
 * @param messageId the Message-ID without angle brackets; adapters invent a stable one when a
 *     message has none
 * @param date the Date header, or the server's internal date when Date is missing or unparsable
 * @param from the sender, or {@code null} when the From header is missing or unparsable
 * @param inReplyTo Message-IDs (no angle brackets) from In-Reply-To
 * @param references Message-IDs (no angle brackets) from References
 * @param headers selected headers, names lower-case, values unfolded and decoded: auto-submitted,
 *     x-autoreply, x-autorespond, precedence, list-id, list-unsubscribe, x-secondcall-id,
 *     disposition-notification-to, content-type
 * @param calendarMethod METHOD of a text/calendar part (upper-case, e.g. "REPLY"), or null
 * @param bounced recipients a delivery status notification reports as failed; empty when the
 *     message is not a DSN
 * @param text the plain-text body (capped), or {@code null} when it was not fetched
 * @param threadId Gmail thread id, or null
 * @param labels Gmail labels, or empty
 */
public record MailMessage(
    long uid,
    String messageId,
    Instant date,
    EmailAddress from,
    List<EmailAddress> to,
    List<EmailAddress> cc,
    List<EmailAddress> bcc,
    String subject,
    List<String> inReplyTo,
    List<String> references,
    Map<String, String> headers,
    String calendarMethod,
    List<EmailAddress> bounced,
    String text,
    String threadId,
    List<String> labels) {

  public MailMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(date, "date");
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    bcc = List.copyOf(bcc);
    subject = subject == null ? "" : subject;
    inReplyTo = List.copyOf(inReplyTo);
    references = List.copyOf(references);
    headers = Map.copyOf(headers);
    bounced = List.copyOf(bounced);
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /** A header from {@link #headers}, by case-insensitive name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  public MailMessage withText(String newText) {
    return new MailMessage(uid, messageId, date, from, to, cc, bcc, subject, inReplyTo, references,
        headers, calendarMethod, bounced, newText, threadId, labels);
  }

  /** To and Cc, in order. */
  public List<EmailAddress> recipients() {
    return java.util.stream.Stream.concat(to.stream(), cc.stream()).toList();
  }

  /** Every Message-ID this message points at: In-Reply-To first, then References. */
  public List<String> referencedIds() {
    return java.util.stream.Stream.concat(inReplyTo.stream(), references.stream()).distinct().toList();
  }

  public static Builder builder(String messageId, Instant date) {
    return new Builder(messageId, date);
  }

  /** For adapters and tests: most messages set only a few fields. */
  public static final class Builder {
    private long uid;
    private final String messageId;
    private final Instant date;
    private EmailAddress from;
    private List<EmailAddress> to = List.of();
    private List<EmailAddress> cc = List.of();
    private List<EmailAddress> bcc = List.of();
    private String subject = "";
    private List<String> inReplyTo = List.of();
    private List<String> references = List.of();
    private final java.util.Map<String, String> headers = new java.util.HashMap<>();
    private String calendarMethod;
    private List<EmailAddress> bounced = List.of();
    private String text;
    private String threadId;
    private List<String> labels = List.of();

    private Builder(String messageId, Instant date) {
      this.messageId = messageId;
      this.date = date;
    }

    public Builder uid(long v) { this.uid = v; return this; }
    public Builder from(EmailAddress v) { this.from = v; return this; }
    public Builder from(String v) { this.from = EmailAddress.of(v); return this; }
    public Builder to(List<EmailAddress> v) { this.to = v; return this; }
    public Builder to(String... v) { this.to = java.util.Arrays.stream(v).map(EmailAddress::of).toList(); return this; }
    public Builder cc(List<EmailAddress> v) { this.cc = v; return this; }
    public Builder cc(String... v) { this.cc = java.util.Arrays.stream(v).map(EmailAddress::of).toList(); return this; }
    public Builder bcc(List<EmailAddress> v) { this.bcc = v; return this; }
    public Builder bcc(String... v) { this.bcc = java.util.Arrays.stream(v).map(EmailAddress::of).toList(); return this; }
    public Builder subject(String v) { this.subject = v; return this; }
    public Builder inReplyTo(List<String> v) { this.inReplyTo = v; return this; }
    public Builder inReplyTo(String... v) { this.inReplyTo = List.of(v); return this; }
    public Builder references(List<String> v) { this.references = v; return this; }
    public Builder references(String... v) { this.references = List.of(v); return this; }
    public Builder header(String name, String value) { headers.put(name.toLowerCase(java.util.Locale.ROOT), value); return this; }
    public Builder calendarMethod(String v) { this.calendarMethod = v; return this; }
    public Builder bounced(List<EmailAddress> v) { this.bounced = v; return this; }
    public Builder text(String v) { this.text = v; return this; }
    public Builder threadId(String v) { this.threadId = v; return this; }
    public Builder labels(List<String> v) { this.labels = v; return this; }

    public MailMessage build() {
      return new MailMessage(uid, messageId, date, from, to, cc, bcc, subject, inReplyTo, references,
          headers, calendarMethod, bounced, text, threadId, labels);
    }
  }
}
