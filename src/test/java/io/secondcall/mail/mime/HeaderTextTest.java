package io.secondcall.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderTextTest {

  /** A string as Angus hands over raw header bytes: one char per byte. */
  private static String asAngusReadsIt(String text, Charset charset) {
    return new String(text.getBytes(charset), StandardCharsets.ISO_8859_1);
  }

  @Test
  void rawUtf8BytesReadAsUtf8() {
    assertThat(HeaderText.decode(asAngusReadsIt("Jürgen Müller 山田 😀", StandardCharsets.UTF_8)))
        .isEqualTo("Jürgen Müller 山田 😀");
  }

  @Test
  void eightBitBytesThatAreNotUtf8ReadAsWindows1252() {
    assertThat(HeaderText.decode(asAngusReadsIt("Müller \u201Cquoted\u201D \u20AC", Charset.forName("windows-1252"))))
        .isEqualTo("Müller \u201Cquoted\u201D \u20AC");
  }

  @Test
  void textAServerAlreadyDecodedStaysAsItIs() {
    assertThat(HeaderText.decode("山田 Müller")).isEqualTo("山田 Müller");
    assertThat(HeaderText.decode("plain ascii")).isEqualTo("plain ascii");
    assertThat(HeaderText.decode(null)).isNull();
  }

  @Test
  void encodedWordsAreDecodedOnceAndNeverAgain() {
    String nested = "=?utf-8?b?PT91dGYtOD9xP1JlOl9PZmZlcj0wRD0wQUJjYzpfeEBldmlsLmV4YW1wbGU/PQ==?=";

    assertThat(HeaderText.decode(nested)).isEqualTo("=?utf-8?q?Re:_Offer=0D=0ABcc:_x@evil.example?=");
  }

  @Test
  void anUnknownCharsetFallsBackToUtf8OrWindows1252InsteadOfStayingEncoded() {
    assertThat(HeaderText.decode("=?x-evil-999?b?SsO8cmdlbg==?=")).isEqualTo("Jürgen");
    assertThat(HeaderText.decode("=?x-evil-999?q?J=FCrgen?=")).isEqualTo("Jürgen");
  }

  @Test
  void encodedWordsFollowRfc2047() {
    assertThat(HeaderText.decode("=?ISO-8859-1?Q?Gr=FC=DFe_aus?= =?UTF-8?B?TcO8bmNoZW4=?=")).isEqualTo("Grüße ausMünchen");
    assertThat(HeaderText.decode("Re: =?utf-8?q?Gr=C3=BC=C3=9Fe?= und mehr")).isEqualTo("Re: Grüße und mehr");
    assertThat(HeaderText.decode("=?utf-8*de?q?Hallo?=")).isEqualTo("Hallo");
    assertThat(HeaderText.decode("=?utf-8?q?a?=\r\n =?utf-8?q?b?=")).isEqualTo("ab");
    // A character whose bytes were split across two words comes out whole.
    assertThat(HeaderText.decode("=?utf-8?b?SsM=?= =?utf-8?b?vHJnZW4=?=")).isEqualTo("Jürgen");
    // Lenient: missing padding, a broken escape.
    assertThat(HeaderText.decode("=?utf-8?b?SsO8cmdlbg?=")).isEqualTo("Jürgen");
    assertThat(HeaderText.decode("=?utf-8?q?50=_off=ZZ?=")).isEqualTo("50= off=ZZ");
  }

  @Test
  void decodedLineBreaksAreLeftForTheDestinationToHandle() {
    // Decoding is not cleaning: callers make the value safe for where it goes (SafeText).
    assertThat(HeaderText.decode("=?utf-8?q?a=0D=0Ab?=")).isEqualTo("a\r\nb");
  }
}
