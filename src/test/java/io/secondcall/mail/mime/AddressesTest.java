package io.secondcall.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.EmailAddress;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AddressesTest {

  /** Parsed as Angus parses a header block: bytes to chars one to one. */
  private static MimeMessage message(String headers) throws Exception {
    byte[] raw = (headers.replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
  }

  private static List<String> names(String header) throws Exception {
    return Addresses.of(message(header), "To").stream().map(EmailAddress::name).toList();
  }

  @Test
  void rawUtf8DisplayNamesAreReadAsUtf8() throws Exception {
    assertThat(names("To: Jürgen Müller <j@x.example>, \"Zoë, Ärztin\" <z@x.example>"))
        .containsExactly("Jürgen Müller", "Zoë, Ärztin");
  }

  @Test
  void encodedNamesAreDecodedOnceAfterTheAddressesAreSplit() throws Exception {
    List<EmailAddress> to = Addresses.of(message(
        "To: =?utf-8?q?Evil=2C_x=40y=2Eexample_=3Cz=40z=2Eexample=3E?= <a@x.example>,\n"
            + " =?x-evil-999?b?SsO8cmdlbg==?= <j@x.example>,\n"
            + " \"=?utf-8?q?Quoted_Word?=\" <q@x.example>,\n"
            + " =?utf-8?b?PT91dGYtOD9xP0FsaWNlPTBEPTBBQmNjOl94QGV2aWwuZXhhbXBsZT89?= <n@x.example>"), "To");

    assertThat(to).extracting(EmailAddress::address)
        .containsExactly("a@x.example", "j@x.example", "q@x.example", "n@x.example");
    assertThat(to).extracting(EmailAddress::name).containsExactly(
        "Evil, x@y.example <z@z.example>", "Jürgen", "Quoted Word", "= ?utf-8?q?Alice=0D=0ABcc:_x@evil.example?=");
  }

  @Test
  void aDecodedNameIsOneCleanLine() throws Exception {
    assertThat(names("To: =?utf-8?q?Alice=0D=0AWARN_login_failed_=E2=80=AEfdp.exe?= <a@x.example>"))
        .containsExactly("Alice WARN login failed fdp.exe");
  }

  @Test
  void namesWithQuotesAndBackslashesSurviveTheRoundTrip() throws Exception {
    assertThat(names("To: \"Dana \\\"D\\\" B\\\\erg\" <d@x.example>, plain@x.example, <bare@x.example>"))
        .containsExactly("Dana \"D\" B\\erg", null, null);
  }

  @Test
  void garbageIsDroppedAddressByAddress() throws Exception {
    assertThat(Addresses.of(message("To: good@acme.example, @@@, <not an address>\nFrom: ;;;@@@ <<<>>> garbage"), "To"))
        .extracting(EmailAddress::address).containsExactly("good@acme.example");
    assertThat(Addresses.of(message("To: Team: a@x.example, b@x.example;"), "To"))
        .extracting(EmailAddress::address).containsExactly("a@x.example", "b@x.example");
    assertThat(Addresses.of(message("To: a@x.example"), "Cc")).isEmpty();
  }
}
