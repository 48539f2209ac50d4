package io.secondcall.calendar.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Google accepts a client-chosen event id only in base32hex, 5 to 1024 characters. */
class EventIdsTest {

  @Test
  void aBlockIdGivesAValidGoogleEventId() {
    assertThat(EventIds.forBlock("c0123456789abcdef.2.call")).matches("[a-v0-9]{5,1024}").hasSize(52);
    assertThat(EventIds.forBlock("x")).matches("[a-v0-9]{5,1024}");
    assertThat(EventIds.forBlock("c".repeat(5000))).matches("[a-v0-9]{5,1024}");
  }

  @Test
  void theSameBlockAlwaysGetsTheSameIdAndOtherBlocksOthers() {
    assertThat(EventIds.forBlock("c0123456789abcdef.2.call")).isEqualTo(EventIds.forBlock("c0123456789abcdef.2.call"));
    assertThat(EventIds.forBlock("c0123456789abcdef.2.call")).isNotEqualTo(EventIds.forBlock("c0123456789abcdef.3.call"));
  }

  @Test
  void encodesRfc4648Base32HexTestVectorsInLowerCaseWithoutPadding() {
    assertThat(base32hex("")).isEmpty();
    assertThat(base32hex("f")).isEqualTo("co");
    assertThat(base32hex("fo")).isEqualTo("cpng");
    assertThat(base32hex("foo")).isEqualTo("cpnmu");
    assertThat(base32hex("foob")).isEqualTo("cpnmuog");
    assertThat(base32hex("fooba")).isEqualTo("cpnmuoj1");
    assertThat(base32hex("foobar")).isEqualTo("cpnmuoj1e8");
  }

  private static String base32hex(String s) {
    return EventIds.base32hex(s.getBytes(StandardCharsets.US_ASCII));
  }
}
