package io.secondcall.core;

import static io.secondcall.core.Fixtures.BERLIN;
import static io.secondcall.core.Fixtures.GERMAN_HOLIDAYS;
import static io.secondcall.core.Fixtures.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpPolicyTest {

  /** Monday, 30 November 2026, 10:00 in Berlin. */
  private static final Instant OUTREACH = berlin("2026-11-30T10:00");

  private final BusinessCalendar calendar = new BusinessCalendar(BERLIN, WorkingHours.DEFAULT, GERMAN_HOLIDAYS);
  private final FollowUpPolicy policy = new FollowUpPolicy(FollowUpRules.defaults(), calendar);

  private static Conversation afterOutreach() {
    return Fixtures.conversation(OUTREACH, 1, 0);
  }

  /** The user sent the draft of the next step at {@code at}. */
  private static Conversation sentStep(Conversation c, Instant at) {
    return c.stepUsed().touched(at, "s" + c.stepsDone() + "@consult.example", List.of(), "", false);
  }

  @Test
  void cadenceThreeFiveSevenThenClosingFromAMondayOutreach() {
    Conversation c = afterOutreach();
    PlannedStep step1 = policy.next(c, false).orElseThrow();
    assertThat(step1).isEqualTo(new PlannedStep("c1", 1, StepKind.FOLLOW_UP, berlin("2026-12-03T09:00")));

    c = sentStep(c, berlin("2026-12-03T10:00"));
    PlannedStep step2 = policy.next(c, false).orElseThrow();
    assertThat(step2).isEqualTo(new PlannedStep("c1", 2, StepKind.FOLLOW_UP, berlin("2026-12-10T09:00")));

    c = sentStep(c, berlin("2026-12-10T10:00"));
    PlannedStep step3 = policy.next(c, false).orElseThrow();
    assertThat(step3).isEqualTo(new PlannedStep("c1", 3, StepKind.FOLLOW_UP, berlin("2026-12-21T09:00")));

    // Closing: 7 business days after Mon 21 Dec, skipping 25 Dec and the weekend.
    c = sentStep(c, berlin("2026-12-21T10:00"));
    PlannedStep closing = policy.next(c, false).orElseThrow();
    assertThat(closing).isEqualTo(new PlannedStep("c1", 4, StepKind.CLOSING, berlin("2026-12-31T09:00")));

    c = sentStep(c, berlin("2026-12-31T10:00"));
    assertThat(policy.next(c, false)).isEmpty();
    assertThat(policy.exhausted(c)).isTrue();
  }

  @Test
  void aSkippedDraftMovesToTheNextStepCountedFromTheLastTouch() {
    Conversation skipped = afterOutreach().stepUsed();
    assertThat(policy.next(skipped, false).orElseThrow())
        .isEqualTo(new PlannedStep("c1", 2, StepKind.FOLLOW_UP, berlin("2026-12-07T09:00")));
  }

  @Test
  void aTaggedFirstStepOverridesTheFirstCadenceDay() {
    Conversation tagged = new Conversation("c1", List.of(EmailAddress.of("alice@acme.example")), "Proposal", "m1",
        null, OUTREACH, OUTREACH, "m1", List.of(), "", 1, 0, 5, null, Conversation.Status.ACTIVE, null, null);
    assertThat(policy.next(tagged, false).orElseThrow().dueAt()).isEqualTo(berlin("2026-12-07T09:00"));
    Conversation second = sentStep(tagged, berlin("2026-12-07T10:00"));
    assertThat(policy.next(second, false).orElseThrow().dueAt()).isEqualTo(berlin("2026-12-14T09:00"));
  }

  @Test
  void nothingWhileADraftIsPendingOrAfterTheConversationEnded() {
    assertThat(policy.next(afterOutreach(), true)).isEmpty();
    Conversation replied = afterOutreach().ended(Conversation.Status.REPLIED, "reply", OUTREACH.plusSeconds(60));
    assertThat(policy.next(replied, false)).isEmpty();
  }

  @Test
  void nurtureStepsFollowTheClosingUpToMaxTouches() {
    FollowUpPolicy nurturing = new FollowUpPolicy(FollowUpRules.defaults().withNurture(30, 7), calendar);
    Conversation c = afterOutreach();
    for (int i = 0; i < 4; i++) {
      c = sentStep(c, berlin("2026-12-31T10:00"));
    }
    assertThat(c.touches()).isEqualTo(5);
    // 30 days after Thu 31 Dec is Sat 30 Jan: moved to Monday.
    assertThat(nurturing.next(c, false).orElseThrow())
        .isEqualTo(new PlannedStep("c1", 5, StepKind.NURTURE, berlin("2027-02-01T09:00")));

    c = sentStep(c, berlin("2027-02-01T11:00"));
    assertThat(nurturing.next(c, false).orElseThrow())
        .isEqualTo(new PlannedStep("c1", 6, StepKind.NURTURE, berlin("2027-03-03T09:00")));

    c = sentStep(c, berlin("2027-03-03T11:00"));
    assertThat(c.touches()).isEqualTo(7);
    assertThat(nurturing.next(c, false)).isEmpty();
    assertThat(nurturing.exhausted(c)).isTrue();
  }

  @Test
  void skippedNurtureDraftsCannotRunForever() {
    FollowUpPolicy nurturing = new FollowUpPolicy(FollowUpRules.defaults().withNurture(30, 7), calendar);
    Conversation c = afterOutreach();
    for (int i = 0; i < 6; i++) {
      c = c.stepUsed();
    }
    assertThat(c.touches()).isEqualTo(1);
    assertThat(nurturing.exhausted(c)).isTrue();
  }

  @Test
  void maxTouchesCutsTheCadenceShort() {
    FollowUpPolicy three = new FollowUpPolicy(FollowUpRules.defaults().withNurture(0, 3), calendar);
    Conversation c = afterOutreach();
    assertThat(three.next(c, false)).isPresent();
    c = sentStep(c, berlin("2026-12-03T10:00"));
    assertThat(three.next(c, false)).isPresent();
    c = sentStep(c, berlin("2026-12-10T10:00"));
    assertThat(three.next(c, false)).isEmpty();
    assertThat(three.exhausted(c)).isTrue();
  }

  @Test
  void touchesOutsideTheSequenceCountTowardsMaxTouches() {
    Conversation c = afterOutreach();
    for (int i = 0; i < 6; i++) {
      c = c.touched(berlin("2026-12-01T10:00"), "x" + i, List.of(), "", false);
    }
    assertThat(c.touches()).isEqualTo(7);
    assertThat(policy.next(c, false)).isEmpty();
  }

  @Test
  void anAutoReplyPausesUntilTheReturnDate() {
    // Step 1 would be due Thu 3 Dec; the contact is back on Sat 5 Dec: Monday morning then.
    Conversation paused = afterOutreach().pausedUntil(LocalDate.of(2026, 12, 5));
    assertThat(policy.next(paused, false).orElseThrow().dueAt()).isEqualTo(berlin("2026-12-07T09:00"));
    Conversation pausedOverChristmas = afterOutreach().pausedUntil(LocalDate.of(2026, 12, 25));
    assertThat(policy.next(pausedOverChristmas, false).orElseThrow().dueAt()).isEqualTo(berlin("2026-12-28T09:00"));
  }

  @Test
  void theStepComesTheBusinessDayAfterTheContactIsBackNotOnTheDayItself() {
    // SPEC 4: "moved to the first business day after it": back on Tue 8 Dec gives Wed 9 Dec.
    Conversation paused = afterOutreach().pausedUntil(LocalDate.of(2026, 12, 8));
    assertThat(policy.next(paused, false).orElseThrow().dueAt()).isEqualTo(berlin("2026-12-09T09:00"));
  }

  @Test
  void aReturnDateBeforeTheDueDayChangesNothing() {
    Conversation paused = afterOutreach().pausedUntil(LocalDate.of(2026, 12, 2));
    assertThat(policy.next(paused, false).orElseThrow().dueAt()).isEqualTo(berlin("2026-12-03T09:00"));
  }

  @Test
  void dayBoundsAreLocalMidnights() {
    Instant lateEvening = berlin("2026-12-03T23:30");
    assertThat(policy.dayStart(lateEvening)).isEqualTo(berlin("2026-12-03T00:00"));
    assertThat(policy.dayEnd(lateEvening)).isEqualTo(berlin("2026-12-04T00:00"));
    Instant afterMidnight = berlin("2026-12-04T00:30");
    assertThat(policy.dayStart(afterMidnight)).isEqualTo(Instant.parse("2026-12-03T23:00:00Z"));
  }

  @Test
  void theDayDstEndsHasTwentyFiveHours() {
    Instant noon = Instant.parse("2026-10-25T11:00:00Z");
    assertThat(policy.dayStart(noon)).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
    assertThat(policy.dayEnd(noon)).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
  }

  @Test
  void draftsOverTheDailyCapWaitForTheNextBusinessMorning() {
    assertThat(policy.nextBusinessMorning(berlin("2026-12-04T11:00"))).isEqualTo(berlin("2026-12-07T09:00"));
    assertThat(policy.nextBusinessMorning(berlin("2026-12-24T11:00"))).isEqualTo(berlin("2026-12-28T09:00"));
  }
}
