package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.Conversation;
import io.secondcall.port.MailFolder;
import io.secondcall.template.DigestComposer;
import io.secondcall.template.DraftComposer;
import io.secondcall.template.Templates;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Old ended conversations leave the state ({@code state.keep_days}), once a day, and their mail
 * never starts a sequence again: Alice answered Dana's proposal on 1 December 2026.
 */
class ArchiveTest extends EngineFixture {

  final CountingStore counting = new CountingStore(store);
  int keepDays = 30;

  @BeforeEach
  void aliceAnswered() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    inbound("r1@acme.example", "2026-12-01T10:00", ALICE, "Re: Proposal", "p1@northwind.example",
        "Thanks, we will take it.");
    runAt("2026-12-01T11:00");
    assertThat(only().status()).isEqualTo(Conversation.Status.REPLIED);
  }

  @Override
  EngineSettings settings() {
    return super.settings().withKeepDays(keepDays);
  }

  @Override
  Cycle cycle() {
    EngineSettings s = settings();
    Templates templates = Templates.load(null, ZONE, clock, Locale.ENGLISH);
    return new Cycle(s, mail, mail, counting.store, new FollowUpWriter(s, templates, new DraftComposer()),
        new DigestComposer(), clock);
  }

  @Test
  void anEndedConversationStaysUntilKeepDaysHavePassed() {
    runAt("2026-12-30T09:00");

    assertThat(store.conversations()).hasSize(1);
  }

  @Test
  void anEndedConversationGoesAfterKeepDaysAndItsMailNeverStartsASequenceAgain() {
    runAt("2027-01-04T09:00");
    assertThat(store.conversations()).isEmpty();
    assertThat(store.touchTimes(store.conversationOfMessage("p1@northwind.example").orElseThrow())).isEmpty();

    // The server rebuilds Sent (a new UIDVALIDITY): the proposal is read again, inside the look-back.
    mail.renumber(MailFolder.SENT);
    CycleReport resync = runAt("2027-01-04T10:00");
    runAt("2027-01-11T09:00");
    runAt("2027-01-20T09:00");

    assertThat(resync.actions(Action.Kind.TRACKED)).isEmpty();
    assertThat(store.conversations()).isEmpty();
    assertThat(mail.drafts).isEmpty();
  }

  @Test
  void nothingGoesWhileItsMailIsStillInsideTheLookBack() {
    keepDays = 1;
    // 1 December + 1 day, but the look-back (21 days) still reads mail of that time.
    runAt("2026-12-10T09:00");
    assertThat(store.conversations()).hasSize(1);

    runAt("2026-12-23T09:00");
    assertThat(store.conversations()).isEmpty();
  }

  @Test
  void theArchiveIsTidiedOnceADay() {
    counting.reset();
    runAt("2026-12-02T09:00");
    runAt("2026-12-02T09:15");
    runAt("2026-12-02T17:00");
    assertThat(counting.calls("archiveEndedBefore")).isEqualTo(1);

    runAt("2026-12-03T09:00");
    assertThat(counting.calls("archiveEndedBefore")).isEqualTo(2);
  }

  @Test
  void aDryRunArchivesNothing() {
    clock.set(at("2027-01-04T09:00"));
    cycle().dryRun();

    assertThat(store.conversations()).hasSize(1);
  }
}
