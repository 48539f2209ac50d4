package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.StepKind;
import io.secondcall.core.TimeRange;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.DigestEntry;
import io.secondcall.port.MailFolder;
import io.secondcall.port.StepRecord;
import io.secondcall.template.DigestComposer;
import io.secondcall.template.DraftComposer;
import io.secondcall.template.Templates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A home server polls every few minutes for years: what a cycle reads and prints follows what
 * changed, not how much history the state holds (issue 13). Five conversations run into a daily
 * cap of two drafts, next to a history of conversations that ended long ago, each with a sent
 * step, a past call block and delivered digest lines.
 */
class QuietCycleTest extends EngineFixture {

  final CountingStore counting = new CountingStore(store);

  @BeforeEach
  void fiveOutreachesAndACapOfTwo() {
    rules = rules.withMaxDraftsPerDay(2);
    for (int i = 1; i <= 5; i++) {
      outreach("p" + i + "@northwind.example", "2026-11-30T10:0" + i, "buyer" + i + "@firm" + i + ".example",
          "Offer " + i);
    }
    // The weekly persistence line reads the whole history, once a week: this week's is out.
    store.setMeta(Digests.WEEKLY_REPORT, "report:2026-W49");
  }

  @Override
  Cycle cycle() {
    EngineSettings s = settings();
    Templates templates = Templates.load(null, ZONE, clock, Locale.ENGLISH);
    return new Cycle(s, mail, mail, counting.store, new FollowUpWriter(s, templates, new DraftComposer()),
        new DigestComposer(), clock);
  }

  /** Conversations that ended in 2025, with everything a finished conversation leaves behind. */
  void history(int conversations) {
    Instant start = at("2025-06-02T10:00");
    for (int i = 0; i < conversations; i++) {
      String id = "old" + i;
      String root = "<" + id + "@northwind.example>";
      Conversation c = store.save(new Conversation(id, List.of(EmailAddress.of("p" + i + "@old" + i + ".example")),
          "Old offer " + i, root, null, start, start, root, List.of(), "Hi", 1, 1, 0, null,
          Conversation.Status.ACTIVE, null, null));
      store.linkMessage(root, id);
      Instant sent = start.plus(Duration.ofDays(3));
      store.saveStep(new StepRecord(id + ".1", id, 1, StepKind.FOLLOW_UP, sent, StepRecord.State.SENT, sent, sent));
      store.saveCallback(new CallbackRecord(id + ".1.call", id, id + ".1",
          new TimeRange(sent.plus(Duration.ofDays(1)), sent.plus(Duration.ofDays(1)).plusSeconds(900)), "+4930123456",
          CallbackRecord.State.BOOKED, sent));
      store.addDigestEntry(new DigestEntry(id + ".1", id, "draft", "Drafted follow-up 1", sent));
      store.markDigestDelivered(List.of(id + ".1"), "digest-" + i);
      store.save(c.ended(Conversation.Status.REPLIED, "answered", start.plus(Duration.ofDays(5))));
    }
  }

  @ParameterizedTest(name = "with {0} ended conversations in the state")
  @ValueSource(ints = {10, 400})
  void aCycleWithoutNewsReadsNoHistoryAndPrintsNothing(int ended) {
    history(ended);
    CycleReport morning = runAt("2026-12-03T09:30");
    assertThat(morning.actions(Action.Kind.DRAFTED)).hasSize(2);
    assertThat(morning.actions(Action.Kind.DEFERRED)).hasSize(3);
    counting.reset();
    java.util.Set<Object> statesRead = new java.util.HashSet<>();
    counting.before = (method, args) -> {
      if (method.equals("stepsIn") || method.equals("callbacksIn") && args.length == 1) {
        statesRead.add(args[0]);
      }
    };

    CycleReport quiet = runAt("2026-12-03T09:45");

    assertThat(quiet.actions()).isEmpty();
    assertThat(counting.calls("activeConversations")).isZero();
    assertThat(counting.calls("conversations")).isZero();
    assertThat(statesRead).describedAs("states read whole: only those of open drafts")
        .containsOnly(StepRecord.State.PREPARING, StepRecord.State.DRAFTED, StepRecord.State.SUPERSEDED);
    // The five conversations' two open drafts, the cursors and a few meta values: not one row of history.
    assertThat(counting.rows).isLessThan(20);
    // And nothing to write: no commit waits for the disk.
    assertThat(counting.commits).isZero();
    for (String write : List.of("save", "saveStep", "saveCursor", "setMeta", "saveCallback", "addDigestEntry")) {
      assertThat(counting.calls(write)).as(write).isZero();
    }
  }

  @ParameterizedTest(name = "with {0} ended conversations in the state")
  @ValueSource(ints = {10, 400})
  void theMorningLookReadsTheActiveConversationsNotTheEndedOnes(int ended) {
    history(ended);
    runAt("2026-12-03T09:30");
    counting.reset();

    runAt("2026-12-04T09:30");

    assertThat(counting.calls("conversations")).isZero();
    assertThat(counting.rows).isLessThan(60);
  }

  @Test
  void aStepOverTheCapIsReportedOnceNotInEveryCycle() {
    runAt("2026-12-03T09:30");
    CycleReport later = runAt("2026-12-03T14:00");
    CycleReport friday = runAt("2026-12-04T09:30");

    assertThat(later.actions(Action.Kind.DEFERRED)).isEmpty();
    assertThat(friday.actions(Action.Kind.DRAFTED)).hasSize(2);
    assertThat(friday.actions(Action.Kind.DEFERRED)).isEmpty();
    assertThat(runAt("2026-12-07T09:30").actions(Action.Kind.DRAFTED)).hasSize(1);
  }

  @Test
  void newMailWakesTheLookAtDueStepsAgain() {
    runAt("2026-12-03T09:30");
    inbound("r3@firm3.example", "2026-12-03T10:00", "buyer3@firm3.example", "Re: Offer 3", "p3@northwind.example",
        "Yes, let us talk.");
    runAt("2026-12-03T10:15");
    counting.reset();

    // A stop from another process (the stop command) counts as a change too.
    Conversation four = store.conversations().stream().filter(c -> c.subject().equals("Offer 4")).findFirst()
        .orElseThrow();
    store.save(four.ended(Conversation.Status.STOPPED, "stopped by you", at("2026-12-03T10:20")));
    runAt("2026-12-03T10:30");

    assertThat(counting.calls("activeConversations")).isEqualTo(1);
    assertThat(store.conversations().stream().filter(Conversation::isActive)).hasSize(3);
  }

  @Test
  void theFirstScanCommitsInBatchesNotOncePerMessage() {
    for (int i = 0; i < 445; i++) {
      outreach("bulk" + i + "@northwind.example", "2026-12-01T10:00", "lead" + i + "@company" + i + ".example",
          "Intro " + i);
    }

    CycleReport first = runAt("2026-12-01T11:00");

    assertThat(first.actions(Action.Kind.TRACKED)).hasSize(450);
    assertThat(store.activeConversations()).hasSize(450);
    assertThat(counting.commits).isLessThan(20);
  }

  @Test
  void aMessageTheRulesCannotCopeWithIsSkippedAloneAndNothingIsReportedTwice() {
    counting.before = (method, args) -> {
      if (method.equals("save") && ((Conversation) args[0]).subject().equals("Offer 3")) {
        throw new IllegalStateException("cannot cope");
      }
    };

    CycleReport first = runAt("2026-11-30T11:00");

    assertThat(first.actions(Action.Kind.TRACKED)).extracting(Action::subject)
        .containsExactly("Offer 1", "Offer 2", "Offer 4", "Offer 5");
    assertThat(first.skippedMessages()).isEqualTo(1);
    assertThat(store.conversations()).extracting(Conversation::subject)
        .containsExactly("Offer 1", "Offer 2", "Offer 4", "Offer 5");
    assertThat(mail.drafts).isEmpty();
    assertThat(store.conversationOfMessage("p3@northwind.example")).isEmpty();
  }
}
