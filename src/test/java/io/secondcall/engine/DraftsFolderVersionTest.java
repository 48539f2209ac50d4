package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Checking every open draft means reading the whole drafts folder each poll. Where the server
 * can say that the folder has not changed at all (IMAP CONDSTORE), it is not read again; where
 * it cannot, it is read every time: a deleted draft must never go unnoticed.
 */
class DraftsFolderVersionTest extends EngineFixture {

  @Test
  void anUnchangedDraftsFolderIsNotReadAgainButADeletionIsStillSeen() {
    mail.versioned = true;
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-12-03T09:30");
    String id = only().id();
    assertThat(mail.drafts).containsOnlyKeys(id + ".1");

    runAt("2026-12-03T09:35"); // the draft written last time changed the folder: read once more
    int reads = mail.draftsReads;
    runAt("2026-12-03T09:40");
    runAt("2026-12-03T09:45");
    assertThat(mail.draftsReads).isEqualTo(reads);

    mail.userDeletes(id + ".1");
    CycleReport report = runAt("2026-12-03T09:50");
    assertThat(mail.draftsReads).isEqualTo(reads + 1);
    assertThat(report.actions(Action.Kind.STEP_SKIPPED)).hasSize(1);
  }

  @Test
  void withoutAVersionTheDraftsFolderIsReadEveryCycle() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-12-03T09:30");
    int reads = mail.draftsReads;

    runAt("2026-12-03T09:35");
    runAt("2026-12-03T09:40");

    assertThat(mail.draftsReads).isEqualTo(reads + 2);
  }
}
