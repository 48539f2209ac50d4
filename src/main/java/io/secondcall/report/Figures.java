package io.secondcall.report;

import java.time.Duration;
import java.util.List;

/**
 * The persistence report: what the user's own history says about following up.
 *
 * @param conversations conversations counted (all but those that turned out not to be outreach)
 * @param answered of which the prospect answered, by mail or by booking a meeting
 * @param byTouch per touch number (1 is the outreach): settled touches with that number, and
 *     answers that came after it
 * @param byWeekday the same per weekday of sending, Monday first, in the user's zone
 * @param byHour the same per hour of sending, 0 to 23, in the user's zone
 * @param medianTimeToAnswer from the touch answered to the answer; null without answers
 * @param outOfOffice conversations that got an out-of-office reply
 * @param bounced conversations that ended in a bounce
 * @param meetings meetings booked, of all conversations
 * @param meetingsAfterFollowUp meetings booked after at least one follow-up, of all meetings
 */
public record Figures(int conversations, int answered, List<Bucket> byTouch, List<Bucket> byWeekday,
    List<Bucket> byHour, Duration medianTimeToAnswer, Share outOfOffice, Share bounced, Share meetings,
    Share meetingsAfterFollowUp) {

  public Figures {
    byTouch = List.copyOf(byTouch);
    byWeekday = List.copyOf(byWeekday);
    byHour = List.copyOf(byHour);
  }

  /** Answers that came after a follow-up (touch 2 or later), of all answers. */
  public Share answersAfterFollowUp() {
    int later = byTouch.stream().skip(1).mapToInt(Bucket::answered).sum();
    return new Share(later, answered);
  }
}
