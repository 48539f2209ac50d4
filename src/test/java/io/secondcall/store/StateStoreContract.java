package io.secondcall.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.StepKind;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.DigestEntry;
import io.secondcall.core.TimeRange;
import io.secondcall.port.MailFolder;
import io.secondcall.port.StaleStateException;
import io.secondcall.port.StateStore;
import io.secondcall.port.StepRecord;
import io.secondcall.port.SyncCursor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link StateStore} does; implemented by one test class per store. */
public interface StateStoreContract {

  Instant T0 = Instant.parse("2026-03-02T09:15:30.123Z");

  /** A fresh, empty store; the test class closes it. */
  StateStore store();

  static Conversation conversation(String id, Instant startedAt) {
    return new Conversation(id, List.of(new EmailAddress("alice@acme.example", "Alice Smith")),
        "Proposal", "<root-" + id + "@mail.example>", null, startedAt, startedAt,
        "<root-" + id + "@mail.example>", List.of(), "Hello Alice", 1, 0, 0, null,
        Conversation.Status.ACTIVE, null, null);
  }

  static StepRecord step(String conversationId, int number, StepRecord.State state, Instant preparedAt) {
    return new StepRecord(conversationId + "." + number, conversationId, number, StepKind.FOLLOW_UP,
        preparedAt.minusSeconds(3600), state, preparedAt, preparedAt);
  }

  static DigestEntry entry(String key, Instant createdAt) {
    return new DigestEntry(key, "c1", "draft", "Drafted step 1 to Alice: " + key, createdAt);
  }

  @Test
  default void savesAndLoadsAConversationWithEveryField() {
    Conversation full = new Conversation("c1",
        List.of(new EmailAddress("jose@empresa.example", "José Müller-Łukasz 山田"),
            EmailAddress.of("second@acme.example")),
        "Angebot für Q3 — «Überblick»", "<root@mail.example>", "thread-1893",
        T0, T0.plusSeconds(86_400), "<last@mail.example>",
        List.of("<root@mail.example>", "<mid@mail.example>"), "Bonjour, voilà le devis 👋\nligne 2",
        3, 2, 5, LocalDate.of(2026, 3, 20), Conversation.Status.REPLIED, "they replied",
        T0.plusSeconds(2 * 86_400)).from(new EmailAddress("dana+work@consult.example", "Dana Berg"));

    Conversation saved = store().save(full);

    assertThat(saved).isEqualTo(full.withVersion(1));
    assertThat(store().conversation("c1")).contains(saved);
  }

  @Test
  default void aCopyReadBeforeAnotherWriteIsNotSavedOverIt() {
    Conversation read = store().save(conversation("c1", T0));
    Conversation stopped = store().save(read.ended(Conversation.Status.STOPPED, "stopped by you", T0.plusSeconds(5)));

    Conversation staleTouch = read.touched(T0.plusSeconds(60), "<2@mail.example>", List.of(), "again", true);

    assertThatThrownBy(() -> store().save(staleTouch)).isInstanceOf(StaleStateException.class);
    assertThat(store().conversation("c1")).contains(stopped);
  }

  @Test
  default void aNewConversationIsNotSavedOverAStoredOneWithTheSameId() {
    Conversation stored = store().save(conversation("c1", T0));

    assertThatThrownBy(() -> store().save(conversation("c1", T0.plusSeconds(9))))
        .isInstanceOf(StaleStateException.class);
    assertThat(store().conversation("c1")).contains(stored);
  }

  @Test
  default void remembersMailingListsOnce() {
    assertThat(store().isMailingList("exmh-users@redhat.example")).isFalse();

    assertThat(store().addMailingList("exmh-users@redhat.example", "List-Id", T0)).isTrue();
    assertThat(store().addMailingList("exmh-users@redhat.example", "Sender", T0)).isFalse();

    assertThat(store().isMailingList("exmh-users@redhat.example")).isTrue();
    assertThat(store().isMailingList("alice@acme.example")).isFalse();
  }

  @Test
  default void savesAndLoadsAConversationWithOptionalFieldsAbsent() {
    Conversation sparse = conversation("c1", T0);

    store().save(sparse);

    Conversation loaded = store().conversation("c1").orElseThrow();
    assertThat(loaded).isEqualTo(sparse.withVersion(1));
    assertThat(loaded.threadId()).isNull();
    assertThat(loaded.pausedUntil()).isNull();
    assertThat(loaded.endedAt()).isNull();
    assertThat(loaded.contact().name()).isEqualTo("Alice Smith");
    assertThat(store().conversation("unknown")).isEmpty();
  }

  @Test
  default void keepsInstantsToTheMillisecond() {
    Instant precise = Instant.parse("2026-03-02T09:15:30.123456789Z");

    store().save(conversation("c1", precise));
    store().saveStep(step("c1", 1, StepRecord.State.DRAFTED, precise));

    Instant millis = Instant.parse("2026-03-02T09:15:30.123Z");
    assertThat(store().conversation("c1").orElseThrow().startedAt()).isEqualTo(millis);
    assertThat(store().step("c1.1").orElseThrow().preparedAt()).isEqualTo(millis);
  }

  @Test
  default void savingTheSameIdReplacesTheConversation() {
    Conversation first = store().save(conversation("c1", T0));

    Conversation touched = first.touched(T0.plusSeconds(60), "<2@mail.example>",
        List.of("<root-c1@mail.example>"), "again", true);
    Conversation saved = store().save(touched);

    assertThat(store().conversations()).containsExactly(saved);
    assertThat(saved.version()).isEqualTo(2);
  }

  @Test
  default void listsConversationsOldestFirstAndActiveOnesWithoutEndedOnes() {
    Conversation newest = conversation("c3", T0.plusSeconds(300));
    Conversation oldest = conversation("c1", T0);
    Conversation ended = conversation("c2", T0.plusSeconds(100))
        .ended(Conversation.Status.BOUNCED, "bounced", T0.plusSeconds(200));
    newest = store().save(newest);
    oldest = store().save(oldest);
    ended = store().save(ended);

    assertThat(store().conversations()).containsExactly(oldest, ended, newest);
    assertThat(store().activeConversations()).containsExactly(oldest, newest);
  }

  @Test
  default void linksAMessageOnceAndTheFirstLinkWins() {
    assertThat(store().conversationOfMessage("<m1@mail.example>")).isEmpty();

    store().linkMessage("<m1@mail.example>", "c1");
    store().linkMessage("<m1@mail.example>", "c1");
    store().linkMessage("<m1@mail.example>", "c2");

    assertThat(store().conversationOfMessage("<m1@mail.example>")).contains("c1");
    assertThat(store().conversationOfMessage("<m2@mail.example>")).isEmpty();
  }

  @Test
  default void cursorsDefaultToNoneAndAreKeptPerFolder() {
    assertThat(store().cursor(MailFolder.SENT)).isEqualTo(SyncCursor.NONE);

    store().saveCursor(MailFolder.SENT, new SyncCursor(1_700_000_000L, 42));
    store().saveCursor(MailFolder.SENT, new SyncCursor(1_700_000_000L, 57));
    store().saveCursor(MailFolder.INBOX, new SyncCursor(9, 3));

    assertThat(store().cursor(MailFolder.SENT)).isEqualTo(new SyncCursor(1_700_000_000L, 57));
    assertThat(store().cursor(MailFolder.INBOX)).isEqualTo(new SyncCursor(9, 3));
    assertThat(store().cursor(MailFolder.DRAFTS)).isEqualTo(SyncCursor.NONE);
  }

  @Test
  default void listsAConversationsStepsByNumber() {
    StepRecord third = step("c1", 3, StepRecord.State.PREPARING, T0.plusSeconds(30));
    StepRecord first = step("c1", 1, StepRecord.State.SENT, T0);
    StepRecord second = step("c1", 2, StepRecord.State.SKIPPED, T0.plusSeconds(20));
    store().saveStep(third);
    store().saveStep(first);
    store().saveStep(step("c2", 1, StepRecord.State.DRAFTED, T0));
    store().saveStep(second);

    assertThat(store().steps("c1")).containsExactly(first, second, third);
    assertThat(store().steps("c9")).isEmpty();
  }

  @Test
  default void savingAStepAgainRecordsItsNewState() {
    StepRecord preparing = step("c1", 1, StepRecord.State.PREPARING, T0);
    store().saveStep(preparing);

    StepRecord drafted = preparing.withState(StepRecord.State.DRAFTED, T0.plusSeconds(5));
    store().saveStep(drafted);

    assertThat(store().step("c1.1")).contains(drafted);
    assertThat(store().stepsIn(StepRecord.State.PREPARING)).isEmpty();
    assertThat(store().stepsIn(StepRecord.State.DRAFTED)).containsExactly(drafted);
  }

  @Test
  default void findsStepsByStateInDueOrder() {
    StepRecord later = step("c1", 1, StepRecord.State.DRAFTED, T0.plusSeconds(600));
    StepRecord sooner = step("c2", 1, StepRecord.State.DRAFTED, T0);
    store().saveStep(later);
    store().saveStep(sooner);
    store().saveStep(step("c3", 1, StepRecord.State.SENT, T0));

    assertThat(store().stepsIn(StepRecord.State.DRAFTED)).containsExactly(sooner, later);
    assertThat(store().stepsIn(StepRecord.State.CANCELLED)).isEmpty();
  }

  @Test
  default void countsPreparedStepsInAHalfOpenRange() {
    Instant dayStart = Instant.parse("2026-03-02T00:00:00Z");
    Instant dayEnd = dayStart.plusSeconds(86_400);
    store().saveStep(step("c1", 1, StepRecord.State.DRAFTED, dayStart));
    store().saveStep(step("c2", 1, StepRecord.State.SENT, dayStart.plusSeconds(3600)));
    store().saveStep(step("c3", 1, StepRecord.State.SKIPPED, dayEnd.minusMillis(1)));
    store().saveStep(step("c4", 1, StepRecord.State.DRAFTED, dayEnd));
    store().saveStep(step("c5", 1, StepRecord.State.DRAFTED, dayStart.minusMillis(1)));

    assertThat(store().countPreparedBetween(dayStart, dayEnd)).isEqualTo(3);
    assertThat(store().countPreparedBetween(dayEnd, dayEnd.plusSeconds(86_400))).isEqualTo(1);
    assertThat(store().countPreparedBetween(dayStart, dayStart)).isZero();
    assertThat(store().countPreparedBetween(Instant.MIN, Instant.MAX)).isEqualTo(5);
  }

  @Test
  default void addsADigestEntryOncePerKeyAndKeepsItPendingUntilDelivered() {
    DigestEntry first = entry("c1.1", T0);
    DigestEntry second = new DigestEntry("login", null, "login", "Login failed once", T0.plusSeconds(1));
    store().addDigestEntry(second);
    store().addDigestEntry(first);
    store().addDigestEntry(new DigestEntry("c1.1", "c1", "draft", "a second text", T0.plusSeconds(9)));

    assertThat(store().pendingDigestEntries()).containsExactly(first, second);

    store().markDigestDelivered(List.of("c1.1"), "digest-1");

    assertThat(store().pendingDigestEntries()).containsExactly(second);
    store().addDigestEntry(first);
    assertThat(store().pendingDigestEntries())
        .as("a delivered entry is not reported again")
        .containsExactly(second);

    store().markDigestDelivered(List.of("login", "unknown-key"), "digest-2");
    assertThat(store().pendingDigestEntries()).isEmpty();
  }

  @Test
  default void findsTheEntriesOfADeliveredDigestToRebuildItAfterACrash() {
    DigestEntry first = entry("c1.1", T0);
    DigestEntry second = entry("c2.1", T0.plusSeconds(1));
    store().addDigestEntry(second);
    store().addDigestEntry(first);
    store().addDigestEntry(entry("c3.1", T0.plusSeconds(2)));

    store().markDigestDelivered(List.of("c1.1", "c2.1"), "digest-1");

    assertThat(store().digestEntries("digest-1")).containsExactly(first, second);
    assertThat(store().digestEntries("digest-2")).isEmpty();
  }

  @Test
  default void keepsCallbacksByConversationAndState() {
    TimeRange monday = new TimeRange(T0.plusSeconds(3600), T0.plusSeconds(4500));
    TimeRange tuesday = new TimeRange(T0.plusSeconds(90_000), T0.plusSeconds(90_900));
    CallbackRecord later = new CallbackRecord("c1.2.call", "c1", "c1.2", tuesday, "+49891234567",
        CallbackRecord.State.BOOKING, T0);
    CallbackRecord first = new CallbackRecord("c1.1.call", "c1", "c1.1", monday, null, CallbackRecord.State.BOOKED, T0);
    store().saveCallback(later);
    store().saveCallback(first);
    store().saveCallback(new CallbackRecord("c2.promise", "c2", null, monday, null, CallbackRecord.State.BOOKED, T0));

    assertThat(store().callbacks("c1")).containsExactly(first, later);
    assertThat(store().callbacksIn(CallbackRecord.State.BOOKING)).containsExactly(later);

    store().saveCallback(later.withState(CallbackRecord.State.BOOKED, T0.plusSeconds(1)));

    assertThat(store().callback("c1.2.call")).map(CallbackRecord::state).contains(CallbackRecord.State.BOOKED);
    assertThat(store().callbacksIn(CallbackRecord.State.BOOKED)).extracting(CallbackRecord::blockId)
        .containsExactly("c1.1.call", "c2.promise", "c1.2.call");
    assertThat(store().callback("missing")).isEmpty();
  }

  @Test
  default void remembersPhoneNumbersLearnedFromMail() {
    assertThat(store().phone("alice@acme.example")).isEmpty();
    store().savePhone("alice@acme.example", "+49891234567");
    store().savePhone("alice@acme.example", "+49891234568");
    assertThat(store().phone("alice@acme.example")).contains("+49891234568");
  }

  @Test
  default void keepsNamedValuesUntilCleared() {
    assertThat(store().meta("digest.inflight")).isEmpty();

    store().setMeta("digest.inflight", "digest-1");
    store().setMeta("digest.inflight", "digest-2");
    assertThat(store().meta("digest.inflight")).contains("digest-2");

    store().setMeta("digest.inflight", null);
    assertThat(store().meta("digest.inflight")).isEmpty();
  }

  @Test
  default void aDiscardedTransactionLeavesNoNamedValue() {
    store().inDiscardedTransaction(() -> store().setMeta("k", "v"));
    assertThat(store().meta("k")).isEmpty();
  }

  @Test
  default void remembersTheFirstScan() {
    assertThat(store().firstScanAt()).isEmpty();

    store().setFirstScanAt(T0);

    assertThat(store().firstScanAt()).contains(T0);
  }

  @Test
  default void aTransactionThatThrowsLeavesNothing() {
    store().save(conversation("c0", T0));
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(() -> store().inTransaction(() -> {
      writeOneOfEverything(store());
      throw boom;
    })).isSameAs(boom);

    assertNothingOfEverything(store());
    assertThat(store().conversations()).extracting(Conversation::id).containsExactly("c0");
  }

  @Test
  default void aTransactionThatCompletesKeepsEverything() {
    store().inTransaction(() -> writeOneOfEverything(store()));

    assertThat(store().conversation("c1")).isPresent();
    assertThat(store().conversationOfMessage("<m1@mail.example>")).contains("c1");
    assertThat(store().step("c1.1")).isPresent();
    assertThat(store().pendingDigestEntries()).hasSize(1);
    assertThat(store().cursor(MailFolder.SENT)).isEqualTo(new SyncCursor(7, 70));
    assertThat(store().firstScanAt()).contains(T0);
  }

  @Test
  default void aNestedTransactionJoinsTheOuterOne() {
    RuntimeException boom = new RuntimeException("outer fails after inner completed");

    assertThatThrownBy(() -> store().inTransaction(() -> {
      store().inTransaction(() -> store().save(conversation("c1", T0)));
      assertThat(store().conversation("c1")).as("visible inside the transaction").isPresent();
      throw boom;
    })).isSameAs(boom);

    assertThat(store().conversation("c1")).as("the inner work rolled back with the outer").isEmpty();

    store().inTransaction(() -> {
      store().inTransaction(() -> store().save(conversation("c2", T0)));
      store().save(conversation("c3", T0));
    });
    assertThat(store().conversations()).extracting(Conversation::id).containsExactly("c2", "c3");
  }

  @Test
  default void aDiscardedTransactionSeesItsWritesThenLeavesNothing() {
    store().save(conversation("c0", T0));

    store().inDiscardedTransaction(() -> {
      writeOneOfEverything(store());
      store().inTransaction(() -> store().save(conversation("c2", T0)));
      assertThat(store().conversations()).hasSize(3);
      assertThat(store().conversationOfMessage("<m1@mail.example>")).contains("c1");
    });

    assertNothingOfEverything(store());
    assertThat(store().conversations()).extracting(Conversation::id).containsExactly("c0");
  }

  @Test
  default void aDiscardedTransactionCannotNestInsideAnother() {
    assertThatThrownBy(() -> store().inTransaction(() -> store().inDiscardedTransaction(() -> { })))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  default void theStoreIsUsableAfterARolledBackTransaction() {
    assertThatThrownBy(() -> store().inTransaction(() -> {
      store().linkMessage("<m1@mail.example>", "c1");
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);

    store().linkMessage("<m1@mail.example>", "c2");
    store().inTransaction(() -> store().save(conversation("c2", T0)));

    assertThat(store().conversationOfMessage("<m1@mail.example>")).contains("c2");
    assertThat(store().conversation("c2")).isPresent();
  }

  private static void writeOneOfEverything(StateStore store) {
    store.save(conversation("c1", T0));
    store.linkMessage("<m1@mail.example>", "c1");
    // Read inside the transaction so a cache in front of the link table is filled too.
    assertThat(store.conversationOfMessage("<m1@mail.example>")).contains("c1");
    store.saveStep(step("c1", 1, StepRecord.State.PREPARING, T0));
    store.addDigestEntry(entry("c1.1", T0));
    store.saveCursor(MailFolder.SENT, new SyncCursor(7, 70));
    store.setFirstScanAt(T0);
  }

  private static void assertNothingOfEverything(StateStore store) {
    assertThat(store.conversation("c1")).isEmpty();
    assertThat(store.conversationOfMessage("<m1@mail.example>")).isEmpty();
    assertThat(store.step("c1.1")).isEmpty();
    assertThat(store.stepsIn(StepRecord.State.PREPARING)).isEmpty();
    assertThat(store.pendingDigestEntries()).isEmpty();
    assertThat(store.cursor(MailFolder.SENT)).isEqualTo(SyncCursor.NONE);
    assertThat(store.firstScanAt()).isEmpty();
  }

  @Test
  default void recordsEachTouchWithItsTimeAsTheConversationIsSaved() {
    Conversation c = store().save(conversation("c1", T0));
    c = store().save(c.touched(T0.plusSeconds(86_400), "<m2@x>", List.of(), "again", true));
    store().save(c.pausedUntil(LocalDate.of(2026, 3, 20)));
    store().save(conversation("c2", T0.plusSeconds(60)));

    assertThat(store().touchTimes("c1")).containsExactly(T0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
        T0.plusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(store().touchTimes("c2")).hasSize(1);
    assertThat(store().touchTimes("nothing")).isEmpty();
  }

  @Test
  default void aTouchOfARolledBackTransactionIsNotRecorded() {
    Conversation c = store().save(conversation("c1", T0));
    Conversation again = c.touched(T0.plusSeconds(3600), "<m2@x>", List.of(), "again", true);
    assertThatThrownBy(() -> store().inTransaction(() -> {
      store().save(again);
      throw new IllegalStateException("crash");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(store().touchTimes("c1")).hasSize(1);
  }

  @Test
  default void remembersAutoRepliesOnceEach() {
    store().addAutoReply("c1", T0.plusSeconds(10));
    store().addAutoReply("c1", T0);
    store().addAutoReply("c1", T0);

    assertThat(store().autoReplies("c1")).containsExactly(T0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
        T0.plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(store().autoReplies("c2")).isEmpty();
  }

  @Test
  default void stepsChangedSinceLeaveOutOlderStepsAndOtherStates() {
    StepRecord old = step("c1", 1, StepRecord.State.SENT, T0);
    StepRecord recent = step("c2", 1, StepRecord.State.SENT, T0.plusSeconds(86_400));
    store().saveStep(old);
    store().saveStep(recent);
    store().saveStep(step("c3", 1, StepRecord.State.DRAFTED, T0.plusSeconds(86_400)));
    // Sent long ago, but marked sent just now: it changed since.
    store().saveStep(step("c4", 1, StepRecord.State.DRAFTED, T0).withState(StepRecord.State.SENT,
        T0.plusSeconds(90_000)));

    assertThat(store().stepsChangedSince(StepRecord.State.SENT, T0.plusSeconds(3600)))
        .extracting(StepRecord::secondcallId).containsExactly("c4.1", "c2.1");
    assertThat(store().stepsChangedSince(StepRecord.State.SENT, T0.minusSeconds(1))).hasSize(3);
  }

  @Test
  default void callbacksFromAnInstantLeaveOutEarlierOnes() {
    TimeRange monday = new TimeRange(T0, T0.plusSeconds(900));
    TimeRange tuesday = new TimeRange(T0.plusSeconds(86_400), T0.plusSeconds(86_400 + 900));
    store().saveCallback(new CallbackRecord("a", "c1", null, monday, null, CallbackRecord.State.BOOKED, T0));
    store().saveCallback(new CallbackRecord("b", "c2", null, tuesday, null, CallbackRecord.State.BOOKED, T0));
    store().saveCallback(new CallbackRecord("c", "c3", null, tuesday, null, CallbackRecord.State.CANCELLED, T0));

    assertThat(store().callbacksIn(CallbackRecord.State.BOOKED, T0.plusSeconds(60)))
        .extracting(CallbackRecord::blockId).containsExactly("b");
    assertThat(store().callbacksIn(CallbackRecord.State.BOOKED, T0))
        .extracting(CallbackRecord::blockId).containsExactly("a", "b");
  }

  @Test
  default void theChangeCountGrowsWithEverySavedConversationOrStepAndNothingElse() {
    long before = store().changes();
    Conversation c = store().save(conversation("c1", T0));
    store().saveStep(step("c1", 1, StepRecord.State.PREPARING, T0));
    long after = store().changes();
    store().setMeta("x", "y");
    store().linkMessage("<m@x>", "c1");
    store().saveCursor(MailFolder.SENT, new SyncCursor(1, 2));
    assertThatThrownBy(() -> store().inTransaction(() -> {
      store().save(c.stepUsed());
      throw new IllegalStateException("crash");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(after).isGreaterThanOrEqualTo(before + 2);
    assertThat(store().changes()).isEqualTo(after);
  }

  @Test
  default void archivingDeletesOldEndedConversationsWithTheirRowsAndKeepsTheirLinks() {
    Instant cutoff = T0.plusSeconds(400 * 86_400L);
    Conversation old = store().save(conversation("old", T0));
    store().save(old.ended(Conversation.Status.REPLIED, "they replied", T0.plusSeconds(86_400)));
    store().linkMessage("<root-old@mail.example>", "old");
    store().saveStep(step("old", 1, StepRecord.State.SENT, T0));
    store().saveCallback(new CallbackRecord("old.1.call", "old", "old.1", new TimeRange(T0, T0.plusSeconds(900)),
        null, CallbackRecord.State.BOOKED, T0));
    store().addAutoReply("old", T0.plusSeconds(60));
    store().addDigestEntry(new DigestEntry("delivered", "old", "draft", "Drafted", T0));
    store().addDigestEntry(new DigestEntry("pending", "old", "ended", "Alice replied", T0.plusSeconds(86_400)));
    store().markDigestDelivered(List.of("delivered"), "digest-1");
    // Started long ago and still going, and ended long ago after a recent touch: both stay.
    store().save(conversation("active", T0));
    Conversation late = store().save(conversation("late", T0));
    late = store().save(late.touched(cutoff.plusSeconds(60), "<late-2@x>", List.of(), "again", true));
    store().save(late.ended(Conversation.Status.EXHAUSTED, "done", T0.plusSeconds(86_400)));

    int archived = store().archiveEndedBefore(cutoff);

    assertThat(archived).isEqualTo(1);
    assertThat(store().conversation("old")).isEmpty();
    assertThat(store().conversations()).extracting(Conversation::id).containsExactly("active", "late");
    assertThat(store().step("old.1")).isEmpty();
    assertThat(store().callback("old.1.call")).isEmpty();
    assertThat(store().touchTimes("old")).isEmpty();
    assertThat(store().autoReplies("old")).isEmpty();
    assertThat(store().digestEntries("digest-1")).isEmpty();
    assertThat(store().pendingDigestEntries()).extracting(DigestEntry::key).containsExactly("pending");
    assertThat(store().conversationOfMessage("<root-old@mail.example>")).contains("old");
    assertThat(store().archiveEndedBefore(cutoff)).isZero();
  }

  @Test
  default void findsConversationsByContactDomainAddressAndThread() {
    Conversation two = new Conversation("c2", List.of(EmailAddress.of("bob@globex.example"),
        EmailAddress.of("carol@acme.example")), "Offer", "<root-c2@x>", "thread-7", T0.plusSeconds(60),
        T0.plusSeconds(60), "<root-c2@x>", List.of(), "Hi", 1, 0, 0, null, Conversation.Status.ACTIVE, null, null);
    store().save(conversation("c1", T0));
    store().save(two);
    Conversation ended = store().save(conversation("c3", T0.plusSeconds(120)));
    store().save(ended.ended(Conversation.Status.REPLIED, "answered", T0.plusSeconds(180)));

    assertThat(store().activeWithDomain("acme.example")).extracting(Conversation::id).containsExactly("c1", "c2");
    assertThat(store().activeWithDomain("globex.example")).extracting(Conversation::id).containsExactly("c2");
    assertThat(store().activeWithDomain("initech.example")).isEmpty();
    assertThat(store().activeInThread("thread-7")).extracting(Conversation::id).containsExactly("c2");
    assertThat(store().activeInThread("thread-8")).isEmpty();
    assertThat(store().conversationsWith(EmailAddress.of("alice@acme.example")))
        .extracting(Conversation::id).containsExactly("c1", "c3");
    assertThat(store().conversationsWith(EmailAddress.of("carol@acme.example")))
        .extracting(Conversation::id).containsExactly("c2");
  }
}
