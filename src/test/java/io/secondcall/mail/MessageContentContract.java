package io.secondcall.mail;

import static io.secondcall.mail.TestMail.date;
import static io.secondcall.mail.TestMail.daysAgo;
import static io.secondcall.mail.TestMail.raw;
import static io.secondcall.mail.TestMail.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.Ids;
import io.secondcall.core.MailMessage;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import io.secondcall.port.Mailbox;
import io.secondcall.port.SyncCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reading real-world messages: broken ones, bounces, invitations, and their texts. Written once,
 * run on every server (GreenMail and Dovecot over IMAP, the Gmail API fake).
 */
public interface MessageContentContract extends MailServerFixture {

  int TEN_MB = 10 * 1024 * 1024;

  /** A 10 MB text/plain body: "line NNNNN ..." lines. */
  static String hugeMessage(String messageId) {
    StringBuilder body = new StringBuilder(TEN_MB + 100);
    for (int i = 0; body.length() < TEN_MB; i++) {
      body.append("line ").append(i).append(" of a very long message that nobody will ever read\n");
    }
    return raw("""
        From: dana@example.com
        To: alice@acme.example
        Subject: Huge
        Date: %s
        Message-ID: <%s>
        Content-Type: text/plain; charset=us-ascii
        """.formatted(date(daysAgo(1)), messageId), body.toString());
  }

  /** A made-up id that changed with the UIDs (or Gmail ids) would make the same outreach a second conversation. */
  @Test
  default void aMessageWithoutMessageIdKeepsItsIdWhenTheServerRenumbersTheFolder() throws Exception {
    try (MailSeed seed = seed(); Mailbox mailbox = mailbox()) {
      String folder = stopFolder();
      String message = raw("""
          From: Dana <dana@example.com>
          To: alice@acme.example
          Subject: No Message-ID here
          Date: %s
          """.formatted(date(daysAgo(1))), "who am I\n");
      seed.create(folder);
      seed.append(folder, message);
      FolderChanges before = mailbox.changes(MailFolder.STOP, SyncCursor.NONE, daysAgo(21));
      seed.delete(folder);
      seed.create(folder);
      seed.append(folder, "X-Padding: moves the UIDs\r\n\r\n");
      seed.append(folder, message);
      // Read afresh, as after a UIDVALIDITY change (GreenMail may keep the value for a new folder).
      FolderChanges after = mailbox.changes(MailFolder.STOP, SyncCursor.NONE, daysAgo(21));

      String id = before.messages().get(0).messageId();
      assertThat(Ids.isSynthetic(id)).isTrue();
      assertThat(after.messages()).filteredOn(m -> m.messageId().equals(id)).singleElement()
          .satisfies(m -> assertThat(m.uid()).isNotEqualTo(before.messages().get(0).uid()));
    }
  }

  @Test
  default void brokenMessagesAreMappedWithFallbacksAndNeverStopTheBatch() throws Exception {
    try (MailSeed seed = seed(); Mailbox mailbox = mailbox()) {
      String d = date(daysAgo(1));
      long u1 = seed.append(sentFolder(), raw("""
          From: dana@example.com
          To: alice@acme.example
          Subject: Broken boundary
          Date: %s
          Message-ID: <broken-boundary@example.com>
          MIME-Version: 1.0
          Content-Type: multipart/mixed; boundary="never-there"
          """.formatted(d), "--wrong\nContent-Type: text/plain\n\nhello\n--wrong--\n"));
      long u2 = seed.append(sentFolder(), raw("""
          From: dana@example.com
          To: alice@acme.example
          Subject: =?x-unknown?Q?Unknown_charset?=
          Date: %s
          Message-ID: <unknown-charset@example.com>
          Content-Type: text/plain; charset=x-unknown
          """.formatted(d), "caf\u00e9\n"));
      Instant beforeNoDate = Instant.now().minusSeconds(2);
      long u3 = seed.append(sentFolder(), raw("""
          From: dana@example.com
          To: alice@acme.example
          Subject: No date
          Message-ID: <no-date@example.com>
          """, "no date here\n"));
      Instant afterNoDate = Instant.now().plusSeconds(2);
      long u4 = seed.append(sentFolder(), raw("""
          From: dana@example.com
          To: alice@acme.example
          Subject: No Message-ID
          Date: %s
          """.formatted(d), "who am I\n"));
      long u5 = seed.append(sentFolder(), raw("""
          From: ;;;@@@ <<<>>> garbage
          To: good@acme.example, @@@, <not an address>
          Subject: Garbage addresses
          Date: %s
          Message-ID: <garbage-from@example.com>
          """.formatted(d), "hi\n"));
      long u6 = seed.append(sentFolder(), MessageContentContract.hugeMessage("huge@example.com"));
      long u7 = seed.append(sentFolder(), raw("""
          From: dana@example.com
          To: alice@acme.example
          Subject: Bad date
          Date: the day after tomorrow
          Message-ID: <bad-date@example.com>
          """, "hi\n"));
      long u8 = seed.append(sentFolder(), sent("last@example.com", daysAgo(1), "Last one"));

      FolderChanges changes = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21));
      Map<Long, MailMessage> byUid = changes.messages().stream()
          .collect(Collectors.toMap(MailMessage::uid, Function.identity()));

      assertThat(changes.messages().size() + changes.skipped()).isEqualTo(8);
      assertThat(changes.cursor().lastUid()).isEqualTo(seed.position(sentFolder()));
      assertThat(byUid.get(u8).messageId()).isEqualTo("last@example.com");
      assertThat(byUid.get(u1).messageId()).isEqualTo("broken-boundary@example.com");
      assertThat(byUid.get(u2).messageId()).isEqualTo("unknown-charset@example.com");
      assertThat(byUid.get(u2).subject()).isNotBlank();
      assertThat(byUid.get(u3).date()).isBetween(beforeNoDate, afterNoDate);
      assertThat(Ids.isSynthetic(byUid.get(u4).messageId())).isTrue();
      assertThat(byUid.get(u5).from()).isNull();
      assertThat(byUid.get(u5).to()).extracting(EmailAddress::address).containsExactly("good@acme.example");
      assertThat(byUid.get(u6).messageId()).isEqualTo("huge@example.com");
      assertThat(byUid.get(u7).date()).isAfter(daysAgo(1));

      FolderChanges again = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21));
      assertThat(again.messages()).filteredOn(m -> m.uid() == u4)
          .extracting(MailMessage::messageId).containsExactly(byUid.get(u4).messageId());
    }
  }

  /**
   * Headers written as raw 8-bit UTF-8 (RFC 6532, as modern clients send them) read as UTF-8;
   * encoded words decode exactly once, an unknown charset included. (8-bit bytes that are not
   * UTF-8: {@code ImapMailboxDovecotIT}, GreenMail stores them as U+FFFD.)
   */
  @Test
  default void rawUtf8HeadersAreReadAsUtf8AndEncodedWordsDecodeOnce() throws Exception {
    try (MailSeed seed = seed(); Mailbox mailbox = mailbox()) {
      String d = date(daysAgo(1));
      seed.append(sentFolder(), raw("""
          From: Dana Ödegaard <dana@example.com>
          To: Jürgen Müller <j@x.example>, "Zoë, Ärztin" <z@x.example>
          Subject: Grüße aus München
          Date: %s
          Message-ID: <utf8-raw@example.com>
          """.formatted(d), "Hallo\n").getBytes(StandardCharsets.UTF_8));
      seed.append(sentFolder(), raw("""
          From: dana@example.com
          To: =?x-evil-999?b?SsO8cmdlbg==?= <j@x.example>
          Subject: =?utf-8?b?PT91dGYtOD9xP1JlOl9PZmZlcj0wRD0wQUJjYzpfeEBldmlsLmV4YW1wbGU/PQ==?=
          Date: %s
          Message-ID: <nested-word@example.com>
          """.formatted(d), "Hallo\n"));

      List<MailMessage> messages = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, window()).messages();

      assertThat(messages).hasSize(2);
      MailMessage utf8 = messages.get(0);
      assertThat(utf8.from().name()).isEqualTo("Dana Ödegaard");
      assertThat(utf8.to()).extracting(EmailAddress::name).containsExactly("Jürgen Müller", "Zoë, Ärztin");
      assertThat(utf8.subject()).isEqualTo("Grüße aus München");
      MailMessage nested = messages.get(1);
      assertThat(nested.to()).extracting(EmailAddress::name).containsExactly("Jürgen");
      assertThat(nested.subject()).isEqualTo("= ?utf-8?q?Re:_Offer=0D=0ABcc:_x@evil.example?=");
    }
  }

  @Test
  default void aDeliveryStatusNotificationNamesTheFailedRecipients() throws Exception {
    try (MailSeed seed = seed(); Mailbox mailbox = mailbox()) {
      seed.append("INBOX", raw("""
          From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
          To: dana@example.com
          Subject: Undelivered Mail Returned to Sender
          Date: %s
          Message-ID: <dsn-1@mx.example.com>
          Auto-Submitted: auto-replied
          MIME-Version: 1.0
          Content-Type: multipart/report; report-type=delivery-status;
           boundary="BOUNDARY"
          """.formatted(date(daysAgo(1))), """
          --BOUNDARY
          Content-Type: text/plain; charset=us-ascii

          I'm sorry to have to inform you that your message could not be delivered.

          --BOUNDARY
          Content-Type: message/delivery-status

          Reporting-MTA: dns; mx.example.com
          Arrival-Date: Mon, 2 Nov 2026 10:00:00 +0100

          Final-Recipient: rfc822; Alice@Acme.example
          Original-Recipient: rfc822;alice@acme.example
          Action: failed
          Status: 5.1.1
          Diagnostic-Code: smtp; 550 5.1.1 <alice@acme.example>:
           Recipient address rejected: User unknown

          Final-Recipient: rfc822; bob@acme.example
          Action: delivered
          Status: 2.0.0

          --BOUNDARY
          Content-Type: message/rfc822

          From: dana@example.com
          To: alice@acme.example, bob@acme.example
          Subject: Our call
          Message-ID: <outreach-1@example.com>

          Hello
          --BOUNDARY--
          """));
      seed.append("INBOX", sent("plain@example.com", daysAgo(1), "Not a bounce"));

      FolderChanges changes = mailbox.changes(MailFolder.INBOX, SyncCursor.NONE, daysAgo(21));

      assertThat(changes.messages()).hasSize(2);
      assertThat(changes.messages().get(0).bounced()).extracting(EmailAddress::address)
          .containsExactly("alice@acme.example");
      assertThat(changes.messages().get(0).header("Auto-Submitted")).hasValue("auto-replied");
      assertThat(changes.messages().get(1).bounced()).isEmpty();
    }
  }

  @Test
  default void theMethodOfACalendarPartIsRead() throws Exception {
    try (MailSeed seed = seed(); Mailbox mailbox = mailbox()) {
      String d = date(daysAgo(1));
      seed.append(sentFolder(), raw("""
          From: dana@example.com
          To: alice@acme.example
          Subject: Accepted: Call with Alice
          Date: %s
          Message-ID: <reply-1@example.com>
          MIME-Version: 1.0
          Content-Type: multipart/alternative; boundary="b1"
          """.formatted(d), """
          --b1
          Content-Type: text/plain; charset=UTF-8

          Dana has accepted.
          --b1
          Content-Type: text/calendar; charset=UTF-8
          Content-Transfer-Encoding: base64

          QkVHSU46VkNBTEVOREFSDQpNRVRIT0Q6UkVQTFkNClZFUlNJT046Mi4wDQpFTkQ6VkNBTEVOREFSDQo=
          --b1--
          """));
      seed.append(sentFolder(), raw("""
          From: dana@example.com
          To: alice@acme.example
          Subject: Invitation: Call with Alice
          Date: %s
          Message-ID: <invite-1@example.com>
          MIME-Version: 1.0
          Content-Type: text/calendar; method=request; charset=UTF-8
          """.formatted(d), "BEGIN:VCALENDAR\nMETHOD:REQUEST\nEND:VCALENDAR\n"));
      seed.append(sentFolder(), sent("plain@example.com", daysAgo(1), "Plain"));

      List<MailMessage> messages = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21)).messages();

      assertThat(messages).extracting(MailMessage::calendarMethod).containsExactly("REPLY", "REQUEST", null);
    }
  }

  @Test
  default void textsArePlainCappedAndReadFromHtmlWhenThereIsNoPlainPart() throws Exception {
    try (MailSeed seed = seed(); Mailbox mailbox = mailbox()) {
      String d = date(daysAgo(1));
      long u1 = seed.append("INBOX", raw("""
          From: alice@acme.example
          To: dana@example.com
          Subject: Re: Our call
          Date: %s
          Message-ID: <alt@acme.example>
          MIME-Version: 1.0
          Content-Type: multipart/alternative; boundary="b1"
          """.formatted(d), """
          --b1
          Content-Type: text/plain; charset=ISO-8859-1
          Content-Transfer-Encoding: quoted-printable

          Gern, ruf mich Dienstag an. Gr=FC=DFe
          --b1
          Content-Type: text/html; charset=UTF-8

          <p>HTML version</p>
          --b1--
          """));
      long u2 = seed.append("INBOX", raw("""
          From: alice@acme.example
          To: dana@example.com
          Subject: Re: Our call
          Date: %s
          Message-ID: <html@acme.example>
          MIME-Version: 1.0
          Content-Type: text/html; charset=UTF-8
          """.formatted(d), """
          <html><head><style>p { color: red }</style></head><body>
          <p>Sounds good &amp; call me on <b>Tuesday</b>.</p>
          <div>On Mon, Dana wrote:</div>
          <blockquote><p>Are you free for a call?</p></blockquote>
          </body></html>
          """));
      long u3 = seed.append("INBOX", MessageContentContract.hugeMessage("huge@acme.example"));
      long u4 = seed.append("INBOX", raw("""
          From: alice@acme.example
          To: dana@example.com
          Subject: Only an attachment
          Date: %s
          Message-ID: <pdf@acme.example>
          MIME-Version: 1.0
          Content-Type: application/pdf
          Content-Transfer-Encoding: base64
          """.formatted(d), "JVBERi0xLjQK\n"));
      // The text two levels down (section 1.1), as most mail clients send a message with an attachment.
      long u5 = seed.append("INBOX", raw("""
          From: alice@acme.example
          To: dana@example.com
          Subject: Re: Our call, with the agenda
          Date: %s
          Message-ID: <mixed@acme.example>
          MIME-Version: 1.0
          Content-Type: multipart/mixed; boundary="m1"
          """.formatted(d), """
          --m1
          Content-Type: multipart/alternative; boundary="a1"

          --a1
          Content-Type: text/plain; charset=UTF-8

          Agenda attached, talk on Thursday.
          --a1
          Content-Type: text/html; charset=UTF-8

          <p>Agenda attached (HTML)</p>
          --a1--
          --m1
          Content-Type: application/pdf; name="agenda.pdf"
          Content-Disposition: attachment; filename="agenda.pdf"
          Content-Transfer-Encoding: base64

          JVBERi0xLjQK
          --m1--
          """));
      long validity = seed.uidValidity("INBOX");

      Map<Long, String> texts = mailbox.texts(MailFolder.INBOX, validity, List.of(u1, u2, u3, u4, u5, 99L));

      assertThat(texts).containsOnlyKeys(u1, u2, u3, u4, u5);
      assertThat(texts.get(u5).strip()).isEqualTo("Agenda attached, talk on Thursday.");
      assertThat(texts.get(u1).strip()).isEqualTo("Gern, ruf mich Dienstag an. Grüße");
      assertThat(texts.get(u2)).isEqualTo("Sounds good & call me on Tuesday.\nOn Mon, Dana wrote:\n> Are you free for a call?");
      assertThat(texts.get(u3)).startsWith("line 0 of a very long message").hasSizeLessThanOrEqualTo(64 * 1024);
      assertThat(texts.get(u3).length()).isGreaterThan(60 * 1024);
      assertThat(texts.get(u4)).isEmpty();
      assertThat(mailbox.texts(MailFolder.INBOX, validity + 1, List.of(u1))).isEmpty();
    }
  }
}
