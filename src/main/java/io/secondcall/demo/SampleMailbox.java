package io.secondcall.demo;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * The demo user's side of the mailbox: what they sent, what arrived, and what they do with the
 * drafts secondcall prepares. Talks plain IMAP to the embedded server, like a mail client would.
 */
final class SampleMailbox implements AutoCloseable {

  static final String DOMAIN = "northwind-consulting.example";

  private final Session session = Session.getInstance(new Properties());
  private final Store store;

  SampleMailbox(String host, int port, String user, String password) throws MessagingException {
    Properties props = new Properties();
    props.setProperty("mail.imap.host", host);
    props.setProperty("mail.imap.port", String.valueOf(port));
    props.setProperty("mail.imap.connectiontimeout", "10000");
    props.setProperty("mail.imap.timeout", "10000");
    store = Session.getInstance(props).getStore("imap");
    store.connect(host, port, user, password);
    for (String name : List.of("Sent", "Drafts")) {
      Folder f = store.getFolder(name);
      if (!f.exists()) {
        f.create(Folder.HOLDS_MESSAGES);
      }
    }
  }

  /** A message with the given Message-ID (no angle brackets) and Date. */
  MimeMessage message(String id, ZonedDateTime at, String from, List<String> to, String subject, String body)
      throws MessagingException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(from));
    for (String t : to) {
      m.addRecipient(Message.RecipientType.TO, new InternetAddress(t));
    }
    m.setSubject(subject, "UTF-8");
    m.setSentDate(Date.from(at.toInstant()));
    m.setText(body, "UTF-8");
    m.saveChanges();
    m.setHeader("Message-ID", "<" + id + ">");
    return m;
  }

  /** A delivery status notification (RFC 3464) saying delivery to {@code failed} did not work. */
  MimeMessage bounce(String id, ZonedDateTime at, String to, String failed, String originalId, String subject)
      throws MessagingException {
    String raw = String.join("\r\n",
        "From: Mail Delivery System <MAILER-DAEMON@mx." + DOMAIN + ">",
        "To: " + to,
        "Subject: Undelivered Mail Returned to Sender",
        "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(at),
        "Message-ID: <" + id + ">",
        "MIME-Version: 1.0",
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"",
        "",
        "--b1",
        "Content-Type: text/plain; charset=us-ascii",
        "",
        "Your message could not be delivered to " + failed + ".",
        "The mail system said: 550 5.1.1 user unknown",
        "",
        "--b1",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx." + DOMAIN,
        "",
        "Final-Recipient: rfc822; " + failed,
        "Action: failed",
        "Status: 5.1.1",
        "Diagnostic-Code: smtp; 550 5.1.1 user unknown",
        "",
        "--b1",
        "Content-Type: text/rfc822-headers",
        "",
        "Message-ID: <" + originalId + ">",
        "Subject: " + subject,
        "",
        "--b1--",
        "");
    return new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
  }

  void appendTo(String folder, MimeMessage message, boolean seen) throws MessagingException {
    Folder f = store.getFolder(folder);
    message.setFlags(new Flags(Flags.Flag.SEEN), seen);
    f.appendMessages(new Message[] {message});
  }

  /** The drafts secondcall prepared, in the order they were saved. */
  List<MimeMessage> drafts() throws MessagingException {
    Folder f = store.getFolder("Drafts");
    f.open(Folder.READ_ONLY);
    try {
      List<MimeMessage> out = new ArrayList<>();
      for (Message m : f.getMessages()) {
        out.add(new MimeMessage((MimeMessage) m));
      }
      return out;
    } finally {
      f.close(false);
    }
  }

  /** Does what the user does in their mail client: sends the draft (it leaves Drafts and lands in Sent). */
  void send(MimeMessage draft, ZonedDateTime at) throws MessagingException {
    String id = draft.getHeader("X-Secondcall-Id", null);
    MimeMessage sent = new MimeMessage(draft);
    sent.setSentDate(Date.from(at.toInstant()));
    sent.setFlags(new Flags(Flags.Flag.DRAFT), false);
    sent.saveChanges();
    sent.setHeader("Message-ID", draft.getMessageID());
    appendTo("Sent", sent, true);
    delete(id);
  }

  /** Deletes a draft unsent. */
  void delete(String secondcallId) throws MessagingException {
    Folder f = store.getFolder("Drafts");
    f.open(Folder.READ_WRITE);
    try {
      // A mail client would SEARCH; GreenMail answers header searches slowly, and Drafts is small.
      for (Message m : f.getMessages()) {
        if (secondcallId.equals(((MimeMessage) m).getHeader("X-Secondcall-Id", null))) {
          m.setFlag(Flags.Flag.DELETED, true);
        }
      }
    } finally {
      f.close(true);
    }
  }

  /** The newest message in the inbox with an X-Secondcall-Id header: the last digest. */
  MimeMessage lastDigest() throws MessagingException {
    Folder f = store.getFolder("INBOX");
    f.open(Folder.READ_ONLY);
    try {
      Message[] all = f.getMessages();
      for (int i = all.length - 1; i >= 0; i--) {
        if (all[i].getHeader("X-Secondcall-Id") != null) {
          return new MimeMessage((MimeMessage) all[i]);
        }
      }
      return null;
    } finally {
      f.close(false);
    }
  }

  @Override
  public void close() throws MessagingException {
    store.close();
  }
}
