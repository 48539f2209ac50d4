package io.secondcall.mail.imap;

import io.secondcall.mail.mime.DeliveryStatus;
import io.secondcall.mail.mime.MimeText;
import io.secondcall.mail.mime.MessageIds;
import io.secondcall.mail.mime.Addresses;
import io.secondcall.mail.mime.CalendarMethod;
import io.secondcall.mail.mime.HeaderFields;
import io.secondcall.mail.mime.HeaderText;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.MailMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
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
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * Maps one IMAP message, whose envelope, body structure and selected headers were fetched in
 * bulk, to the core's {@link MailMessage}. Missing or broken fields get fallbacks. The parts it
 * reads (a bounce's report, an invitation without a METHOD parameter) come fetched together
 * ({@link SmallParts}).
 */
final class MessageMapper {

  /** Bytes read of a part the mapper looks into (a delivery report, an invitation). */
  static final int MAX_PART_BYTES = 64 * 1024;
  private static final Session LENIENT = Session.getInstance(lenientProperties());

  /** @param parts the small parts of the folder's new messages, fetched together; any missing is read here */
  MailMessage map(IMAPMessage m, long uid, SmallParts parts) throws MessagingException, IOException {
    Message view = addressSource(m);
    HeaderFields.Source headers = headers(view);
    Instant date = date(view, m);
    MailMessage.Builder b = MailMessage.builder(messageId(m, headers, date), date).uid(uid);
    HeaderFields.fill(b, headers);
    // The Content-Type header, not BODYSTRUCTURE: the structure is fetched only where a body is needed.
    ContentType type = declaredType(m);
    if (isBounce(m)) {
      b.bounced(bounced(m, uid, parts));
    }
    b.calendarMethod(calendarMethod(m, type, uid, parts));
    return b.build();
  }

  private static Properties lenientProperties() {
    Properties p = new Properties();
    p.setProperty("mail.mime.address.strict", "false");
    return p;
  }

  /**
   * The headers of the raw header block (or of {@code view}, its lenient re-reading), fetched with
   * the envelope ({@link HeaderFields#FETCHED}): no round trip.
   */
  private static HeaderFields.Source headers(Message view) {
    return new HeaderFields.Source() {
      @Override
      public String text(String name) {
        return header(view, name);
      }

      @Override
      public List<EmailAddress> addresses(String name) {
        return Addresses.of(view, name);
      }
    };
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

  private static String messageId(IMAPMessage m, HeaderFields.Source headers, Instant date) {
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
    return HeaderFields.syntheticId(headers, date, size);
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

  /** Whether the Content-Type header says delivery report (RFC 3464): a bounce, whose report parts are read. */
  static boolean isBounce(Message m) {
    ContentType type = declaredType(m);
    return type != null && type.match("multipart/report")
        && "delivery-status".equalsIgnoreCase(type.getParameter("report-type"));
  }

  /**
   * The IMAP sections (RFC 3501 6.4.5, e.g. "2") of the parts mapping {@code m} reads, from the
   * body structure already fetched: a bounce's delivery-status parts, and the calendar parts
   * whose Content-Type names no METHOD, so that it has to be read from the part.
   */
  static List<String> smallPartSections(Message m) throws MessagingException, IOException {
    List<String> sections = new ArrayList<>();
    boolean bounce = isBounce(m);
    for (Leaf leaf : leaves(m)) {
      if (bounce && isReport(leaf.part()) || isCalendarWithoutMethod(leaf.part())) {
        sections.add(leaf.section());
      }
    }
    return sections;
  }

  private static boolean isCalendarWithoutMethod(Part part) {
    ContentType type = contentType(part);
    return type != null && type.match("text/calendar") && type.getParameter("method") == null;
  }

  private static List<EmailAddress> bounced(IMAPMessage m, long uid, SmallParts parts)
      throws MessagingException, IOException {
    List<EmailAddress> out = new ArrayList<>();
    for (Leaf leaf : leaves(m)) {
      if (isReport(leaf.part())) {
        out.addAll(DeliveryStatus.failedAddresses(text(leaf, uid, parts)));
      }
    }
    return out;
  }

  /** A part's text: from the bytes fetched together where they were, else read by itself. */
  private static String text(Leaf leaf, long uid, SmallParts parts) {
    byte[] fetched = parts.raw(uid, leaf.section());
    return fetched == null ? text(leaf.part()) : partText(fetched, leaf.part());
  }

  private static boolean isReport(Part part) {
    ContentType type = contentType(part);
    return type != null && DeliveryStatus.isReport(type.getBaseType().toLowerCase(Locale.ROOT));
  }

  /** A part's text from its raw (transfer-encoded) bytes, as {@link #text(Part)} reads it. */
  private static String partText(byte[] raw, Part part) {
    String encoding = null;
    try {
      // From the body structure: asking the part for its header would cost a FETCH.
      encoding = part instanceof MimePart mime ? mime.getEncoding() : null;
    } catch (MessagingException e) {
      // Read as it is.
    }
    return MimeText.toString(MimeText.decodeTransfer(raw, encoding), "UTF-8");
  }

  /** METHOD of the first text/calendar part that names one. */
  private static String calendarMethod(IMAPMessage m, ContentType top, long uid, SmallParts parts)
      throws MessagingException, IOException {
    if (top == null || !(top.match("multipart/*") || top.match("text/calendar"))) {
      return null;
    }
    for (Leaf leaf : leaves(m)) {
      ContentType type = contentType(leaf.part());
      if (type != null && type.match("text/calendar")) {
        String method = CalendarMethod.of(type.getParameter("method"), () -> text(leaf, uid, parts));
        if (method != null) {
          return method;
        }
      }
    }
    return null;
  }

  /** A small part's text, read through the folder's connection; a broken one reads as empty. */
  private static String text(Part part) {
    try {
      return MimeText.toString(MimeText.readAtMost(part.getInputStream(), MAX_PART_BYTES), "UTF-8");
    } catch (MessagingException | IOException e) {
      return "";
    }
  }

  /** A leaf part and its IMAP section: "TEXT" for a single-part message, else e.g. "2" or "1.2". */
  record Leaf(String section, Part part) {}

  /**
   * The leaf parts, from the body structure already fetched (IMAPMessage builds its multipart
   * from it without a round trip). Attached messages are not entered: a forwarded invitation
   * or bounced original is not this message's own content.
   */
  private static List<Leaf> leaves(Part root) throws MessagingException, IOException {
    List<Leaf> leaves = new ArrayList<>();
    collect(root, "", leaves, 0);
    return leaves;
  }

  private static void collect(Part p, String section, List<Leaf> leaves, int depth)
      throws MessagingException, IOException {
    ContentType type = contentType(p);
    if (type != null && type.match("multipart/*") && depth < 10) {
      Object content = p.getContent();
      if (content instanceof Multipart mp) {
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart child = mp.getBodyPart(i);
          collect(child, section.isEmpty() ? Integer.toString(i + 1) : section + "." + (i + 1), leaves, depth + 1);
        }
      }
    } else {
      leaves.add(new Leaf(section.isEmpty() ? "TEXT" : section, p));
    }
  }
}
