package io.secondcall.core;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Signs that a machine, not a person, wrote a message: shared by the outreach rules (sent mail)
 * and the inbound classifier. Auto-replies (out of office) are not covered here: see
 * {@link AutoReplyParser}.
 */
final class AutomatedMail {

  /** Subjects of read receipts (MDNs) as mail clients word them. */
  private static final Pattern READ_RECEIPT_SUBJECT = Pattern.compile(
      "^\\s*(?:read|not read|gelesen|nicht gelesen|lu|leído|leido|letto)\\s*:", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * iTIP methods (RFC 5546) that are bookkeeping about a meeting, not a message to answer. A
   * REQUEST or COUNTER from a contact is a person proposing a meeting.
   */
  private static final Set<String> CALENDAR_BOOKKEEPING = Set.of("REPLY", "CANCEL", "REFRESH", "DECLINECOUNTER", "PUBLISH");

  /** A ticket or case number in a subject: "[Ticket #12345]", "Case 00123456", "Anfrage Nr. 4711", "(#AB-2093)". */
  private static final Pattern TICKET_SUBJECT = Pattern.compile(
      "\\b(?:ticket|case|request|incident|anfrage|vorgang|demande|solicitud|caso|support)\\s*(?:nr\\.?|no\\.?|id)?\\s*[#:]?\\s*"
          + "\\[?[A-Z]{0,5}-?\\d{3,}|[\\[(]#?\\s*[A-Z]{0,5}-?\\d{3,}[\\])]",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** What help desks say when they open a ticket, in the languages of the product. */
  private static final Pattern ACKNOWLEDGED = Pattern.compile(
      "(?:we have|we've) received your|(?:has|have) been received|(?:request|ticket|case) has been"
          + " (?:received|opened|created|logged)|thank you for contacting|automatic(?:ally)? (?:generated|reply|response)"
          + "|auto-?response|ihre (?:anfrage|nachricht) (?:ist|wurde)|wir haben ihre (?:anfrage|nachricht) erhalten"
          + "|ticket wurde (?:erstellt|angelegt)|nous avons bien re[çc]u|votre demande a été|hemos recibido su"
          + "|su solicitud ha sido",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private AutomatedMail() {}

  /**
   * Why {@code m} is positively automated, or empty when nothing proves it. {@code Auto-Submitted: auto-replied}
   * counts as well: callers that treat auto-replies apart ask {@link AutoReplyParser} first.
   */
  static Optional<String> reason(MailMessage m) {
    Optional<String> autoSubmitted = m.header("auto-submitted")
        .map(v -> firstToken(v.toLowerCase(Locale.ROOT)))
        .filter(v -> !v.isEmpty() && !v.equals("no"));
    if (autoSubmitted.isPresent()) {
      return Optional.of("automated (Auto-Submitted: " + autoSubmitted.get() + ")");
    }
    String method = m.calendarMethod() == null ? null : m.calendarMethod().strip().toUpperCase(Locale.ROOT);
    if ("REPLY".equals(method)) {
      return Optional.of("calendar response");
    }
    if (method != null && CALENDAR_BOOKKEEPING.contains(method)) {
      return Optional.of("calendar " + method.toLowerCase(Locale.ROOT));
    }
    if (isReadReceipt(m)) {
      return Optional.of("read receipt");
    }
    if (isTicketAcknowledgement(m)) {
      return Optional.of("ticket acknowledgement");
    }
    return Optional.empty();
  }

  /**
   * Why {@code m} looks like list or bulk mail ({@code List-Id}, {@code List-Unsubscribe},
   * {@code Precedence: bulk|list|junk}), or empty. Unlike {@link #reason} this does not prove that
   * no person wrote it: CRMs, Google Groups and some servers add these headers to a person's answer.
   */
  static Optional<String> listReason(MailMessage m) {
    if (m.header("list-id").isPresent()) {
      return Optional.of("newsletter (List-Id)");
    }
    if (m.header("list-unsubscribe").isPresent()) {
      return Optional.of("newsletter (List-Unsubscribe)");
    }
    String precedence = m.header("precedence").map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("");
    if (precedence.equals("bulk") || precedence.equals("list") || precedence.equals("junk")) {
      return Optional.of("bulk mail (Precedence: " + precedence + ")");
    }
    return Optional.empty();
  }

  /**
   * A help desk's automatic "we received your request" (Zendesk, Freshdesk, OTRS, RT and the
   * like): a ticket number in the subject and words of acknowledgement in the subject or the
   * first lines. Both are needed, so that a person's answer about a ticket is still an answer.
   */
  static boolean isTicketAcknowledgement(MailMessage m) {
    if (!TICKET_SUBJECT.matcher(m.subject()).find()) {
      return false;
    }
    String opening = m.text() == null ? "" : m.text().substring(0, Math.min(m.text().length(), 600));
    return ACKNOWLEDGED.matcher(m.subject()).find() || ACKNOWLEDGED.matcher(opening).find();
  }

  /** An MDN (RFC 8098) by content type, or by the subject clients give it. */
  static boolean isReadReceipt(MailMessage m) {
    String contentType = m.header("content-type").orElse("").toLowerCase(Locale.ROOT);
    return contentType.contains("disposition-notification") || READ_RECEIPT_SUBJECT.matcher(m.subject()).find();
  }

  static String firstToken(String headerValue) {
    int semi = headerValue.indexOf(';');
    return (semi < 0 ? headerValue : headerValue.substring(0, semi)).strip();
  }
}
