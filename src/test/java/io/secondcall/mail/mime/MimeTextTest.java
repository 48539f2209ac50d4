package io.secondcall.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MimeTextTest {

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void quotedPrintableInLatin1IsDecoded() {
    assertThat(MimeText.decode(ascii("Gr=FC=DFe=\r\n aus M=FCnchen"), "quoted-printable", "ISO-8859-1"))
        .isEqualTo("Grüße aus München");
  }

  @Test
  void cutOffBase64DecodesUpToTheLastWholeGroup() {
    String encoded = Base64.getMimeEncoder().encodeToString("Hello Alice, see you Tuesday".getBytes(StandardCharsets.UTF_8));
    // 22 characters: five whole groups (15 bytes) and two characters of the next.
    byte[] cut = ascii(encoded.substring(0, 22));

    assertThat(MimeText.decode(cut, "base64", "UTF-8")).isEqualTo("Hello Alice, se");
  }

  @Test
  void aCutOffQuotedPrintableEscapeIsDropped() {
    assertThat(MimeText.decode(ascii("Gr=FC=D"), "quoted-printable", "ISO-8859-1")).isEqualTo("Grü");
  }

  @Test
  void anUnknownCharsetFallsBackToUtf8WhenTheBytesAreUtf8() {
    byte[] utf8 = "café".getBytes(StandardCharsets.UTF_8);

    assertThat(MimeText.decode(utf8, "8bit", "x-unknown")).isEqualTo("café");
  }

  @Test
  void anUnknownCharsetFallsBackToLatin1Otherwise() {
    byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(MimeText.decode(latin1, null, "x-unknown")).isEqualTo("café");
  }

  @Test
  void theFallbackReadsBytes0x80To0x9FAsWindows1252NotAsControls() {
    byte[] cp1252 = {(byte) 0x93, 'h', 'i', (byte) 0x94, ' ', (byte) 0x80, ' ', (byte) 0x85};

    assertThat(MimeText.decode(cp1252, null, null)).isEqualTo("\u201Chi\u201D \u20AC \u2026");
  }

  @Test
  void anUnknownTransferEncodingLeavesTheBytes() {
    assertThat(MimeText.decode(ascii("plain"), "x-made-up", "us-ascii")).isEqualTo("plain");
  }
}
