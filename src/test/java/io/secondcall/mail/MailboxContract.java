package io.secondcall.mail;

import static io.secondcall.mail.TestMail.date;
import static io.secondcall.mail.TestMail.daysAgo;
import static io.secondcall.mail.TestMail.raw;
import static io.secondcall.mail.TestMail.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.MailMessage;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.FolderMissingException;
import io.secondcall.port.MailFolder;
import io.secondcall.port.Mailbox;
import io.secondcall.port.SyncCursor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a mail adapter promises about syncing folders and writing drafts, written once and run
 * against every server we test on (GreenMail and Dovecot over IMAP, the Gmail API fake).
 */
public interface MailboxContract extends MailServerFixture {

  @Test
  default void firstSyncReadsOnlyTheLookBackWindowWithEveryHeaderMapped() throws Exception {
    try (MailSeed seed = seed(); Mailbox mailbox = mailbox()) {
      seed.append(sentFolder(), sent("old@example.com", daysAgo(60), "Old outreach"));
      long uid = seed.append(sentFolder(), raw("""
          From: Dana Example <dana@example.com>
          To: "Smith, Alice" <Alice@Acme.example>, bob@acme.example
          Cc: carol@acme.example
          Bcc: dana+fu5@example.com
          Subject: =?UTF-8?Q?Angebot_f=C3=BCr_Acme?= =?UTF-8?B?IOKAkyBSw7xja3J1Zg==?=
          Date: %s
          Message-ID: <  recent-1@example.com >
          In-Reply-To: <root@acme.example>
          References: <root@acme.example>
           <mid@acme.example>
          List-Id: Acme News <news.acme.example>
          List-Unsubscribe: <mailto:leave@acme.example>
          Auto-Submitted: auto-generated
          Precedence: bulk
          X-Secondcall-Id: c0123456789abcdef.2
          Disposition-Notification-To: dana@example.com
          MIME-Version: 1.0
          Content-Type: text/plain; charset=UTF-8
          """.formatted(date(daysAgo(2))), "Hi Alice\n"));

      FolderChanges changes = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, window());

      assertThat(changes.resynced()).isTrue();
      assertThat(changes.skipped()).isZero();
      assertThat(changes.cursor().uidValidity()).isEqualTo(seed.uidValidity(sentFolder()));
      assertThat(changes.cursor().lastUid()).isEqualTo(seed.position(sentFolder()));
      assertThat(changes.messages()).hasSize(1);
      MailMessage m = changes.messages().get(0);
      assertThat(m.uid()).isEqualTo(uid);
      assertThat(m.messageId()).isEqualTo("recent-1@example.com");
      assertThat(m.date()).isBetween(daysAgo(3), daysAgo(1));
      assertThat(m.from()).isEqualTo(new EmailAddress("dana@example.com", "Dana Example"));
      assertThat(m.to()).extracting(EmailAddress::address).containsExactly("alice@acme.example", "bob@acme.example");
      assertThat(m.to().get(0).name()).isEqualTo("Smith, Alice");
      assertThat(m.cc()).extracting(EmailAddress::address).containsExactly("carol@acme.example");
      assertThat(m.bcc()).extracting(EmailAddress::address).containsExactly("dana+fu5@example.com");
      assertThat(m.subject()).isEqualTo("Angebot für Acme – Rückruf");
      assertThat(m.inReplyTo()).containsExactly("root@acme.example");
      assertThat(m.references()).containsExactly("root@acme.example", "mid@acme.example");
      assertThat(m.header("List-Id")).hasValue("Acme News <news.acme.example>");
      assertThat(m.header("list-unsubscribe")).hasValue("<mailto:leave@acme.example>");
      assertThat(m.header("Auto-Submitted")).hasValue("auto-generated");
      assertThat(m.header("Precedence")).hasValue("bulk");
      assertThat(m.header("X-Secondcall-Id")).hasValue("c0123456789abcdef.2");
      assertThat(m.header("Disposition-Notification-To")).hasValue("dana@example.com");
      assertThat(m.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
      assertThat(m.text()).isNull();
      assertThat(m.bounced()).isEmpty();
      assertThat(m.calendarMethod()).isNull();
    }
  }

  @Test
  default void incrementalSyncReturnsOnlyMessagesAfterTheCursor() throws Exception {
    try (MailSeed seed = seed(); Mailbox mailbox = mailbox()) {
      seed.append(sentFolder(), sent("a@example.com", daysAgo(2), "First"));
      FolderChanges first = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, window());
      seed.append(sentFolder(), sent("b@example.com", daysAgo(1), "Second"));
      seed.append(sentFolder(), sent("c@example.com", daysAgo(90), "Old but new to the folder"));

      FolderChanges second = mailbox.changes(MailFolder.SENT, first.cursor(), window());
      FolderChanges third = mailbox.changes(MailFolder.SENT, second.cursor(), window());

      assertThat(first.messages()).extracting(MailMessage::messageId).containsExactly("a@example.com");
      assertThat(second.resynced()).isFalse();
      // Past the first sync every new message counts, whatever its date: the window only limits a full read.
      assertThat(second.messages()).extracting(MailMessage::messageId).containsExactly("b@example.com", "c@example.com");
      assertThat(second.cursor()).isEqualTo(new SyncCursor(first.cursor().uidValidity(), seed.position(sentFolder())));
      assertThat(third.messages()).isEmpty();
      assertThat(third.cursor()).isEqualTo(second.cursor());
    }
  }

  @Test
  default void aDifferentUidValidityReadsTheFolderAgain() throws Exception {
    try (MailSeed seed = seed(); Mailbox mailbox = mailbox()) {
      seed.append(sentFolder(), sent("a@example.com", daysAgo(2), "First"));
      FolderChanges first = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, window());
      SyncCursor stale = new SyncCursor(first.cursor().uidValidity() + 1, first.cursor().lastUid());

      FolderChanges again = mailbox.changes(MailFolder.SENT, stale, window());

      assertThat(again.resynced()).isTrue();
      assertThat(again.messages()).extracting(MailMessage::messageId).containsExactly("a@example.com");
      assertThat(again.cursor()).isEqualTo(first.cursor());
    }
  }

  @Test
  default void theCursorMovesPastMessagesOutsideTheWindow() throws Exception {
    try (MailSeed seed = seed(); Mailbox mailbox = mailbox()) {
      seed.append(sentFolder(), sent("old@example.com", daysAgo(100), "Old"));

      FolderChanges first = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, window());
      long position = seed.position(sentFolder());
      seed.append(sentFolder(), sent("new@example.com", daysAgo(0), "New"));
      FolderChanges next = mailbox.changes(MailFolder.SENT, first.cursor(), window());

      assertThat(first.messages()).isEmpty();
      assertThat(first.cursor().lastUid()).isEqualTo(position);
      assertThat(next.messages()).extracting(MailMessage::messageId).containsExactly("new@example.com");
    }
  }

  @Test
  default void aMissingFolderHasNoChanges() {
    try (Mailbox mailbox = mailbox()) {
      SyncCursor cursor = new SyncCursor(7, 42);

      FolderChanges changes = mailbox.changes(MailFolder.STOP, cursor, window());

      assertThat(changes.messages()).isEmpty();
      assertThat(changes.cursor()).isEqualTo(cursor);
      assertThat(changes.resynced()).isFalse();
      assertThatThrownBy(() -> mailbox.secondcallIds(MailFolder.STOP))
          .isInstanceOf(FolderMissingException.class).hasMessageContaining("does not exist");
    }
  }

  @Test
  default void draftsAreSavedFoundAndRemovedByTheirSecondcallId() throws Exception {
    try (MailSeed seed = seed(); Mailbox mailbox = mailbox()) {
      mailbox.saveDraft(TestMail.draft("c1.1", "Re: Angebot"));
      mailbox.saveDraft(TestMail.draft("c2.1", "Re: Offer"));
      seed.append(draftsFolder(), sent("own-draft@example.com", daysAgo(0), "The user's own draft"));

      List<MailSeed.Stored> saved = seed.list(draftsFolder());
      Set<String> ids = mailbox.secondcallIds(MailFolder.DRAFTS);
      mailbox.deleteDrafts(List.of("c1.1", "c9.9"));
      List<MailSeed.Stored> left = seed.list(draftsFolder());

      assertThat(saved).hasSize(3);
      assertThat(saved.get(0).draft()).isTrue();
      assertThat(saved.get(0).seen()).isTrue();
      assertThat(saved.get(0).subject()).isEqualTo("Re: Angebot");
      assertThat(ids).containsExactlyInAnyOrder("c1.1", "c2.1");
      assertThat(left).extracting(MailSeed.Stored::secondcallId).containsExactly("c2.1", null);
      assertThat(mailbox.secondcallIds(MailFolder.DRAFTS)).containsExactly("c2.1");
    }
  }

  @Test
  default void theDigestLandsUnreadInTheInbox() throws Exception {
    try (MailSeed seed = seed(); Mailbox mailbox = mailbox()) {
      mailbox.deliverToInbox(TestMail.draft("digest-1", "secondcall: 2 drafts prepared"));

      List<MailSeed.Stored> inbox = seed.list("INBOX");

      assertThat(inbox).hasSize(1);
      assertThat(inbox.get(0).subject()).isEqualTo("secondcall: 2 drafts prepared");
      assertThat(inbox.get(0).seen()).isFalse();
      assertThat(inbox.get(0).draft()).isFalse();
    }
  }
}
