package io.secondcall.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every figure of the report on a hand-made history of eight conversations in Munich, March and
 * April 2026 (CET, then CEST from 29 March), read on 1 June.
 */
class PersistenceTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  static History history(String id, Conversation.Status status, String endedAt, List<String> autoReplies,
      String... touches) {
    List<Instant> times = Arrays.stream(touches).map(Instant::parse).toList();
    Instant ended = endedAt == null ? null : Instant.parse(endedAt);
    Conversation c = new Conversation(id, List.of(EmailAddress.of(id + "@acme.example")), "Offer " + id,
        "<" + id + "@mail.example>", null, times.get(0), times.get(times.size() - 1), "<" + id + "@mail.example>",
        List.of(), "", times.size(), times.size() - 1, 0, null, status,
        status.isEnded() ? "why" : null, ended);
    return new History(c, times, autoReplies.stream().map(Instant::parse).toList());
  }

  /** A: answered after the first follow-up, 6 h later. B: after the outreach, 24 h. E: a meeting after touch 3, 26 h. */
  static final List<History> HISTORY = List.of(
      history("a", Conversation.Status.REPLIED, "2026-03-05T15:00:00Z", List.of(),
          "2026-03-02T08:00:00Z", "2026-03-05T09:00:00Z"),
      history("b", Conversation.Status.REPLIED, "2026-03-04T08:30:00Z", List.of(),
          "2026-03-03T08:30:00Z"),
      history("c", Conversation.Status.EXHAUSTED, "2026-03-20T08:00:00Z", List.of("2026-03-05T09:01:00Z"),
          "2026-03-02T08:00:00Z", "2026-03-05T08:00:00Z", "2026-03-10T08:00:00Z"),
      history("d", Conversation.Status.BOUNCED, "2026-03-04T13:05:00Z", List.of(),
          "2026-03-04T13:00:00Z"),
      history("e", Conversation.Status.MEETING_BOOKED, "2026-03-18T10:00:00Z", List.of(),
          "2026-03-09T08:00:00Z", "2026-03-12T08:00:00Z", "2026-03-17T08:00:00Z"),
      // Sent two days ago: not settled, in no rate yet.
      history("f", Conversation.Status.ACTIVE, null, List.of(), "2026-05-30T10:00:00Z"),
      // Waiting for two months: settled, unanswered; out of office once.
      history("g", Conversation.Status.ACTIVE, null, List.of("2026-04-01T07:05:00Z"), "2026-04-01T07:00:00Z"),
      // Turned out to be a mailing list: not outreach, not counted at all.
      history("h", Conversation.Status.IGNORED, "2026-03-03T08:00:00Z", List.of(), "2026-03-02T08:00:00Z"));

  final Figures figures = new Persistence(ZONE, Clock.fixed(NOW, ZoneOffset.UTC)).figures(HISTORY);

  @Test
  void countsConversationsAndAnswersWithoutThoseThatWereNotOutreach() {
    assertThat(figures.conversations()).isEqualTo(7);
    assertThat(figures.answered()).isEqualTo(3);
  }

  @Test
  void answersByTouchNumberAndTheRateOfEachStep() {
    assertThat(figures.byTouch()).containsExactly(
        new Bucket("1", 6, 1), new Bucket("2", 3, 1), new Bucket("3", 2, 1));
    assertThat(figures.byTouch().get(1).ratePercent()).isEqualTo(100.0 / 3);
    assertThat(figures.answersAfterFollowUp()).isEqualTo(new Share(2, 3));
  }

  @Test
  void answerRateByWeekdayOfSendingInTheUsersZone() {
    assertThat(figures.byWeekday()).containsExactly(
        new Bucket("Mon", 3, 0), new Bucket("Tue", 3, 2), new Bucket("Wed", 2, 0), new Bucket("Thu", 3, 1),
        new Bucket("Fri", 0, 0), new Bucket("Sat", 0, 0), new Bucket("Sun", 0, 0));
  }

  @Test
  void answerRateByHourOfSendingInTheUsersZoneAcrossTheClockChange() {
    assertThat(figures.byHour()).hasSize(24);
    assertThat(figures.byHour().get(9)).isEqualTo(new Bucket("09", 9, 2));
    assertThat(figures.byHour().get(10)).isEqualTo(new Bucket("10", 1, 1));
    assertThat(figures.byHour().get(14)).isEqualTo(new Bucket("14", 1, 0));
    assertThat(figures.byHour().stream().mapToInt(Bucket::sent).sum()).isEqualTo(11);
  }

  @Test
  void medianTimeFromTheTouchAnsweredToTheAnswer() {
    assertThat(figures.medianTimeToAnswer()).isEqualTo(Duration.ofHours(24));
    assertThat(Persistence.median(List.of(Duration.ofHours(1), Duration.ofHours(4)))).isEqualTo(Duration.ofMinutes(150));
    assertThat(Persistence.median(List.of())).isNull();
  }

  @Test
  void outOfOfficeAndBounceRates() {
    assertThat(figures.outOfOffice()).isEqualTo(new Share(2, 7));
    assertThat(figures.bounced()).isEqualTo(new Share(1, 7));
  }

  @Test
  void meetingsBookedAndThoseAfterAFollowUp() {
    assertThat(figures.meetings()).isEqualTo(new Share(1, 7));
    assertThat(figures.meetingsAfterFollowUp()).isEqualTo(new Share(1, 1));
  }

  @Test
  void aTouchWaitsTwoWeeksBeforeItCountsAsUnanswered() {
    History recent = history("x", Conversation.Status.ACTIVE, null, List.of(), "2026-05-20T08:00:00Z");
    Persistence early = new Persistence(ZONE, Clock.fixed(Instant.parse("2026-06-03T07:59:59Z"), ZoneOffset.UTC));
    Persistence late = new Persistence(ZONE, Clock.fixed(Instant.parse("2026-06-03T08:00:00Z"), ZoneOffset.UTC));

    assertThat(early.figures(List.of(recent)).byTouch()).containsExactly(new Bucket("1", 0, 0));
    assertThat(late.figures(List.of(recent)).byTouch()).containsExactly(new Bucket("1", 1, 0));
  }

  @Test
  void anEmptyHistoryHasNoFigures() {
    Figures none = new Persistence(ZONE, Clock.fixed(NOW, ZoneOffset.UTC)).figures(List.of());

    assertThat(none.conversations()).isZero();
    assertThat(none.byTouch()).isEmpty();
    assertThat(none.medianTimeToAnswer()).isNull();
    assertThat(none.bounced().percent()).isZero();
  }
}
