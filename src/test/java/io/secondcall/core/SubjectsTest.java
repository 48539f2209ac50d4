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

  @Test
  void emptyOrMissingSubjects() {
    assertThat(Subjects.strip(null)).isEmpty();
    assertThat(Subjects.reply(null)).isEqualTo("Re:");
    assertThat(Subjects.reply("Re: ")).isEqualTo("Re:");
  }
}
