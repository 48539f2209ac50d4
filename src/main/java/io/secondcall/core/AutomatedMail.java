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

  private AutomatedMail() {}

  /**
   * Why {@code m} is automated, or empty when nothing says so. {@code Auto-Submitted: auto-replied}
   * counts as well: callers that treat auto-replies apart ask {@link AutoReplyParser} first.
   */
  static Optional<String> reason(MailMessage m) {
    Optional<String> autoSubmitted = m.header("auto-submitted")
        .map(v -> firstToken(v.toLowerCase(Locale.ROOT)))
        .filter(v -> !v.isEmpty() && !v.equals("no"));
    if (autoSubmitted.isPresent()) {
      return Optional.of("automated (Auto-Submitted: " + autoSubmitted.get() + ")");
    }
    if (m.header("list-id").isPresent()) {
      return Optional.of("newsletter (List-Id)");
    }
    if (m.header("list-unsubscribe").isPresent()) {
      return Optional.of("newsletter (List-Unsubscribe)");
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
    return Optional.empty();
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
