package io.secondcall.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sequence of one outreach (SPEC sections 4 and 5): which step comes next and when it falls
 * due. Steps 1..n of the cadence are follow-ups, step n+1 is the closing message, and after that,
 * with {@code nurture_days}, nurture steps; never more than {@code max_touches} touches in all.
 *
 * <p>The daily draft cap is the engine's: it counts drafts prepared in {@code [dayStart(now),
 * dayEnd(now))}; a step that does not fit stays due and is prepared in a later cycle, on the next
 * business day at the earliest ({@link #nextBusinessMorning}).
 */
public final class FollowUpPolicy {

  private final FollowUpRules rules;
  private final BusinessCalendar calendar;

  public FollowUpPolicy(FollowUpRules rules, BusinessCalendar calendar) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /**
   * The next step to prepare for {@code c}, or empty when there is none now: the conversation
   * ended, a draft of an earlier step still waits for the user, or the sequence is exhausted.
   */
  public Optional<PlannedStep> next(Conversation c, boolean draftPending) {
    if (!c.isActive() || draftPending || exhausted(c)) {
      return Optional.empty();
    }
    int n = c.stepsDone() + 1;
    List<Integer> cadence = rules.cadence();
    StepKind kind;
    Instant due;
    if (n <= cadence.size()) {
      kind = StepKind.FOLLOW_UP;
      int days = n == 1 && c.firstStepDays() > 0 ? c.firstStepDays() : cadence.get(n - 1);
      due = calendar.dueAfter(c.lastTouchAt(), days);
    } else if (n == cadence.size() + 1) {
      kind = StepKind.CLOSING;
      due = calendar.dueAfter(c.lastTouchAt(), cadence.get(cadence.size() - 1));
    } else {
      kind = StepKind.NURTURE;
      LocalDate day = calendar.localDate(c.lastTouchAt()).plusDays(rules.nurtureDays());
      due = calendar.startOfWork(calendar.businessDayOnOrAfter(day));
    }
    if (c.pausedUntil() != null) {
      Instant resume = calendar.startOfWork(calendar.nextBusinessDay(c.pausedUntil()));
      if (resume.isAfter(due)) {
        due = resume;
      }
    }
    return Optional.of(new PlannedStep(c.id(), n, kind, due));
  }

  /**
   * Whether no further step will ever come: the next one would exceed {@code max_touches}
   * (counting the outreach as touch 1 and each step as one more, whether or not the user sent
   * it, so that deleted drafts cannot make the sequence run forever), or the closing step is done
   * and there is no nurturing.
   */
  public boolean exhausted(Conversation c) {
    int n = c.stepsDone() + 1;
    if (c.touches() + 1 > rules.maxTouches() || n + 1 > rules.maxTouches()) {
      return true;
    }
    return n > rules.cadence().size() + 1 && rules.nurtureDays() == 0;
  }

  /** Local midnight that starts the day of {@code now} in the user's zone. */
  public Instant dayStart(Instant now) {
    return calendar.localDate(now).atStartOfDay(calendar.zone()).toInstant();
  }

  /** Local midnight that ends the day of {@code now} (exclusive), 23 or 25 hours away on DST days. */
  public Instant dayEnd(Instant now) {
    return calendar.localDate(now).plusDays(1).atStartOfDay(calendar.zone()).toInstant();
  }

  /** Start of work on the next business day after {@code now}: when drafts over today's cap are prepared. */
  public Instant nextBusinessMorning(Instant now) {
    return calendar.startOfWork(calendar.nextBusinessDay(calendar.localDate(now)));
  }
}
