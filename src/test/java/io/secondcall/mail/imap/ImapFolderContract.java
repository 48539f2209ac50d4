package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.mail.TestMail;
import io.secondcall.port.MailFolder;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What only an IMAP server needs: finding Sent and Drafts among its folders, telling that
 * Drafts has not changed without reading it, reading what changed there when it did, and what
 * to expect of its IDLE.
 */
interface ImapFolderContract extends ImapServerFixture {

  /** Whether the server has CONDSTORE (RFC 7162), which lets a flag change be seen without reading the folder. */
  boolean condstore();

  /** Whether the server is Cyrus IMAP, whose IDLE may report new mail up to a minute late (no idled here). */
  default boolean cyrus() {
    return false;
  }

  @Test
  default void onlyCyrusGetsANoteThatItsIdleMayReportNewMailLate() {
    try (ImapMailbox mailbox = new ImapMailbox(account())) {
      Optional<String> note = mailbox.idleNote();
      if (cyrus()) {
        assertThat(note).hasValueSatisfying(n -> assertThat(n).contains("idled", "60 s", "daemon.poll_seconds"));
      } else {
        assertThat(note).isEmpty();
      }
    }
  }

  @Test
  default void theDraftsFolderHasAVersionOnlyWhereEveryChangeMovesIt() throws Exception {
    try (SeedClient seed = seed(); ImapMailbox mailbox = new ImapMailbox(account())) {
      mailbox.saveDraft(TestMail.draft("c1.1", "Re: Angebot"));
      Optional<String> first = mailbox.version(MailFolder.DRAFTS);
      assertThat(first.isPresent()).isEqualTo(condstore());
      if (first.isEmpty()) {
        return; // without CONDSTORE the engine reads Drafts every cycle
      }
      Set<String> seen = new HashSet<>(Set.of(first.get()));
      assertThat(mailbox.version(MailFolder.DRAFTS)).as("nothing changed").isEqualTo(first);

      mailbox.saveDraft(TestMail.draft("c2.1", "Re: Offer"));
      assertThat(seen.add(mailbox.version(MailFolder.DRAFTS).orElseThrow())).as("a draft added").isTrue();
      seed.markDeleted(draftsFolder(), "c2.1");
      assertThat(seen.add(mailbox.version(MailFolder.DRAFTS).orElseThrow())).as("a draft flagged \\Deleted").isTrue();
      mailbox.deleteDrafts(List.of("c1.1"));
      assertThat(seen.add(mailbox.version(MailFolder.DRAFTS).orElseThrow())).as("a draft removed").isTrue();
    }
  }

  @Test
  default void theIdsInDraftsFollowWhatChangedThereBetweenReads() throws Exception {
    try (SeedClient seed = seed(); ImapMailbox mailbox = new ImapMailbox(account())) {
      for (String id : List.of("c1.1", "c2.1", "c3.1", "c4.1")) {
        mailbox.saveDraft(TestMail.draft(id, "Re: Offer " + id));
      }
      assertThat(mailbox.secondcallIds(MailFolder.DRAFTS)).containsExactlyInAnyOrder("c1.1", "c2.1", "c3.1", "c4.1");

      seed.remove(draftsFolder(), "c1.1"); // the user sent it
      seed.markDeleted(draftsFolder(), "c2.1"); // a mail client flagged it
      seed.append(draftsFolder(), TestMail.bytes(TestMail.draft("c5.1", "Re: Offer c5.1"))); // put back from elsewhere
      assertThat(mailbox.secondcallIds(MailFolder.DRAFTS)).containsExactlyInAnyOrder("c3.1", "c4.1", "c5.1");

      seed.undelete(draftsFolder(), "c2.1");
      mailbox.deleteDrafts(List.of("c3.1"));
      assertThat(mailbox.secondcallIds(MailFolder.DRAFTS)).containsExactlyInAnyOrder("c2.1", "c4.1", "c5.1");
      assertThat(mailbox.secondcallIds(MailFolder.DRAFTS)).as("read again, nothing changed")
          .containsExactlyInAnyOrder("c2.1", "c4.1", "c5.1");

      // Drafts made anew (a restore, another client's clean-up): nothing read before counts. Cyrus
      // keeps UIDVALIDITY and UIDs going in a folder made anew and names none of the old ones
      // VANISHED; with altnamespace it keeps Drafts from being deleted at all.
      seed.delete(draftsFolder());
      seed.create(draftsFolder());
      seed.append(draftsFolder(), TestMail.bytes(TestMail.draft("c9.1", "Re: Offer c9.1")));
      boolean remade = seed.list(draftsFolder()).size() == 1;
      assertThat(mailbox.secondcallIds(MailFolder.DRAFTS)).as("remade: %s", remade)
          .containsExactlyInAnyOrderElementsOf(remade ? List.of("c9.1") : List.of("c2.1", "c4.1", "c5.1", "c9.1"));
    }
  }

  @Test
  default void sentAndDraftsAreFoundWithoutConfiguration() {
    try (ImapMailbox mailbox = new ImapMailbox(account())) {
      assertThat(mailbox.folderName(MailFolder.SENT)).isEqualTo(sentFolder());
      assertThat(mailbox.folderName(MailFolder.DRAFTS)).isEqualTo(draftsFolder());
      assertThat(mailbox.folderName(MailFolder.INBOX)).isEqualTo("INBOX");
    }
  }
}
