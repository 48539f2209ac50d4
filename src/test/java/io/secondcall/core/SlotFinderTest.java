package io.secondcall.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotFinderTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Duration QUARTER = Duration.ofMinutes(15);
  private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25));

  private static SlotFinder finder(ZoneId zone) {
    return new SlotFinder(new BusinessCalendar(zone, WorkingHours.DEFAULT, HOLIDAYS::contains));
  }

  private static Instant at(ZoneId zone, String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
  }

  private static Instant berlin(String localDateTime) {
    return at(BERLIN, localDateTime);
  }

  private static TimeRange range(String from, String to) {
    return new TimeRange(berlin(from), berlin(to));
  }

  private static Optional<TimeRange> findBerlin(String notBefore, List<TimeRange> busy, List<TimeRange> booked) {
    return finder(BERLIN).find(berlin(notBefore), QUARTER, busy, booked, 3, 10);
  }

  private static TimeRange slot(String from) {
    return new TimeRange(berlin(from), berlin(from).plus(QUARTER));
  }

  @ParameterizedTest(name = "{0}: asked {1} -> {2}")
  @CsvSource({
      // Sunday of the DST end in Berlin: Monday 09:00 CET is 08:00Z.
      "Europe/Berlin,      2026-10-25T06:00:00Z, 2026-10-26T08:00:00Z",
      // Friday before, still CEST: 08:00 local asked, 09:00 CEST is 07:00Z.
      "Europe/Berlin,      2026-10-23T06:00:00Z, 2026-10-23T07:00:00Z",
      // Sunday of the DST start in Berlin: Monday 09:00 CEST is 07:00Z.
      "Europe/Berlin,      2027-03-28T07:00:00Z, 2027-03-29T07:00:00Z",
      "America/New_York,   2026-11-01T12:00:00Z, 2026-11-02T14:00:00Z",
      "America/New_York,   2027-03-14T12:00:00Z, 2027-03-15T13:00:00Z",
      // India +05:30: 08:00 asked on Monday 7 December.
      "Asia/Kolkata,       2026-12-07T02:30:00Z, 2026-12-07T03:30:00Z",
      // Adelaide +10:30 right after DST began on Sunday 2026-10-04, +09:30 after it ended on 2027-04-04.
      "Australia/Adelaide, 2026-10-04T21:30:00Z, 2026-10-04T22:30:00Z",
      "Australia/Adelaide, 2027-04-04T22:30:00Z, 2027-04-04T23:30:00Z",
      // Nepal +05:45.
      "Asia/Kathmandu,     2026-12-07T02:15:00Z, 2026-12-07T03:15:00Z",
  })
  void aBlockAskedForBeforeWorkStartsAtNineLocal(String zone, Instant asked, Instant expected) {
    ZoneId z = ZoneId.of(zone);
    TimeRange slot = finder(z).find(asked, QUARTER, List.of(), List.of(), 3, 10).orElseThrow();
    assertThat(slot.start()).isEqualTo(expected);
    assertThat(slot.start().atZone(z).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(slot.end()).isEqualTo(expected.plus(QUARTER));
  }

  @ParameterizedTest(name = "{0}: Friday {1} 16:50 -> Monday {2} 09:00")
  @CsvSource({
      "Europe/Berlin,      2026-10-23, 2026-10-26",
      "Europe/Berlin,      2027-03-26, 2027-03-29",
      "America/New_York,   2026-10-30, 2026-11-02",
      "America/New_York,   2027-03-12, 2027-03-15",
      "Asia/Kolkata,       2026-12-04, 2026-12-07",
      "Australia/Adelaide, 2026-10-02, 2026-10-05",
      "Australia/Adelaide, 2027-04-02, 2027-04-05",
      "Asia/Kathmandu,     2026-12-04, 2026-12-07",
  })
  void aBlockThatWouldEndAfterFiveGoesToTheNextBusinessMorning(String zone, LocalDate friday, LocalDate monday) {
    ZoneId z = ZoneId.of(zone);
    TimeRange slot = finder(z).find(ZonedDateTime.of(friday, LocalTime.of(16, 50), z).toInstant(), QUARTER,
        List.of(), List.of(), 3, 10).orElseThrow();
    assertThat(slot.start()).isEqualTo(ZonedDateTime.of(monday, LocalTime.of(9, 0), z).toInstant());
  }

  @Test
  void aBlockMayEndExactlyAtFive() {
    assertThat(findBerlin("2026-12-01T16:45", List.of(), List.of())).contains(slot("2026-12-01T16:45"));
    assertThat(findBerlin("2026-12-01T16:46", List.of(), List.of())).contains(slot("2026-12-02T09:00"));
  }

  @Test
  void startsLieOnTheFiveMinuteLocalGrid() {
    assertThat(findBerlin("2026-12-01T10:02", List.of(), List.of())).contains(slot("2026-12-01T10:05"));
    assertThat(finder(BERLIN).find(berlin("2026-12-01T10:05").plusSeconds(1), QUARTER, List.of(), List.of(), 3, 10))
        .contains(slot("2026-12-01T10:10"));
    ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
    TimeRange nepal = finder(kathmandu).find(at(kathmandu, "2026-12-01T10:02"), QUARTER, List.of(), List.of(), 3, 10)
        .orElseThrow();
    assertThat(nepal.start()).isEqualTo(at(kathmandu, "2026-12-01T10:05"));
  }

  @Test
  void weekendsAndHolidaysAreSkipped() {
    // Wed 23 Dec after work; 24 and 25 Dec are holidays in the fake calendar, then the weekend.
    assertThat(findBerlin("2026-12-23T17:30", List.of(), List.of())).contains(slot("2026-12-28T09:00"));
    assertThat(findBerlin("2026-12-26T09:00", List.of(), List.of())).contains(slot("2026-12-28T09:00"));
  }

  @Test
  void busyMeetingsAreAvoided() {
    List<TimeRange> busy = List.of(range("2026-12-01T09:00", "2026-12-01T10:00"), range("2026-12-01T10:00", "2026-12-01T10:30"),
        range("2026-12-01T10:40", "2026-12-01T11:00"));
    // 10:30-10:45 would run into the 10:40 meeting.
    assertThat(findBerlin("2026-12-01T08:00", busy, List.of())).contains(slot("2026-12-01T11:00"));
  }

  @Test
  void aBlockMayStartRightWhenAMeetingEndsOffTheGrid() {
    List<TimeRange> busy = List.of(range("2026-12-01T09:00", "2026-12-01T10:07"));
    assertThat(findBerlin("2026-12-01T08:00", busy, List.of())).contains(slot("2026-12-01T10:07"));
  }

  @Test
  void aMeetingStartingSoonPushesTheBlockPastIt() {
    List<TimeRange> busy = List.of(range("2026-12-01T09:10", "2026-12-01T09:30"));
    assertThat(findBerlin("2026-12-01T09:00", busy, List.of())).contains(slot("2026-12-01T09:30"));
  }

  @Test
  void aFullyBusyDayIsSkipped() {
    List<TimeRange> busy = List.of(range("2026-12-01T08:00", "2026-12-01T18:00"));
    assertThat(findBerlin("2026-12-01T08:00", busy, List.of())).contains(slot("2026-12-02T09:00"));
  }

  @Test
  void aLongMeetingLeavingTooLittleTimeSkipsTheDay() {
    List<TimeRange> busy = List.of(range("2026-12-01T09:00", "2026-12-01T16:50"));
    assertThat(findBerlin("2026-12-01T08:00", busy, List.of())).contains(slot("2026-12-02T09:00"));
  }

  @Test
  void theFourthBlockOfADayMovesToTheNextBusinessDay() {
    List<TimeRange> booked = List.of(slot("2026-12-04T09:00"), slot("2026-12-04T09:15"), slot("2026-12-04T09:30"));
    // Friday is full: Monday.
    assertThat(findBerlin("2026-12-04T08:00", List.of(), booked)).contains(slot("2026-12-07T09:00"));
    assertThat(finder(BERLIN).find(berlin("2026-12-04T08:00"), QUARTER, List.of(), booked, 4, 10))
        .contains(slot("2026-12-04T09:45"));
  }

  @Test
  void blocksOfOneDayGoBackToBack() {
    List<TimeRange> booked = List.of(slot("2026-12-01T11:00"), slot("2026-12-01T14:00"));
    // Right after the last block of the day, although 09:00 is free.
    assertThat(findBerlin("2026-12-01T08:00", List.of(), booked)).contains(slot("2026-12-01T14:15"));
  }

  @Test
  void backToBackAfterABlockEndingOffTheGrid() {
    TimeRange odd = new TimeRange(berlin("2026-12-01T11:00"), berlin("2026-12-01T11:12"));
    assertThat(findBerlin("2026-12-01T08:00", List.of(), List.of(odd))).contains(slot("2026-12-01T11:12"));
  }

  @Test
  void whenTheTimeAfterTheLastBlockIsTakenTheSlotBeforeTheFirstIsTried() {
    List<TimeRange> booked = List.of(slot("2026-12-01T11:00"));
    List<TimeRange> busy = List.of(range("2026-12-01T11:15", "2026-12-01T12:00"));
    assertThat(findBerlin("2026-12-01T08:00", busy, booked)).contains(slot("2026-12-01T10:45"));
    // The last block ends at five: nothing fits after it.
    assertThat(findBerlin("2026-12-01T08:00", List.of(), List.of(slot("2026-12-01T16:45"))))
        .contains(slot("2026-12-01T16:30"));
  }

  @Test
  void whenNeitherNeighbourIsFreeTheDayIsScannedFromTheStart() {
    List<TimeRange> booked = List.of(slot("2026-12-01T11:00"));
    List<TimeRange> busy = List.of(range("2026-12-01T10:00", "2026-12-01T11:00"), range("2026-12-01T11:15", "2026-12-01T12:00"));
    assertThat(findBerlin("2026-12-01T08:00", busy, booked)).contains(slot("2026-12-01T09:00"));
  }

  @Test
  void backToBackNeverGoesBeforeTheEarliestAllowedStart() {
    List<TimeRange> booked = List.of(slot("2026-12-01T09:00"));
    // Right after the 09:00 block would be before the 10:00 asked for: the scan gives 10:00.
    assertThat(findBerlin("2026-12-01T10:00", List.of(), booked)).contains(slot("2026-12-01T10:00"));
  }

  @Test
  void busyTimeOfOurOwnBlocksCountsOnce() {
    // The calendar reports our blocks as busy too; they must still count as ours, once.
    List<TimeRange> booked = List.of(slot("2026-12-01T09:00"), slot("2026-12-01T09:15"));
    assertThat(findBerlin("2026-12-01T08:00", booked, booked)).contains(slot("2026-12-01T09:30"));
  }

  @Test
  void nothingWithinTheHorizonGivesEmpty() {
    List<TimeRange> busy = List.of(range("2026-12-01T00:00", "2026-12-03T00:00"));
    SlotFinder finder = finder(BERLIN);
    assertThat(finder.find(berlin("2026-12-01T08:00"), QUARTER, busy, List.of(), 3, 2)).isEmpty();
    assertThat(finder.find(berlin("2026-12-01T08:00"), QUARTER, busy, List.of(), 3, 3)).contains(slot("2026-12-03T09:00"));
    // Weekends do not use up the horizon: Friday plus one business day reaches Monday.
    List<TimeRange> friday = List.of(range("2026-12-04T00:00", "2026-12-05T00:00"));
    assertThat(finder.find(berlin("2026-12-04T08:00"), QUARTER, friday, List.of(), 3, 2)).contains(slot("2026-12-07T09:00"));
  }

  @Test
  void aBlockLongerThanTheWorkingDayNeverFits() {
    assertThat(finder(BERLIN).find(berlin("2026-12-01T08:00"), Duration.ofHours(9), List.of(), List.of(), 3, 10)).isEmpty();
  }

  @Test
  void aCalendarWithoutBusinessDaysGivesEmpty() {
    SlotFinder never = new SlotFinder(new BusinessCalendar(BERLIN, WorkingHours.DEFAULT, date -> true));
    assertThat(never.find(berlin("2026-12-01T08:00"), QUARTER, List.of(), List.of(), 3, 10)).isEmpty();
  }

  @Test
  void rejectsNonsense() {
    SlotFinder finder = finder(BERLIN);
    Instant t = berlin("2026-12-01T08:00");
    assertThatThrownBy(() -> finder.find(t, Duration.ZERO, List.of(), List.of(), 3, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> finder.find(t, QUARTER, List.of(), List.of(), 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> finder.find(t, QUARTER, List.of(), List.of(), 3, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** A prospect's 09:00-18:00 on their business days, in their zone (SPEC section 5). */
  private static BusinessCalendar prospectIn(String zone, LocalDate... holidays) {
    Set<LocalDate> off = Set.of(holidays);
    return new BusinessCalendar(ZoneId.of(zone), new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0)),
        off::contains);
  }

  @ParameterizedTest(name = "{0}: first call from {1}")
  @CsvSource({
      // New York is 6 hours behind Berlin in December: their 09:00 is 15:00 in Berlin.
      "America/New_York,     2026-12-03T09:00, 2026-12-03T15:00",
      // Tokyo is 8 hours ahead: their 18:00 is 10:00 in Berlin, so the call is early in the day.
      "Asia/Tokyo,           2026-12-03T09:00, 2026-12-03T09:00",
      "Asia/Tokyo,           2026-12-03T09:50, 2026-12-04T09:00",
      // Kathmandu, +05:45: their 18:00 is 13:15 in Berlin.
      "Asia/Kathmandu,       2026-12-03T13:00, 2026-12-03T13:00",
      "Asia/Kathmandu,       2026-12-03T13:05, 2026-12-04T09:00",
      // Same zone: the user's own hours decide.
      "Europe/Berlin,        2026-12-03T09:00, 2026-12-03T09:00",
  })
  void aCallLiesInTheProspectsBusinessHoursToo(String zone, String notBefore, String expected) {
    Optional<TimeRange> slot = finder(BERLIN).find(berlin(notBefore), QUARTER, List.of(), List.of(), 3, 10,
        List.of(prospectIn(zone)));

    assertThat(slot).hasValue(slot(expected));
  }

  @Test
  void aProspectInSydneyHasNoHoursInCommonWithBerlinSoNothingIsBooked() {
    assertThat(finder(BERLIN).find(berlin("2026-12-03T09:00"), QUARTER, List.of(), List.of(), 3, 10,
        List.of(prospectIn("Australia/Sydney")))).isEmpty();
  }

  @Test
  void aHolidayOfTheProspectsCountryIsNoDayForTheirCall() {
    // Thanksgiving: a business day in Berlin, not in New York.
    Optional<TimeRange> slot = finder(BERLIN).find(berlin("2026-11-26T09:00"), QUARTER, List.of(), List.of(), 3, 10,
        List.of(prospectIn("America/New_York", LocalDate.of(2026, 11, 26))));

    assertThat(slot).hasValue(slot("2026-11-27T15:00"));
  }

  @Test
  void aProspectWhoMayBeInEitherOfTwoZonesGetsAnHourThatSuitsBoth() {
    // A Spanish mobile rings in Madrid (as Berlin) or on the Canaries (an hour behind).
    Optional<TimeRange> slot = finder(BERLIN).find(berlin("2026-12-03T09:00"), QUARTER, List.of(), List.of(), 3, 10,
        List.of(prospectIn("Europe/Madrid"), prospectIn("Atlantic/Canary")));

    assertThat(slot).hasValue(slot("2026-12-03T10:00"));
  }

  @Test
  void acrossTheDstChangeInNewYorkTheCallMovesWithTheirClock() {
    // 2 November 2026: New York is back on standard time a week after Berlin; Monday 26 October
    // is in the week between, when New York is only 5 hours behind.
    assertThat(finder(BERLIN).find(berlin("2026-10-26T09:00"), QUARTER, List.of(), List.of(), 3, 10,
        List.of(prospectIn("America/New_York")))).hasValue(slot("2026-10-26T14:00"));
    assertThat(finder(BERLIN).find(berlin("2026-11-02T09:00"), QUARTER, List.of(), List.of(), 3, 10,
        List.of(prospectIn("America/New_York")))).hasValue(slot("2026-11-02T15:00"));
  }
}
