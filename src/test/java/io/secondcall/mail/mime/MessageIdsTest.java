package io.secondcall.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

  @Test
  void aMessageIdLosesItsBracketsAndSpace() {
    assertThat(MessageIds.normalise("  < abc.123@mail.example.com >  ")).isEqualTo("abc.123@mail.example.com");
    assertThat(MessageIds.normalise("abc@example.com")).isEqualTo("abc@example.com");
  }

  @Test
  void anEmptyMessageIdIsNone() {
    assertThat(MessageIds.normalise(null)).isNull();
    assertThat(MessageIds.normalise("   ")).isNull();
    assertThat(MessageIds.normalise("<>")).isNull();
  }

  @Test
  void referencesAreSplitInOrderWithoutDuplicates() {
    assertThat(MessageIds.parse("<a@x> <b@x>\r\n\t<c@x> <a@x>")).containsExactly("a@x", "b@x", "c@x");
  }

  @Test
  void anIdFoldedAcrossLinesIsJoined() {
    assertThat(MessageIds.parse("<very-long-id\r\n @example.com>")).containsExactly("very-long-id@example.com");
  }

  @Test
  void idsWrittenWithoutBracketsAreStillFound() {
    assertThat(MessageIds.parse("a@x, b@x (comment)")).containsExactly("a@x", "b@x");
  }
}
