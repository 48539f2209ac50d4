package io.secondcall.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.core.EmailAddress;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {

  @Test
  void cleanReplacesRunsOfControlCharactersWithOneSpace() {
    assertThat(HeaderValues.clean("  Alice\r\n\tBcc: x\u0000\u2028y  ")).isEqualTo("Alice Bcc: x y");
    assertThat(HeaderValues.clean(null)).isEmpty();
  }

  @Test
  void cleanCapsTheLength() {
    assertThat(HeaderValues.clean("a".repeat(5000))).hasSize(HeaderValues.MAX_LENGTH);
  }

  @Test
  void encodeLeavesAsciiAloneAndEncodesTheRest() throws Exception {
    assertThat(HeaderValues.encode("Proposal\r\nBcc: x")).isEqualTo("Proposal Bcc: x");
    String encoded = HeaderValues.encode("Grüße aus München");
    assertThat(encoded).startsWith("=?UTF-8?").matches("\\p{ASCII}+");
    assertThat(MimeUtility.decodeText(encoded)).isEqualTo("Grüße aus München");
  }

  @Test
  void addressEncodesTheDisplayName() throws Exception {
    InternetAddress a = HeaderValues.address(new EmailAddress("j@firma.example", "Jürgen\r\nMüller"));
    assertThat(a.toString()).matches("\\p{ASCII}+").doesNotContain("\r", "\n");
    assertThat(a.getPersonal()).isEqualTo("Jürgen Müller");
    assertThat(HeaderValues.address(EmailAddress.of("j@firma.example")).toString()).isEqualTo("j@firma.example");
  }

  @Test
  void addressRefusesAMailboxThatWouldBreakTheHeader() {
    assertThatThrownBy(() -> HeaderValues.address(EmailAddress.of("a\r\nbcc:@x.example")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void messageIdAcceptsOnlySafeIds() {
    assertThat(HeaderValues.messageId("abc@x.example")).contains("<abc@x.example>");
    assertThat(HeaderValues.messageId("<abc@x.example>")).contains("<abc@x.example>");
    assertThat(HeaderValues.messageId("abc@x\r\n.example")).isEmpty();
    assertThat(HeaderValues.messageId("a b@x.example")).isEmpty();
    assertThat(HeaderValues.messageId("a<b>@x.example")).isEmpty();
    assertThat(HeaderValues.messageId("<>")).isEmpty();
    assertThat(HeaderValues.messageId("mü@x.example")).isEmpty();
    assertThat(HeaderValues.messageId(null)).isEmpty();
  }
}
