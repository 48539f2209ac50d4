package io.secondcall.mail.mime;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.Ids;
import io.secondcall.core.MailMessage;
import io.secondcall.core.SafeText;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The headers the core reads, and how they fill a {@link MailMessage}: one rule for every mail
 * adapter, whether the headers came in an IMAP FETCH or a Gmail {@code format=metadata} answer.
 */
public final class HeaderFields {

  /** Asked for with every message: what {@link #fill} and the synthetic id read. */
  public static final List<String> FETCHED = List.of(
      "Message-ID", "In-Reply-To", "References", "Auto-Submitted", "X-Autoreply", "X-Autorespond",
      "Precedence", "List-Id", "List-Unsubscribe", "Content-Type", "X-Secondcall-Id",
      "Disposition-Notification-To", "From", "To", "Cc", "Bcc", "Subject", "List-Post", "Sender", "Mailing-List",
      "X-BeenThere", "X-Mailing-List");

  /** The headers the core reads through {@link MailMessage#header}. */
  private static final List<String> KEPT = List.of(
      "Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence", "List-Id", "List-Unsubscribe",
      "X-Secondcall-Id", "Disposition-Notification-To", "Content-Type", "List-Post", "Sender", "Mailing-List",
      "X-BeenThere", "X-Mailing-List");

  private HeaderFields() {}

  /** One message's headers as an adapter reads them. */
  public interface Source {

    /** The first value of a header, decoded to one line of text, or null when it is absent. */
    String text(String name);

    /** Every address of every occurrence of an address header; garbage ones left out. */
    List<EmailAddress> addresses(String name);
  }

  /** Sets addresses, subject, threading ids and the kept headers; the caller sets the rest. */
  public static void fill(MailMessage.Builder b, Source headers) {
    List<EmailAddress> from = headers.addresses("From");
    if (!from.isEmpty()) {
      b.from(from.get(0));
    }
    b.to(headers.addresses("To"));
    b.cc(headers.addresses("Cc"));
    b.bcc(headers.addresses("Bcc"));
    // One line: the subject is shown, matched and written back into a draft's header.
    b.subject(SafeText.header(headers.text("Subject")));
    b.inReplyTo(MessageIds.parse(headers.text("In-Reply-To")));
    b.references(MessageIds.parse(headers.text("References")));
    for (String name : KEPT) {
      String value = headers.text(name);
      if (value != null) {
        b.header(name, value);
      }
    }
  }

  /**
   * A stand-in for a message without Message-ID, made from its content so that the same message
   * gets the same id after a UIDVALIDITY change, a full resync or a move to another server.
   */
  public static String syntheticId(Source headers, Instant date, long size) {
    return Ids.syntheticMessageId(date.toString(), addresses(headers, "From"), addresses(headers, "To"),
        addresses(headers, "Cc"), SafeText.header(headers.text("Subject")), Long.toString(size));
  }

  private static String addresses(Source headers, String name) {
    return headers.addresses(name).stream().map(EmailAddress::address).collect(Collectors.joining(","));
  }
}
