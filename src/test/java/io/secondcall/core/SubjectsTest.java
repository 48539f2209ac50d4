package io.secondcall.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectsTest {

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "Proposal for Q1                  | Proposal for Q1",
      "Re: Proposal for Q1              | Proposal for Q1",
      "RE: Re: re: Proposal             | Proposal",
      "Re[2]: Proposal                  | Proposal",
      "Re(3): Proposal                  | Proposal",
      "AW: WG: Angebot                  | Angebot",
      "Aw: Antw: Angebot                | Angebot",
      "Fwd: Fw: FW: Proposal            | Proposal",
      "TR: Re : Proposition             | Proposition",
      "RV: RE: Propuesta                | Propuesta",
      "SV: Sv: Tilbud                   | Tilbud",
      "Re:Re:Proposal                   | Proposal",
      "'  Re:   Proposal   '            | Proposal",
      "Regarding our call               | Regarding our call",
      "Trade fair: your stand           | Trade fair: your stand",
      // Each language's prefixes; before one rule, the template and the store disagreed on some.
      "Re: Proposal                     | Proposal",
      "RE: Proposal                     | Proposal",
      "Fwd: Proposal                    | Proposal",
      "Aw: Angebot                      | Angebot",
      "AW: Angebot                      | Angebot",
      "Antwort: Angebot                 | Angebot",
      "WG: Angebot                      | Angebot",
      "TR: Proposition                  | Proposition",
      "RE : Proposition                 | Proposition",
      "R: Offerta                       | Offerta",
      "RIF: Offerta                     | Offerta",
      "RES: Proposta                    | Proposta",
      "Enc: Proposta                    | Proposta",
      "ENC: Proposta                    | Proposta",
      "Antw: Offerte                    | Offerte",
      "Re^2: Proposal                   | Proposal",
      "Re[3]: Proposal                  | Proposal",
      "SV: Tilbud                       | Tilbud",
      "VS: Tarjous                      | Tarjous",
      "Odp: Oferta                      | Oferta",
      "Re\uFF1A Proposal                | Proposal",
      // Nested, mixed languages and spellings.
      "RE: AW: Re[2]: Fwd: RIF: R: Offerta | Offerta",
      "Antwort: WG: Re^2: TR: Angebot   | Angebot",
      "RES: Enc: RV: Re : Proposta      | Proposta",
      // Words that only start like a prefix stay.
      "Research: first results          | Research: first results",
      "Riforma: proposta                | Riforma: proposta",
      "Ref: invoice 2026-114            | Ref: invoice 2026-114",
      "Antworten: FAQ                   | Antworten: FAQ",
      "Re: Resume: the plan             | Resume: the plan",
  })
  void stripRemovesAnyStackOfPrefixes(String subject, String expected) {
    assertThat(Subjects.strip(subject)).isEqualTo(expected);
  }

  @Test
  void stripFoldsLineBreaksSoTheSubjectIsSafeInAHeader() {
    assertThat(Subjects.strip("Re: Proposal\r\n for Q1")).isEqualTo("Proposal for Q1");
    assertThat(Subjects.reply("Proposal\r\nBcc: evil@x.example")).doesNotContain("\r", "\n");
  }

  @Test
  void replyNeverStacksRe() {
    assertThat(Subjects.reply("Proposal")).isEqualTo("Re: Proposal");
    assertThat(Subjects.reply("Re: Proposal")).isEqualTo("Re: Proposal");
    assertThat(Subjects.reply("RE: AW: Re[2]: Proposal")).isEqualTo("Re: Proposal");
  }

  /** What the store keeps for a conversation and what its drafts carry come from the same rule. */
  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "Proposal", "RE: AW: Proposal", "R: Offerta", "RIF: Offerta", "RES: Proposta", "Antwort: Angebot",
      "Re^2: Proposal", "Re[3]: Proposal", "Enc: TR: Proposition", "'  Re :  Proposal  for Q1 '",
  })
  void theDraftSubjectIsReAndTheStoredSubject(String subject) {
    String stored = Subjects.strip(subject);

    assertThat(Subjects.strip(stored)).as("stripping a stored subject again changes nothing").isEqualTo(stored);
    assertThat(Subjects.reply(subject)).isEqualTo("Re: " + stored);
    assertThat(Subjects.reply(stored)).isEqualTo("Re: " + stored);
  }

  @Test
  void theCasesOfTheFormerTemplateCopyStillHold() {
    assertThat(Subjects.strip("Re: RE: AW: Proposal")).isEqualTo("Proposal");
    assertThat(Subjects.strip("Fwd: WG: Sv: Re[3]: Re(2): Antw: TR: RV: Offer  for\tQ1")).isEqualTo("Offer for Q1");
    assertThat(Subjects.strip("Regarding: the Reply-all problem")).isEqualTo("Regarding: the Reply-all problem");
    assertThat(Subjects.reply("re:")).isEqualTo("Re:");
    assertThat(Subjects.reply("Proposal")).isEqualTo("Re: Proposal");
  }

  @Test
  void emptyOrMissingSubjects() {
    assertThat(Subjects.strip(null)).isEmpty();
    assertThat(Subjects.reply(null)).isEqualTo("Re:");
    assertThat(Subjects.reply("Re: ")).isEqualTo("Re:");
  }
}
