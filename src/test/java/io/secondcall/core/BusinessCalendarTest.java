package io.secondcall.core;

import static io.secondcall.core.Fixtures.BERLIN;
import static io.secondcall.core.Fixtures.GERMAN_HOLIDAYS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {

  private final BusinessCalendar berlin = new BusinessCalendar(BERLIN, WorkingHours.DEFAULT, GERMAN_HOLIDAYS);

  @Test
  void weekendsAndHolidaysAreNoBusinessDays() {
    assertThat(berlin.isBusinessDay(LocalDate.of(2026, 12, 4))).isTrue();
    assertThat(berlin.isBusinessDay(LocalDate.of(2026, 12, 5))).isFalse();
    assertThat(berlin.isBusinessDay(LocalDate.of(2026, 12, 6))).isFalse();
    assertThat(berlin.isBusinessDay(LocalDate.of(2026, 12, 25))).isFalse();
    assertThat(new BusinessCalendar(BERLIN, WorkingHours.DEFAULT, Holidays.none())
        .isBusinessDay(LocalDate.of(2026, 12, 25))).isTrue();
  }

  @Test
  void christmasAndNewYearAreSkipped() {
    assertThat(berlin.plusBusinessDays(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(berlin.plusBusinessDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(berlin.plusBusinessDays(LocalDate.of(2026, 12, 23), 3)).isEqualTo(LocalDate.of(2026, 12, 29));
  }

  @Test
  void dueAfterSkipsTheWeekendAndStartsAtNine() {
    Instant fridayAfternoon = Fixtures.berlin("2026-12-04T15:00");
    assertThat(berlin.dueAfter(fridayAfternoon, 1)).isEqualTo(Fixtures.berlin("2026-12-07T09:00"));
    assertThat(berlin.dueAfter(fridayAfternoon, 3)).isEqualTo(Fixtures.berlin("2026-12-09T09:00"));
  }

  @Test
  void dueAfterATouchOnSaturdayCountsFromTheWeekend() {
    assertThat(berlin.dueAfter(Fixtures.berlin("2026-12-05T11:00"), 1)).isEqualTo(Fixtures.berlin("2026-12-07T09:00"));
  }

  @ParameterizedTest(name = "{0}: touch {1}, +{2} -> {3}")
  @CsvSource({
      // DST ends in Berlin on Sun 2026-10-25: 09:00 is 07:00Z before, 08:00Z after.
      "Europe/Berlin,      2026-10-23T10:00:00Z, 1, 2026-10-26T08:00:00Z",
      // DST starts in Berlin on Sun 2027-03-28: 09:00 CEST is 07:00Z.
      "Europe/Berlin,      2027-03-26T10:00:00Z, 1, 2027-03-29T07:00:00Z",
      // US DST ends on Sun 2026-11-01: 09:00 EST is 14:00Z.
      "America/New_York,   2026-10-30T15:00:00Z, 1, 2026-11-02T14:00:00Z",
      "America/New_York,   2026-10-28T15:00:00Z, 1, 2026-10-29T13:00:00Z",
      // Half-hour offsets: India +05:30 all year.
      "Asia/Kolkata,       2026-12-04T06:00:00Z, 1, 2026-12-07T03:30:00Z",
      // Adelaide: +09:30 in winter, +10:30 after DST starts on Sun 2026-10-04.
      "Australia/Adelaide, 2026-06-05T02:00:00Z, 1, 2026-06-07T23:30:00Z",
      "Australia/Adelaide, 2026-10-02T02:00:00Z, 1, 2026-10-04T22:30:00Z",
  })
  void dueTimeStaysAtNineLocalAcrossDstAndOffsets(String zone, Instant touch, int days, Instant expected) {
    BusinessCalendar calendar = new BusinessCalendar(ZoneId.of(zone), WorkingHours.DEFAULT, Holidays.none());
    Instant due = calendar.dueAfter(touch, days);
    assertThat(due).isEqualTo(expected);
    assertThat(due.atZone(ZoneId.of(zone)).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
  }

  @Test
  void startOfWorkInsideTheDstGapMovesForward() {
    BusinessCalendar early = new BusinessCalendar(BERLIN, WorkingHours.parse("02:30-10:00"), Holidays.none());
    // 02:30 does not exist on 2027-03-28 in Berlin; the clocks jump to 03:30 CEST (01:30Z).
    assertThat(early.startOfWork(LocalDate.of(2027, 3, 28))).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
  }

  @Test
  void nextWorkingMoment() {
    assertThat(berlin.nextWorkingMoment(Fixtures.berlin("2026-12-01T07:00"))).isEqualTo(Fixtures.berlin("2026-12-01T09:00"));
    assertThat(berlin.nextWorkingMoment(Fixtures.berlin("2026-12-01T10:15"))).isEqualTo(Fixtures.berlin("2026-12-01T10:15"));
    assertThat(berlin.nextWorkingMoment(Fixtures.berlin("2026-12-01T17:00"))).isEqualTo(Fixtures.berlin("2026-12-02T09:00"));
    assertThat(berlin.nextWorkingMoment(Fixtures.berlin("2026-12-05T10:00"))).isEqualTo(Fixtures.berlin("2026-12-07T09:00"));
    assertThat(berlin.nextWorkingMoment(Fixtures.berlin("2026-12-24T18:00"))).isEqualTo(Fixtures.berlin("2026-12-28T09:00"));
  }

  /** Working hours 09:00-17:00: the afternoon starts at 13:00. */
  @ParameterizedTest(name = "prepared {0} -> call from {1}")
  @CsvSource({
      "2026-12-03T09:30, 2026-12-03T13:00",
      "2026-12-03T07:00, 2026-12-03T13:00",
      "2026-12-03T12:59, 2026-12-03T13:00",
      "2026-12-03T13:00, 2026-12-04T09:00",
      "2026-12-03T16:24, 2026-12-04T09:00",
      "2026-12-04T18:00, 2026-12-07T09:00",
      "2026-12-05T10:00, 2026-12-07T09:00",
      // Friday 25 December is a holiday, then the weekend.
      "2026-12-24T14:00, 2026-12-28T09:00",
  })
  void theNextWorkingHalfDayComesAfterTheDraftCouldBeSent(String prepared, String expected) {
    BusinessCalendar calendar = new BusinessCalendar(BERLIN, WorkingHours.DEFAULT, GERMAN_HOLIDAYS);
    assertThat(calendar.nextHalfDay(Fixtures.berlin(prepared))).isEqualTo(Fixtures.berlin(expected));
  }
}
