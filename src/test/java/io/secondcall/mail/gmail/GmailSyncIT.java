package io.secondcall.mail.gmail;

import static io.secondcall.mail.TestMail.daysAgo;
import static io.secondcall.mail.TestMail.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.MailMessage;
import io.secondcall.mail.TestMail;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import io.secondcall.port.SyncCursor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Gmail does differently from IMAP and costs in quota: one history.list a cycle for all
 * labels, batches and pages, an expired history id, the stop and tag labels, drafts the user
 * deleted, edited or sent.
 */
class GmailSyncIT {

  @RegisterExtension
  final GmailFixture fixture = new GmailFixture();

  /** The cursors of one cycle: Sent, inbox, stop label. */
  private record Cursors(SyncCursor sent, SyncCursor inbox, SyncCursor stop) {}

  private static Cursors cycle(GmailMailbox mailbox, Cursors before) {
    FolderChanges sent = mailbox.changes(MailFolder.SENT, before.sent(), daysAgo(21));
    FolderChanges inbox = mailbox.changes(MailFolder.INBOX, before.inbox(), daysAgo(21));
    FolderChanges stop = mailbox.changes(MailFolder.STOP, before.stop(), daysAgo(21));
    return new Cursors(sent.cursor(), inbox.cursor(), stop.cursor());
  }

  @Test
  void aCycleWithNothingNewCostsOneHistoryListOfTwoUnits() throws Exception {
    fixture.seed().create(GmailFixture.STOP);
    fixture.seed().append("SENT", sent("a@example.com", daysAgo(1), "Offer"));
    try (GmailMailbox mailbox = fixture.mailbox()) {
      mailbox.saveDraft(TestMail.draft("c1.1", "Re: Offer"));
      Cursors first = cycle(mailbox, new Cursors(SyncCursor.NONE, SyncCursor.NONE, SyncCursor.NONE));
      mailbox.secondcallIds(MailFolder.DRAFTS);
      mailbox.cycleEnded();
      Cursors second = cycle(mailbox, first);
      mailbox.secondcallIds(MailFolder.DRAFTS);
      mailbox.cycleEnded();
      fixture.gmail.clearCalls();

      Cursors third = cycle(mailbox, second);
      assertThat(mailbox.secondcallIds(MailFolder.DRAFTS)).containsExactly("c1.1");

      assertThat(fixture.gmail.calls()).containsExactly("history.list");
      assertThat(mailbox.quota().units()).isEqualTo(2);
      assertThat(third).isEqualTo(second);
    }
  }

  @Test
  void aFirstReadPagesTheListAndReadsInBatchesOfAtMostFifty() throws Exception {
    fixture.gmail.pageSize(7);
    for (int i = 0; i < 120; i++) {
      fixture.seed().append("SENT", sent("m" + i + "@example.com", daysAgo(2), "Offer " + i));
    }
    try (GmailMailbox mailbox = fixture.mailbox()) {
      FolderChanges changes = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21));

      assertThat(changes.messages()).hasSize(120);
      assertThat(changes.messages()).extracting(MailMessage::uid).isSorted();
      assertThat(fixture.gmail.largestBatch()).isLessThanOrEqualTo(50);
      assertThat(fixture.gmail.batches()).isEqualTo(3);
      assertThat(fixture.gmail.calls()).filteredOn("messages.list"::equals).hasSize(18);
      // getProfile 1, 18 pages of messages.list at 5, 120 messages.get at 5.
      assertThat(mailbox.quota().units()).isEqualTo(1 + 18 * 5 + 120 * 5);
    }
  }

  @Test
  void anExpiredHistoryIdReadsTheWindowAgain() throws Exception {
    fixture.seed().append("SENT", sent("a@example.com", daysAgo(1), "First"));
    try (GmailMailbox mailbox = fixture.mailbox()) {
      FolderChanges first = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21));
      fixture.seed().append("SENT", sent("b@example.com", daysAgo(0), "Second"));
      fixture.seed().append("SENT", sent("old@example.com", daysAgo(40), "Outside the window"));
      fixture.gmail.store.expireHistory();

      FolderChanges again = mailbox.changes(MailFolder.SENT, first.cursor(), daysAgo(21));
      FolderChanges inbox = mailbox.changes(MailFolder.INBOX, first.cursor(), daysAgo(21));

      assertThat(again.resynced()).isTrue();
      assertThat(again.messages()).extracting(MailMessage::messageId).containsExactly("a@example.com", "b@example.com");
      assertThat(again.cursor().lastUid()).isEqualTo(fixture.gmail.store.historyId());
      assertThat(inbox.resynced()).isTrue();
      // The 404 is asked once; the inbox, at the same cursor, knows it.
      assertThat(fixture.gmail.calls()).filteredOn("history.list"::equals).hasSize(1);
    }
  }

  @Test
  void aConversationIsStoppedByTheStopLabelAsItIsNow() throws Exception {
    long kept = fixture.seed().append("SENT", sent("kept@example.com", daysAgo(1), "Stopped"));
    long undone = fixture.seed().append("SENT", sent("undone@example.com", daysAgo(1), "Changed my mind"));
    try (GmailMailbox mailbox = fixture.mailbox()) {
      Cursors first = cycle(mailbox, new Cursors(SyncCursor.NONE, SyncCursor.NONE, SyncCursor.NONE));
      mailbox.cycleEnded();
      String stop = fixture.gmail.store.label(GmailFixture.STOP);
      fixture.gmail.store.relabel(GmailIds.messageId(kept), List.of(stop), List.of());
      fixture.gmail.store.relabel(GmailIds.messageId(undone), List.of(stop), List.of());
      fixture.gmail.store.relabel(GmailIds.messageId(undone), List.of(), List.of(stop));

      // The stop cursor never moved while the label did not exist; with a common cursor the label shows up in the history.
      FolderChanges sent = mailbox.changes(MailFolder.SENT, first.sent(), daysAgo(21));
      FolderChanges stops = mailbox.changes(MailFolder.STOP, first.sent(), daysAgo(21));

      assertThat(first.stop()).isEqualTo(SyncCursor.NONE);
      assertThat(sent.messages()).isEmpty();
      assertThat(stops.messages()).extracting(MailMessage::messageId).containsExactly("kept@example.com");
      assertThat(stops.messages().get(0).labels()).contains(GmailFixture.STOP);
      // As the engine asks it: the stop cursor is still none, so the label is read in full.
      assertThat(mailbox.changes(MailFolder.STOP, first.stop(), daysAgo(21)).messages())
          .extracting(MailMessage::messageId).containsExactly("kept@example.com");
    }
  }

  @Test
  void messagesCarryTheirThreadAndTheNamesOfTheirLabels() throws Exception {
    String tag = fixture.gmail.store.label("secondcall");
    long uid = fixture.seed().append("SENT", sent("tagged@example.com", daysAgo(1), "Tagged"));
    fixture.gmail.store.relabel(GmailIds.messageId(uid), List.of(tag, "IMPORTANT"), List.of());
    try (GmailMailbox mailbox = fixture.mailbox()) {
      MailMessage m = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21)).messages().get(0);

      assertThat(m.labels()).containsExactlyInAnyOrder("SENT", "secondcall", "IMPORTANT");
      assertThat(m.threadId()).isEqualTo(fixture.gmail.store.get(GmailIds.messageId(uid)).threadId);
    }
  }

  @Test
  void draftsTheUserDeletedEditedOrSentAreNoLongerOurs() throws Exception {
    try (GmailMailbox mailbox = fixture.mailbox()) {
      for (String id : List.of("c1.1", "c2.1", "c3.1", "c4.1")) {
        mailbox.saveDraft(TestMail.draft(id, "Re: Offer " + id));
      }
      Cursors first = cycle(mailbox, new Cursors(SyncCursor.NONE, SyncCursor.NONE, SyncCursor.NONE));
      assertThat(mailbox.secondcallIds(MailFolder.DRAFTS)).containsExactlyInAnyOrder("c1.1", "c2.1", "c3.1", "c4.1");
      mailbox.cycleEnded();
      FakeGmailStore store = fixture.gmail.store;
      store.deleteDraft(draftOf("c1.1"));
      // Gmail's editor keeps no header of ours.
      store.editDraft(draftOf("c2.1"), TestMail.raw("""
          From: dana@example.com
          To: alice@acme.example
          Subject: Re: Offer c2.1
          """, "Rewritten by hand\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), System.currentTimeMillis());
      store.sendDraft(draftOf("c3.1"));

      FolderChanges sent = mailbox.changes(MailFolder.SENT, first.sent(), daysAgo(21));

      assertThat(mailbox.secondcallIds(MailFolder.DRAFTS)).containsExactly("c4.1");
      assertThat(sent.messages()).extracting(m -> m.header("X-Secondcall-Id").orElse(null)).containsExactly("c3.1");
    }
  }

  @Test
  void requestBodiesArriveCompressedAndNothingIsEverSent() throws Exception {
    try (GmailMailbox mailbox = fixture.mailbox()) {
      mailbox.saveDraft(TestMail.draft("c1.1", "Re: Offer"));
      mailbox.deliverToInbox(TestMail.draft("digest-1", "secondcall: 1 follow-up drafted"));
      mailbox.deleteDrafts(List.of("c1.1"));

      assertThat(fixture.server.gzipBodies()).isGreaterThanOrEqualTo(2);
      assertThat(fixture.gmail.calls()).contains("drafts.create", "messages.insert", "drafts.delete")
          .doesNotContain("messages.send", "drafts.send");
      assertThat(mailbox.secondcallIds(MailFolder.INBOX)).containsExactly("digest-1");
    }
  }

  @Test
  void aDraftJoinsTheThreadOfTheMessageItAnswers() throws Exception {
    long root = fixture.seed().append("SENT", sent("root@example.com", daysAgo(1), "Offer"));
    String thread = fixture.gmail.store.get(GmailIds.messageId(root)).threadId;
    try (GmailMailbox reading = fixture.mailbox()) {
      reading.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21));
      fixture.gmail.clearCalls();
      reading.saveDraft(TestMail.draft("c1.1", "Re: Offer"));

      // Known from the read: no search.
      assertThat(fixture.gmail.calls()).containsExactly("drafts.create");
    }
    try (GmailMailbox fresh = fixture.mailbox()) {
      fresh.saveDraft(TestMail.draft("c1.2", "Re: Offer"));
    }

    assertThat(fixture.gmail.calls()).contains("messages.list");
    assertThat(fixture.gmail.store.threadsRefused()).isZero();
    assertThat(fixture.gmail.store.all()).filteredOn(m -> m.labels.contains("DRAFT"))
        .extracting(m -> m.threadId).containsExactly(thread, thread);
  }

  private String draftOf(String secondcallId) {
    return fixture.gmail.store.all().stream()
        .filter(m -> secondcallId.equals(m.parsed.header("X-Secondcall-Id")))
        .map(m -> fixture.gmail.store.draftOf(m.id))
        .findFirst().orElseThrow();
  }
}
