package io.secondcall.mail.imap;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.Ids;
import io.secondcall.core.MailMessage;
import io.secondcall.core.SafeText;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * Maps one IMAP message, whose envelope, body structure and selected headers were fetched in
 * bulk, to the core's {@link MailMessage}. Missing or broken fields get fallbacks; only the
 * rare DSNs and calendar messages cost an extra FETCH, of one small part.
 */
final class MessageMapper {

  /** Fetched for every message in one FETCH with the envelope and body structure. */
  static final String[] FETCHED_HEADERS = {
    "Message-ID", "In-Reply-To", "References", "Auto-Submitted", "X-Autoreply", "X-Autorespond",
    "Precedence", "List-Id", "List-Unsubscribe", "Content-Type", "X-Secondcall-Id",
    "Disposition-Notification-To", "From", "To", "Cc", "Bcc", "Subject", "List-Post", "Sender", "Mailing-List",
    "X-BeenThere", "X-Mailing-List"
  };

  /** The headers the core reads through {@link MailMessage#header}. */
  private static final String[] KEPT_HEADERS = {
    "Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence", "List-Id", "List-Unsubscribe",
    "X-Secondcall-Id", "Disposition-Notification-To", "Content-Type", "List-Post", "Sender", "Mailing-List",
    "X-BeenThere", "X-Mailing-List"
  };

  private static final int MAX_PART_BYTES = 64 * 1024;
  private static final Session LENIENT = Session.getInstance(lenientProperties());
  private static final Pattern METHOD = Pattern.compile("(?im)^METHOD:\\s*([A-Za-z-]+)");

  MailMessage map(IMAPMessage m, long uid) throws MessagingException, IOException {
    Message view = addressSource(m);
    Instant date = date(view, m);
    MailMessage.Builder b = MailMessage.builder(messageId(m, view, date), date).uid(uid);
    List<EmailAddress> from = Addresses.of(view, "From");
    if (!from.isEmpty()) {
      b.from(from.get(0));
    }
    b.to(Addresses.of(view, "To"));
    b.cc(Addresses.of(view, "Cc"));
    b.bcc(Addresses.of(view, "Bcc"));
    // One line: the subject is shown, matched and written back into a draft's header.
    b.subject(SafeText.header(header(view, "Subject")));
    b.inReplyTo(MessageIds.parse(header(m, "In-Reply-To")));
    b.references(MessageIds.parse(header(m, "References")));
    for (String name : KEPT_HEADERS) {
      String value = header(m, name);
      if (value != null) {
        b.header(name, value);
      }
    }
    ContentType type = declaredType(m);
    if (type != null && type.match("multipart/report")
        && "delivery-status".equalsIgnoreCase(type.getParameter("report-type"))) {
      b.bounced(bounced(m));
    }
    b.calendarMethod(calendarMethod(m, type));
    return b.build();
  }

  private static Properties lenientProperties() {
    Properties p = new Properties();
    p.setProperty("mail.mime.address.strict", "false");
    return p;
  }

  /**
   * A stand-in for a message without Message-ID, made from its content so that the same message
   * gets the same id after a UIDVALIDITY change or a move to another server.
   */
  static String syntheticId(Message view, Instant date, int size) {
    // From the headers fetched with the envelope (FETCHED_HEADERS): no round trip.
    return Ids.syntheticMessageId(date.toString(), addresses(view, "From"), addresses(view, "To"),
        addresses(view, "Cc"), SafeText.header(header(view, "Subject")), Integer.toString(size));
  }

  private static String addresses(Message m, String header) {
    return Addresses.of(m, header).stream().map(EmailAddress::address).collect(Collectors.joining(","));
  }

  /**
   * The envelope the server parsed, or, when it sent one the client cannot read (seen with
   * garbage From lines), the raw header block parsed here, leniently and address by address.
   */
  private static Message addressSource(IMAPMessage m) throws MessagingException {
    try {
      m.getFrom();
      return m;
    } catch (MessagingException | RuntimeException e) {
      StringBuilder raw = new StringBuilder();
      Enumeration<String> lines = m.getAllHeaderLines();
      while (lines.hasMoreElements()) {
        raw.append(lines.nextElement()).append("\r\n");
      }
      raw.append("\r\n");
      return new MimeMessage(LENIENT, new ByteArrayInputStream(raw.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }
  }

  private static String messageId(IMAPMessage m, Message view, Instant date) {
    String id = MessageIds.normalise(header(m, "Message-ID"));
    if (id == null) {
      try {
        id = MessageIds.normalise(m.getMessageID());
      } catch (MessagingException | RuntimeException e) {
        // No envelope either: the synthetic id below.
      }
    }
    if (id != null) {
      return id;
    }
    int size;
    try {
      size = m.getSize();
    } catch (MessagingException | RuntimeException e) {
      size = -1;
    }
    return syntheticId(view, date, size);
  }

  private static Instant date(Message view, IMAPMessage m) throws MessagingException {
    Date d = null;
    try {
      d = view.getSentDate();
    } catch (MessagingException | RuntimeException e) {
      // An unparsable Date header: the internal date below is the next best thing.
    }
    if (d == null) {
      try {
        d = m.getReceivedDate();
      } catch (MessagingException | RuntimeException e) {
        throw new MessagingException("no readable Date header and no internal date", e);
      }
    }
    if (d == null) {
      throw new MessagingException("neither a Date header nor an internal date");
    }
    return d.toInstant();
  }

  /** The first value of a fetched header as {@link HeaderText#decode} reads it, or null. */
  static String header(Message m, String name) {
    try {
      String[] values = m.getHeader(name);
      return values == null || values.length == 0 ? null : HeaderText.decode(values[0]);
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The top-level type from the fetched Content-Type header, not from the body structure: the
   * server parses a message for BODYSTRUCTURE, so that is fetched only for the few messages whose
   * parts matter ({@link #needsStructure}). No header means text/plain (RFC 2045 section 5.2).
   */
  private static ContentType declaredType(Message m) {
    String value = header(m, "Content-Type");
    try {
      return new ContentType(value == null ? "text/plain" : value);
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  /** Whether mapping {@code m} reads its parts (bounces, invitations), so its body structure must be fetched. */
  static boolean needsStructure(Message m) {
    ContentType type = declaredType(m);
    return type == null || type.match("multipart/*") || type.match("text/calendar");
  }

  private static ContentType contentType(Part p) {
    try {
      String type = p.getContentType();
      return type == null ? null : new ContentType(type);
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static List<EmailAddress> bounced(IMAPMessage m) throws MessagingException, IOException {
    List<EmailAddress> out = new ArrayList<>();
    for (Part part : leafParts(m)) {
      ContentType type = contentType(part);
      if (type != null && (type.match("message/delivery-status") || type.match("message/global-delivery-status"))) {
        String body = MimeText.toString(MimeText.readAtMost(part.getInputStream(), MAX_PART_BYTES), "UTF-8");
        for (String address : DeliveryStatus.failedRecipients(body)) {
          try {
            out.add(EmailAddress.of(address));
          } catch (IllegalArgumentException e) {
            // Not an address: nothing to end a sequence for.
          }
        }
      }
    }
    return out;
  }

  /** METHOD of the first text/calendar part: the Content-Type parameter when present, else the part's own line. */
  private static String calendarMethod(IMAPMessage m, ContentType top) throws MessagingException, IOException {
    if (top == null || !(top.match("multipart/*") || top.match("text/calendar"))) {
      return null;
    }
    for (Part part : leafParts(m)) {
      ContentType type = contentType(part);
      if (type == null || !type.match("text/calendar")) {
        continue;
      }
      String method = type.getParameter("method");
      if (method == null) {
        String body = MimeText.toString(MimeText.readAtMost(part.getInputStream(), MAX_PART_BYTES), "UTF-8");
        Matcher matcher = METHOD.matcher(body);
        method = matcher.find() ? matcher.group(1) : null;
      }
      if (method != null) {
        return method.strip().toUpperCase(Locale.ROOT);
      }
    }
    return null;
  }

  /**
   * The leaf parts, from the body structure already fetched (IMAPMessage builds its multipart
   * from it without a round trip). Attached messages are not entered: a forwarded invitation
   * or bounced original is not this message's own content.
   */
  private static List<Part> leafParts(Part root) throws MessagingException, IOException {
    List<Part> leaves = new ArrayList<>();
    collect(root, leaves, 0);
    return leaves;
  }

  private static void collect(Part p, List<Part> leaves, int depth) throws MessagingException, IOException {
    ContentType type = contentType(p);
    if (type != null && type.match("multipart/*") && depth < 10) {
      Object content = p.getContent();
      if (content instanceof Multipart mp) {
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart child = mp.getBodyPart(i);
          collect(child, leaves, depth + 1);
        }
      }
    } else {
      leaves.add(p);
    }
  }
}
