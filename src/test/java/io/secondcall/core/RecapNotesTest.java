package io.secondcall.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A recap recalls only what the meeting entry marked for it; private notes and numbers never. */
class RecapNotesTest {

  @Test
  void onlyTheMarkedLinesWithoutPhoneNumbers() {
    String notes = """
        Notes: migration of the order data before the summer, budget approval in January.
        Maria: +34 612 345 678

        Agreed:
        - a pilot with the Madrid warehouse by 15.03.2027
        - Maria sends the data model; call her on +34 612 345 678 first
        Private: they are also talking to a competitor
        """;
    assertThat(RecapNotes.marked(notes)).containsExactly("a pilot with the Madrid warehouse by 15.03.2027",
        "Maria sends the data model; call her on first");
  }

  @Test
  void markersInTheFourLanguages() {
    assertThat(RecapNotes.marked("Vereinbart: Workshop am 12. Januar")).containsExactly("Workshop am 12. Januar");
    assertThat(RecapNotes.marked("Convenu : audit en février")).containsExactly("audit en février");
    assertThat(RecapNotes.marked("Acordado: propuesta antes del viernes")).containsExactly("propuesta antes del viernes");
    assertThat(RecapNotes.marked("Recap: pricing review in Q1")).containsExactly("pricing review in Q1");
  }

  @Test
  void unmarkedNotesGiveNothing() {
    assertThat(RecapNotes.marked("Notes: migration before the summer. Maria: +34 612 345 678")).isEmpty();
    assertThat(RecapNotes.marked(null)).isEmpty();
  }

  @Test
  void whatIsKeptOfADescriptionReadsBackTheSame() {
    String description = "Private: budget tight\nAgreed: a pilot in March\nPhone +49 30 1234567";
    assertThat(RecapNotes.kept(description)).isEqualTo("Recap: a pilot in March").doesNotContain("budget", "1234567");
    assertThat(RecapNotes.marked(RecapNotes.kept(description))).containsExactly("a pilot in March");
  }
}
