package io.secondcall.mail.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  static final Instant NOW = Instant.parse("2026-12-03T09:30:00Z");

  @Test
  void secondsAndHttpDatesAreBothUnderstood() {
    assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Thu, 3 Dec 2026 09:31:00 GMT", NOW)).contains(Duration.ofMinutes(1));
    assertThat(RetryAfter.parse("Thu, 3 Dec 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void anythingElseSaysNothing() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
  }

  @Test
  void gmailIdsAreUidsAndBack() {
    assertThat(GmailIds.uid("18c2f3a4b5d6e7f8")).isEqualTo(0x18c2f3a4b5d6e7f8L);
    assertThat(GmailIds.messageId(0x18c2f3a4b5d6e7f8L)).isEqualTo("18c2f3a4b5d6e7f8");
    assertThat(GmailIds.uid("ffffffffffffffff")).isEqualTo(-1L);
    assertThat(GmailIds.messageId(-1L)).isEqualTo("ffffffffffffffff");
  }
}
