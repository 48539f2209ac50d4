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
  void cleanRemovesNelSeparatorsAndBidiControls() {
    assertThat(HeaderValues.clean("Re: Offer\u0085Bcc: x@evil.example")).isEqualTo("Re: Offer Bcc: x@evil.example");
    assertThat(HeaderValues.clean("a\u2029b")).isEqualTo("a b");
    assertThat(HeaderValues.clean("Invoice \u202Efdp.exe")).isEqualTo("Invoice fdp.exe");
    assertThat(HeaderValues.clean("\u2066x\u2069\u200Fy\u200E")).isEqualTo("xy");
  }

  @Test
  void encodeNeverWritesALiteralEncodedWordFromContent() throws Exception {
    String literal = "Re: =?utf-8?q?Re:_Offer=0D=0ABcc:_x@evil.example?=";

    String encoded = HeaderValues.encode(literal);

    assertThat(encoded).doesNotContain("=?");
    assertThat(MimeUtility.decodeText(encoded)).isEqualTo("Re: = ?utf-8?q?Re:_Offer=0D=0ABcc:_x@evil.example?=");
  }

  @Test
  void encodeSplitsLongTextIntoWordsOfWholeCharacters() throws Exception {
    String text = "Grüße 😀 ".repeat(30).strip();

    String encoded = HeaderValues.encode(text);

    assertThat(encoded.split(" ")).allSatisfy(w -> {
      assertThat(w.length()).isLessThanOrEqualTo(75);
      assertThat(MimeUtility.decodeWord(w)).doesNotContain("\uFFFD");
    });
    assertThat(MimeUtility.decodeText(encoded)).isEqualTo(text);
  }

  @Test
  void aDisplayNameThatLooksLikeAnEncodedWordIsWrittenEncoded() throws Exception {
    String name = "=?utf-8?q?Alice=0D=0ABcc:_x@evil.example?=";

    InternetAddress a = HeaderValues.address(new EmailAddress("alice@acme.example", name));

    assertThat(a.toString()).doesNotContain("=?utf-8?q?").endsWith(" <alice@acme.example>");
    InternetAddress read = new InternetAddress(a.toString());
    assertThat(read.getPersonal()).isEqualTo("= ?utf-8?q?Alice=0D=0ABcc:_x@evil.example?=");
    assertThat(HeaderValues.address(new EmailAddress("a@x.example", "Smith, Alice \"Al\"")).toString())
        .isEqualTo("\"Smith, Alice \\\"Al\\\"\" <a@x.example>");
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
  void aLongDisplayNameIsFoldedBetweenItsEncodedWords() throws Exception {
    String name = "山田太郎 ".repeat(60).strip();

    InternetAddress a = HeaderValues.address(new EmailAddress("t@x.example", name));

    assertThat(a.toString().split("\r\n")).hasSizeGreaterThan(1).allMatch(l -> l.length() <= 78);
    assertThat(new InternetAddress(MimeUtility.unfold(a.toString())).getPersonal()).isEqualTo(name);
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
