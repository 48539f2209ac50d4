package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.mail.imap.ImapAccount.Security;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ImapAccountTest {

  private static ImapAccount account(String host, Security security) {
    return new ImapAccount(host, 993, security, "dana", "pw", null, null, null, null, null);
  }

  @Test
  void unencryptedImapIsRefusedForAnyHostButLoopback() {
    assertThatThrownBy(() -> account("imap.example.com", Security.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("imap.example.com");
    assertThatThrownBy(() -> account("10.0.0.1", Security.NONE)).isInstanceOf(IllegalArgumentException.class);
    assertThat(account("localhost", Security.NONE).host()).isEqualTo("localhost");
    assertThat(account("127.0.0.1", Security.NONE).host()).isEqualTo("127.0.0.1");
    assertThat(account("::1", Security.NONE).host()).isEqualTo("::1");
    assertThat(account("[::1]", Security.NONE).host()).isEqualTo("[::1]");
    // Names that DNS would answer for: where they lead is not ours to trust with a password.
    assertThatThrownBy(() -> account("mail.localhost", Security.NONE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> account("localhost.", Security.NONE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultsFillTheOptionalFields() {
    ImapAccount a = account("imap.example.com", Security.TLS);

    assertThat(a.inboxFolder()).isEqualTo("INBOX");
    assertThat(a.stopFolder()).isEqualTo("secondcall/stop");
    assertThat(a.sentFolder()).isNull();
    assertThat(a.timeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void thePasswordNeverShowsInToString() {
    assertThat(account("imap.example.com", Security.TLS).toString()).doesNotContain("pw").contains("dana");
  }

  @Test
  void badValuesAreRefused() {
    assertThatThrownBy(() -> new ImapAccount(" ", 993, Security.TLS, "u", "p", null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ImapAccount("h", 0, Security.TLS, "u", "p", null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ImapAccount("h", 993, Security.TLS, "u", "p", null, null, null, null, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everySocketGetsTheTimeoutAndTlsChecksTheServerName() {
    ImapAccount tls = new ImapAccount("imap.example.com", 993, Security.TLS, "u", "p", null, null, null, null,
        Duration.ofSeconds(30));

    Properties p = ImapConnection.sessionProperties(tls);

    assertThat(p.getProperty("mail.store.protocol")).isEqualTo("imaps");
    assertThat(p.getProperty("mail.imaps.connectiontimeout")).isEqualTo("30000");
    assertThat(p.getProperty("mail.imaps.timeout")).isEqualTo("30000");
    assertThat(p.getProperty("mail.imaps.writetimeout")).isEqualTo("30000");
    assertThat(p.getProperty("mail.imaps.ssl.checkserveridentity")).isEqualTo("true");
    assertThat(p.getProperty("mail.imaps.peek")).isEqualTo("true");
  }

  @Test
  void starttlsIsRequiredNotMerelyTried() {
    ImapAccount starttls = new ImapAccount("imap.example.com", 143, Security.STARTTLS, "u", "p", null, null, null,
        null, null);

    Properties p = ImapConnection.sessionProperties(starttls);

    assertThat(p.getProperty("mail.store.protocol")).isEqualTo("imap");
    assertThat(p.getProperty("mail.imap.starttls.enable")).isEqualTo("true");
    assertThat(p.getProperty("mail.imap.starttls.required")).isEqualTo("true");
    assertThat(p.getProperty("mail.imap.timeout")).isEqualTo("60000");
  }
}
