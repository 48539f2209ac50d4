package io.secondcall.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** Raw test messages, written the way mail clients and servers write them (CRLF line ends). */
public final class TestMail {

  private TestMail() {}

  public static String date(Instant at) {
    return new MailDateFormat().format(Date.from(at));
  }

  public static Instant daysAgo(int days) {
    return Instant.now().minus(Duration.ofDays(days));
  }

  /** Headers, a blank line and a body; '\n' becomes CRLF. */
  public static String raw(String headers, String body) {
    return (headers.strip() + "\n\n" + body).replace("\r\n", "\n").replace("\n", "\r\n");
  }

  /** A plain sent message from dana to alice. */
  public static String sent(String messageId, Instant date, String subject) {
    return raw("""
        From: Dana Example <dana@example.com>
        To: Alice Smith <alice@acme.example>
        Subject: %s
        Date: %s
        Message-ID: <%s>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=UTF-8
        """.formatted(subject, date(date), messageId), "Hello Alice,\nare you free for a call?\n");
  }

  /** A draft as the template step renders it: new MimeMessage with the secondcall id. */
  /** A message as it travels, to append it. */
  public static byte[] bytes(MimeMessage m) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }

  public static MimeMessage draft(String secondcallId, String subject) throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom(new InternetAddress("dana@example.com", "Dana Example"));
    m.setRecipients(MimeMessage.RecipientType.TO, "alice@acme.example");
    m.setSubject(subject, "UTF-8");
    m.setHeader("X-Secondcall-Id", secondcallId);
    m.setHeader("In-Reply-To", "<root@example.com>");
    m.setText("Hi Alice,\njust following up.\n", "UTF-8");
    m.saveChanges();
    return m;
  }
}
