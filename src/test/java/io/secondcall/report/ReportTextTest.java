package io.secondcall.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTextTest {

  final Figures figures = new Persistence(PersistenceTest.ZONE, Clock.fixed(PersistenceTest.NOW, ZoneOffset.UTC))
      .figures(PersistenceTest.HISTORY);

  @Test
  void theTerminalReportNamesEveryFigure() {
    List<String> lines = ReportText.lines(figures);

    assertThat(lines).contains("Conversations: 7, answered: 3 (43%)",
        "Answers after a follow-up: 2 (67%) of all answers",
        "  touch 2       3     1    33%",
        "  Tue           3     2    67%",
        "  09:00         9     2    22%",
        "Median time to answer: 1 d",
        "Out-of-office replies: 2 (29%) of conversations",
        "Bounces: 1 (14%) of conversations",
        "Meetings booked: 1, of which after a follow-up: 1");
  }

  @Test
  void theDigestLineIsOneLine() {
    assertThat(ReportText.digestLine(figures)).isEqualTo("Persistence: 2 of 3 answers (67%) came after a follow-up;"
        + " 3 of 7 conversations answered; median time to answer 1 d");
  }

  @Test
  void durationsReadShort() {
    assertThat(ReportText.duration(Duration.ofMinutes(35))).isEqualTo("35 min");
    assertThat(ReportText.duration(Duration.ofHours(5))).isEqualTo("5 h");
    assertThat(ReportText.duration(Duration.ofHours(28))).isEqualTo("1 d 4 h");
    assertThat(ReportText.duration(null)).isEqualTo("-");
  }

  @Test
  void anEmptyHistorySaysSo() {
    assertThat(ReportText.lines(new Persistence(PersistenceTest.ZONE, Clock.systemUTC()).figures(List.of())))
        .contains("No history yet: the report fills as secondcall follows up.");
  }
}
