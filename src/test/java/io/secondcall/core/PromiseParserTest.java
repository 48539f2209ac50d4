package io.secondcall.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromiseParserTest {

  /** Tuesday, 1 December 2026, 10:00 in Berlin. */
  private static final ZonedDateTime SENT = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  private final PromiseParser parser = new PromiseParser();

  private static void assertPromise(Optional<Promise> promise, LocalDate day, LocalTime time) {
    assertThat(promise).isPresent();
    assertThat(promise.get().day()).isEqualTo(day);
    assertThat(promise.get().time()).isEqualTo(Optional.ofNullable(time));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', value = {
      // Sent on a Tuesday: "on Tuesday" is next week's.
      "I'll call you on Tuesday.                                 | 2026-12-08 |",
      "I will give you a ring tomorrow morning.                  | 2026-12-02 |",
      "I'll call you tomorrow at 3pm.                            | 2026-12-02 | 15:00",
      "Talk next week!                                           | 2026-12-07 |",
      "I will follow up next week.                               | 2026-12-07 |",
      "I'll be in touch on Friday.                               | 2026-12-04 |",
      "Let me call you Thursday afternoon.                       | 2026-12-03 | 14:00",
      "I'll phone you on 12 December.                            | 2026-12-12 |",
      "I'll try you again on Monday.                             | 2026-12-07 |",
      "I'll reach out early next week.                           | 2026-12-07 |",
      "Speak on Wednesday.                                       | 2026-12-02 |",
      "I will follow up in two weeks.                            | 2026-12-15 |",
      "I'll call you in 3 days.                                  | 2026-12-04 |",
      "I will check back with you on the 15th.                   | 2026-12-15 |",
      "We'll talk on Thursday at 10:30.                          | 2026-12-03 | 10:30",
      "Tomorrow at 4 pm I'll give you a call.                    | 2026-12-02 | 16:00",
      "I'll send over the deck and call you on Friday at 11am.   | 2026-12-04 | 11:00",
      "I'll call you at 3pm.                                     | 2026-12-01 | 15:00",
      "I'll get back to you by the end of the week.              | 2026-12-04 |",
      "Great, talk to you next Monday.                           | 2026-12-07 |",
      "I'll ring you on December 10th at 2 p.m. if that works.   | 2026-12-10 | 14:00",
      "I'm going to call you the day after tomorrow at 9.        | 2026-12-03 | 09:00",
      "I’ll definitely follow up on Monday, 14 December.         | 2026-12-14 |",
      "I'll call you at 9:00.                                    | 2026-12-02 | 09:00",
      "I'll call you tomorrow between 2 and 3pm.                 | 2026-12-02 | 14:00",
      "I'll call you tomorrow between 11 and 12pm.               | 2026-12-02 | 11:00",
      "I'll give you a call this afternoon.                      | 2026-12-01 | 14:00",
      "I'll call you back later today.                           | 2026-12-01 |",
      "Let's talk tomorrow.                                      | 2026-12-02 |",
      "Let me think about it and get back to you in a week.      | 2026-12-08 |",
  })
  void englishPromises(String text, LocalDate day, LocalTime time) {
    assertPromise(parser.parse(text, SENT), day, time);
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "ich rufe Sie am Freitag an.                               | 2026-12-04 |",
      "ich melde mich nächste Woche.                             | 2026-12-07 |",
      "ich rufe dich morgen früh an.                             | 2026-12-02 |",
      "ich melde mich am Dienstag um 10 Uhr.                     | 2026-12-08 | 10:00",
      "ich rufe Sie Anfang nächster Woche an.                    | 2026-12-07 |",
      "wir sprechen uns am Donnerstag.                           | 2026-12-03 |",
      "ich komme am 12.12. auf Sie zu.                           | 2026-12-12 |",
      "ich melde mich in zwei Wochen.                            | 2026-12-15 |",
      "ich versuche es am Montag noch einmal telefonisch.        | 2026-12-07 |",
      "ich rufe Sie übermorgen an.                               | 2026-12-03 |",
      "Am Freitag rufe ich Sie gegen 14:30 Uhr an.               | 2026-12-04 | 14:30",
      "Ich werde Sie am Mittwoch nachmittags anrufen.            | 2026-12-02 | 14:00",
      "Ich melde mich Ende nächster Woche.                       | 2026-12-11 |",
      "Wir telefonieren am 15. Dezember um 9:30 Uhr.             | 2026-12-15 | 09:30",
      "Morgen rufe ich Sie an.                                   | 2026-12-02 |",
      "Ich würde Sie gern am 10.12.2026 um 11 Uhr anrufen.       | 2026-12-10 | 11:00",
      "Ich rufe Sie morgen zwischen 14 und 15 Uhr an.            | 2026-12-02 | 14:00",
      "Ich melde mich heute Nachmittag.                          | 2026-12-01 | 14:00",
      "Ich melde mich in der kommenden Woche bei Ihnen.          | 2026-12-07 |",
      "Ich melde mich bis Freitag bei Ihnen.                     | 2026-12-04 |",
  })
  void germanPromises(String text, LocalDate day, LocalTime time) {
    assertPromise(parser.parse(text, SENT), day, time);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Call me on Tuesday.",
      "Could you call me tomorrow?",
      "Feel free to call me next week.",
      "Rufen Sie mich am Freitag an.",
      "Melden Sie sich gern nächste Woche.",
      "We talked on Tuesday.",
      "Thanks for the call on Monday.",
      "I called you on Monday.",
      "I'll ring you after the holidays.",
      "I'll call you once I'm back from Berlin on Monday.",
      "I'll talk to my boss on Monday.",
      "I'll call my colleague tomorrow.",
      "Speak soon.",
      "Let me know if you want to talk next week.",
      "Ich habe Sie am Montag angerufen.",
      "Ich würde mich freuen, wenn Sie mich am Freitag anrufen.",
      "Ich komme am Montag zurück.",
      "Guten Morgen, rufen Sie mich gerne an.",
      "We talked on Tuesday. I'll be in touch.",
      "I'll be in touch.",
      "I'll be out of office next week.",
      "I'll send the proposal next week.",
      "Can I call you on Tuesday?",
      "Ich rufe Sie nach Ostern an.",
      "Ich werde nächste Woche Urlaub haben und melde mich danach.",
      "Bis morgen!",
      "",
  })
  void noPromise(String text) {
    assertThat(parser.parse(text, SENT)).isEmpty();
  }

  @Test
  void phraseHoldsTheWordsOfThePromise() {
    assertThat(parser.parse("Hi Alice, thanks! I'll call you tomorrow at 3pm. Best, Dana", SENT))
        .map(Promise::phrase).contains("I'll call you tomorrow at 3pm");
    assertThat(parser.parse("Danke! Ich rufe Sie am Freitag an.", SENT))
        .map(Promise::phrase).contains("Ich rufe Sie am Freitag");
    assertThat(parser.parse("Am Freitag rufe ich Sie an.", SENT))
        .map(Promise::phrase).contains("Am Freitag rufe ich");
  }

  @Test
  void aPromiseInARealisticMessageAcrossLines() {
    String body = """
        Hi Alice,

        thanks for your time today. I'll send over the proposal tonight
        and give you a call on Thursday afternoon to walk through it.

        Best,
        Dana
        --
        Dana Berger, Berger Consulting
        """;
    assertPromise(parser.parse(body, SENT), LocalDate.of(2026, 12, 3), LocalTime.of(14, 0));
  }

  @Test
  void quotedLinesAreNotTheUsersPromise() {
    String body = """
        Thanks, sounds good.

        > I'll call you on Tuesday.
        > Alice
        """;
    assertThat(parser.parse(body, SENT)).isEmpty();
  }

  @Test
  void textAfterAnAttributionLineIsNotTheUsersPromise() {
    String en = """
        Thanks, sounds good.

        On Mon, 30 Nov 2026 at 09:12, Alice Martin <alice@acme.example> wrote:
        I'll call you on Friday.
        """;
    String de = """
        Danke für die Rückmeldung.

        Am 30.11.2026 um 09:12 schrieb Alice Martin <alice@acme.example>:
        Ich rufe Sie am Freitag an.
        """;
    assertThat(parser.parse(en, SENT)).isEmpty();
    assertThat(parser.parse(de, SENT)).isEmpty();
  }

  @Test
  void theUsersPromiseAboveTheQuoteCounts() {
    String body = """
        Understood. I will follow up next week.

        > Call me on Tuesday.
        """;
    assertPromise(parser.parse(body, SENT), LocalDate.of(2026, 12, 7), null);
  }

  @Test
  void daysAreTheSendersLocalDays() {
    // 23:30 on Tuesday in New York is already Wednesday in UTC: "tomorrow" is still Wednesday.
    ZonedDateTime lateInNewYork = ZonedDateTime.of(2026, 12, 1, 23, 30, 0, 0, ZoneId.of("America/New_York"));
    assertPromise(parser.parse("I'll call you tomorrow.", lateInNewYork), LocalDate.of(2026, 12, 2), null);
    // Sent on Friday: "on Monday" is three days later, "next week" that same Monday.
    ZonedDateTime friday = SENT.withDayOfMonth(4);
    assertPromise(parser.parse("I'll call you on Monday.", friday), LocalDate.of(2026, 12, 7), null);
    assertPromise(parser.parse("ich melde mich nächste Woche", friday), LocalDate.of(2026, 12, 7), null);
  }

  @Test
  void datesWithoutAYearAreTheNextOnes() {
    assertPromise(parser.parse("I'll phone you on 5 January.", SENT), LocalDate.of(2027, 1, 5), null);
    assertPromise(parser.parse("ich komme am 2.1. auf Sie zu", SENT), LocalDate.of(2027, 1, 2), null);
    // The 1st when sent on the 1st: next month's.
    assertPromise(parser.parse("I will check back with you on the 1st.", SENT), LocalDate.of(2027, 1, 1), null);
  }

  @Test
  void aClockTimeThatHasPassedMeansTomorrow() {
    assertPromise(parser.parse("I'll call you at 9am.", SENT), LocalDate.of(2026, 12, 2), LocalTime.of(9, 0));
  }
}
