package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The persistence report's line in the first digest of each week, and the history it reads. */
class WeeklyReportTest extends EngineFixture {

  static final String BOB = "bob@globex.example";

  @Test
  void theFirstDigestOfAWeekCarriesOneLineOfTheReport() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-12-03T09:30");
    inbound("r1@acme.example", "2026-12-03T12:00", ALICE, "Re: Proposal", "p1@northwind.example", "Sounds good!");
    runAt("2026-12-03T13:00");
    outreach("p2@northwind.example", "2026-12-03T14:00", BOB, "Offer");
    // The week of the answer had its report (no answers yet then); the next week's first digest has one.
    assertThat(digests()).noneMatch(d -> d.contains("Persistence:"));

    runAt("2026-12-09T09:30");
    runAt("2026-12-10T09:30");

    List<String> withReport = digests().stream().filter(d -> d.contains("Persistence:")).toList();
    assertThat(withReport).hasSize(1);
    assertThat(withReport.get(0)).contains("Persistence: 0 of 1 answers (0%) came after a follow-up;"
        + " 1 of 2 conversations answered; median time to answer 3 d 2 h");
  }

  @Test
  void touchesAndOutOfOfficeRepliesAreKeptForTheReport() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    inbound("ooo@acme.example", "2026-11-30T10:01", ALICE, "Out of office: Proposal", "p1@northwind.example",
        "I am out of the office until 10 December 2026 and will reply when I am back.");
    runAt("2026-11-30T11:00");

    assertThat(store.touchTimes(only().id())).containsExactly(at("2026-11-30T10:00"));
    assertThat(store.autoReplies(only().id())).containsExactly(at("2026-11-30T10:01"));
  }
}
