package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.MailMessage;
import io.secondcall.mail.MailboxContract;
import io.secondcall.mail.MessageContentContract;
import io.secondcall.mail.TestMail;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import io.secondcall.port.SyncCursor;
import io.secondcall.testing.Dovecot;
import io.secondcall.testing.ImapTap;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IMAP contracts against a real Dovecot (UIDPLUS, SPECIAL-USE, CONDSTORE, real MIME
 * parsing): one server for the class, a fresh user per test. Sent and Drafts carry
 * non-default names there, so only SPECIAL-USE detection finds them.
 */
class ImapMailboxDovecotIT implements MailboxContract, MessageContentContract, ImapFolderContract, ConnectionContract {

  @TempDir
  static Path dir;

  private static Dovecot dovecot;

  private ImapAccount account;

  @BeforeAll
  static void startDovecot() throws Exception {
    dovecot = Dovecot.start(dir);
  }

  @AfterAll
  static void stopDovecot() throws Exception {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  @BeforeEach
  void createUser() throws Exception {
    String user = dovecot.newUser();
    account = new ImapAccount(dovecot.host(), dovecot.port(), ImapAccount.Security.NONE,
        user, Dovecot.PASSWORD, null, null, null, null, Duration.ofSeconds(20));
  }

  /**
   * The statuses in a LIST are most of the server's work for it; a first read has nothing to
   * compare them with (issue 13: the first scan near the floor), a later one needs them.
   */
  @Test
  void aFirstReadListsTheFoldersWithoutTheirStatusAndTheNextReadAsksForItInTheOneList() throws Exception {
    try (SeedClient seed = new SeedClient(account); ImapTap tap = ImapTap.start(dovecot.port())) {
      seed.append(Dovecot.SENT, TestMail.sent("a@example.com", TestMail.daysAgo(1), "First"));
      ImapAccount tapped = throughTap(tap);
      FolderChanges first;
      try (ImapMailbox mailbox = new ImapMailbox(tapped)) {
        first = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, window());
        mailbox.changes(MailFolder.INBOX, SyncCursor.NONE, window());
        assertThat(first.messages()).hasSize(1);
        assertThat(tap.lines("LIST")).singleElement().asString().doesNotContain("STATUS");
      }
      try (ImapMailbox mailbox = new ImapMailbox(tapped)) {
        assertThat(mailbox.changes(MailFolder.SENT, first.cursor(), window()).messages()).isEmpty();
        assertThat(tap.lines("LIST")).hasSize(2).last().asString().contains("RETURN (SPECIAL-USE STATUS (");
        assertThat(tap.lines("EXAMINE")).as("Sent unchanged: not opened again").hasSize(2);
      }
    }
  }

  /**
   * Issue 13: a Drafts folder that changed was read whole again. With QRESYNC the server says
   * what went and what changed since the last read, and only what arrived since is fetched.
   */
  @Test
  void aDraftsFolderThatChangedIsReadAsWhatChangedThere() throws Exception {
    try (SeedClient seed = new SeedClient(account); ImapTap tap = ImapTap.start(dovecot.port())) {
      ImapAccount tapped = throughTap(tap);
      try (ImapMailbox mailbox = new ImapMailbox(tapped)) {
        for (int i = 1; i <= 20; i++) {
          mailbox.saveDraft(TestMail.draft("c" + i + ".1", "Re: Offer " + i));
        }
        assertThat(mailbox.secondcallIds(MailFolder.DRAFTS)).hasSize(20);
        assertThat(tap.lines("FETCH")).as("the first read fetches every draft's id")
            .singleElement().asString().startsWith("FETCH 1:20 ");

        seed.remove(Dovecot.DRAFTS, "c1.1");
        seed.append(Dovecot.DRAFTS, TestMail.bytes(TestMail.draft("c21.1", "Re: Offer 21")));
        assertThat(mailbox.secondcallIds(MailFolder.DRAFTS)).hasSize(20).contains("c21.1").doesNotContain("c1.1");

        assertThat(tap.lines("EXAMINE")).last().asString().contains("(QRESYNC (");
        assertThat(tap.lines("FETCH")).as("the second read fetches the one new draft's id").hasSize(2)
            .last().asString().startsWith("FETCH 20 ");
      }
    }
  }

  /** The same for the next process (each `scan` is one): what the last one read is in the state directory. */
  @Test
  void theNextProcessReadsWhatChangedInDraftsSinceTheLastOneRead(@TempDir Path state) throws Exception {
    try (SeedClient seed = new SeedClient(account); ImapTap tap = ImapTap.start(dovecot.port())) {
      ImapAccount tapped = throughTap(tap);
      try (ImapMailbox first = new ImapMailbox(tapped, state)) {
        for (int i = 1; i <= 20; i++) {
          first.saveDraft(TestMail.draft("c" + i + ".1", "Re: Offer " + i));
        }
        assertThat(first.secondcallIds(MailFolder.DRAFTS)).hasSize(20);
      }
      seed.remove(Dovecot.DRAFTS, "c2.1");
      seed.markDeleted(Dovecot.DRAFTS, "c3.1");
      seed.append(Dovecot.DRAFTS, TestMail.bytes(TestMail.draft("c21.1", "Re: Offer 21")));

      try (ImapMailbox next = new ImapMailbox(tapped, state)) {
        assertThat(next.secondcallIds(MailFolder.DRAFTS)).hasSize(19).contains("c21.1").doesNotContain("c2.1", "c3.1");
      }

      assertThat(tap.lines("EXAMINE")).last().asString().contains("(QRESYNC (");
      assertThat(tap.lines("FETCH")).hasSize(2).last().asString().startsWith("FETCH 20 ");
    }
  }

  /** The same for invitations whose Content-Type names no METHOD: it is read from the parts, all in one FETCH. */
  @Test
  void theCalendarPartsOfInvitationsWithoutAMethodParameterAreReadInOneFetch() throws Exception {
    try (SeedClient seed = new SeedClient(account); ImapTap tap = ImapTap.start(dovecot.port())) {
      for (String method : List.of("REQUEST", "CANCEL", "REPLY")) {
        seed.append("INBOX", TestMail.raw("""
            From: alice@acme.example
            To: dana@example.com
            Subject: Invitation: Workshop (%1$s)
            Date: %2$s
            Message-ID: <invite-%1$s@acme.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="B"
            """.formatted(method, TestMail.date(TestMail.daysAgo(1))), """
            --B
            Content-Type: text/plain

            You have been invited.
            --B
            Content-Type: text/calendar; charset=UTF-8
            Content-Transfer-Encoding: quoted-printable

            BEGIN:VCALENDAR
            METHOD:%s
            BEGIN:VEVENT
            UID:workshop@acme.example
            END:VEVENT
            END:VCALENDAR
            --B--
            """.formatted(method)).getBytes(StandardCharsets.UTF_8));
      }
      ImapAccount tapped = throughTap(tap);
      try (ImapMailbox mailbox = new ImapMailbox(tapped)) {
        FolderChanges changes = mailbox.changes(MailFolder.INBOX, SyncCursor.NONE, window());

        assertThat(changes.messages()).extracting(MailMessage::calendarMethod)
            .containsExactlyInAnyOrder("REQUEST", "CANCEL", "REPLY");
      }
      List<String> partFetches = new ArrayList<>(tap.lines("FETCH"));
      partFetches.addAll(tap.lines("UID"));
      assertThat(partFetches.stream().filter(l -> l.contains("[2]")).toList()).singleElement().asString()
          .contains("BODY.PEEK[2]");
    }
  }

  /** This test's account, its commands seen by {@code tap} on their way to Dovecot. */
  private ImapAccount throughTap(ImapTap tap) {
    return new ImapAccount(dovecot.host(), tap.port(), ImapAccount.Security.NONE,
        account.username(), Dovecot.PASSWORD, null, null, null, null, Duration.ofSeconds(20));
  }

  /** Issue 13: one FETCH per bounce made a first scan's cost grow with the bounces in the window. */
  @Test
  void theReportsOfManyBouncesAreReadInOneFetch() throws Exception {
    try (SeedClient seed = new SeedClient(account); ImapTap tap = ImapTap.start(dovecot.port())) {
      for (String who : List.of("alice", "bob", "carla")) {
        seed.append("INBOX", TestMail.raw("""
            From: MAILER-DAEMON@mx.example.com
            To: dana@example.com
            Subject: Undelivered Mail Returned to Sender
            Date: %s
            Message-ID: <bounce-%s@mx.example.com>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"
            """.formatted(TestMail.date(TestMail.daysAgo(1)), who), """
            --B
            Content-Type: text/plain

            Your message could not be delivered.
            --B
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.com

            Final-Recipient: rfc822; %s@acme.example
            Action: failed
            Status: 5.1.1
            --B--
            """.formatted(who)).getBytes(StandardCharsets.UTF_8));
      }
      ImapAccount tapped = throughTap(tap);
      try (ImapMailbox mailbox = new ImapMailbox(tapped)) {
        FolderChanges changes = mailbox.changes(MailFolder.INBOX, SyncCursor.NONE, window());

        assertThat(changes.messages()).flatExtracting(m -> m.bounced()).extracting(EmailAddress::address)
            .containsExactlyInAnyOrder("alice@acme.example", "bob@acme.example", "carla@acme.example");
      }
      List<String> partFetches = new ArrayList<>(tap.lines("FETCH"));
      partFetches.addAll(tap.lines("UID"));
      assertThat(partFetches.stream().filter(l -> l.contains("[2]")).toList()).singleElement().asString()
          .contains("BODY.PEEK[2]");
    }
  }

  @Test
  void aDroppedConnectionIsOpenedAgainOnTheNextCall() throws Exception {
    try (SeedClient seed = new SeedClient(account); ImapMailbox mailbox = new ImapMailbox(account)) {
      seed.append(Dovecot.SENT, TestMail.sent("a@example.com", TestMail.daysAgo(1), "First"));
      FolderChanges first = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, window());

      dovecot.kick(account.username());
      seed.close();
      try (SeedClient again = new SeedClient(account)) {
        again.append(Dovecot.SENT, TestMail.sent("b@example.com", TestMail.daysAgo(0), "Second"));
      }
      FolderChanges next = mailbox.changes(MailFolder.SENT, first.cursor(), window());

      assertThat(next.messages()).extracting(MailMessage::messageId).containsExactly("b@example.com");
    }
  }

  /** Legacy 8-bit headers that are not UTF-8 read as windows-1252. GreenMail cannot store them. */
  @Test
  void eightBitHeadersThatAreNotUtf8ReadAsWindows1252() throws Exception {
    try (SeedClient seed = new SeedClient(account); ImapMailbox mailbox = new ImapMailbox(account)) {
      seed.append(Dovecot.SENT, TestMail.raw("""
          From: dana@example.com
          To: Jürgen Müller <j@x.example>
          Subject: Grüße \u201Cquoted\u201D
          Date: %s
          Message-ID: <latin1-raw@example.com>
          """.formatted(TestMail.date(TestMail.daysAgo(1))), "Hallo\n").getBytes(Charset.forName("windows-1252")));

      MailMessage m = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, window()).messages().get(0);

      assertThat(m.to()).extracting(EmailAddress::name).containsExactly("Jürgen Müller");
      assertThat(m.subject()).isEqualTo("Grüße \u201Cquoted\u201D");
    }
  }

  @Override
  public ImapAccount account() {
    return account;
  }

  @Override
  public String sentFolder() {
    return Dovecot.SENT;
  }

  @Override
  public boolean condstore() {
    return true;
  }

  @Override
  public String draftsFolder() {
    return Dovecot.DRAFTS;
  }
}
