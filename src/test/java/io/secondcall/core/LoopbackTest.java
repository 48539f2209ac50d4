package io.secondcall.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a plain-text password may go: this machine only, judged from the host's spelling. */
class LoopbackTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "127.0.0.1", "127.1.2.3", "127.255.255.255", "127.0.0.01", " 127.0.0.1 ",
      "::1", "[::1]", "0:0:0:0:0:0:0:1", "0000:0000:0000:0000:0000:0000:0000:0001", "0::1", "::0:1",
      "::ffff:127.0.0.1", "[::FFFF:127.9.9.9]", "::ffff:7f00:1", "[127.0.0.1]",
      "localhost", "LOCALHOST", "LocalHost"})
  void thisMachine(String host) {
    assertThat(Loopback.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // Names that are looked up when connecting: a DNS answer decides where they go.
      "localhost.", "LOCALHOST.", "localhost.evil.com", "mail.localhost", "[localhost]", "127.0.0.1.example.com",
      "imap.example.com", "dav.example.com", "evil-localhost",
      // Literals of other machines, or of no machine at all.
      "0.0.0.0", "10.0.0.1", "128.0.0.1", "126.255.255.255", "192.168.1.10", "::", "::0", "::2", "::1:0",
      "1::1", "::127.0.0.1", "::fffe:127.0.0.1", "::ffff:10.0.0.1", "fe80::1", "2001:db8::1",
      // Not literals, or spellings only some parsers read as one: refused rather than guessed.
      "127.0.0.256", "127.0.0", "127.1", "1270.0.0.1", "::1%lo", ":::1", "::1::", "1:2:3:4:5:6:7:8:1",
      "0:0:0:0:0:0:1", "12345::1", "::127.0.0.1.1", "127.0.0.1::", "[::1", "::1]", "", "  "})
  void notThisMachine(String host) {
    assertThat(Loopback.isLoopback(host)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "127.0.0.1", "127.200.1.9", "10.0.0.1", "0.0.0.0", "::1", "0:0:0:0:0:0:0:1", "::0:1", "::", "::2",
      "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a00:1", "::127.0.0.1", "1:2:3:4:5:6:7::", "::1:0",
      "fe80::1", "2001:db8:0:0:0:0:0:1", "0:0:0:0:0:ffff:7f00:1"})
  void ipLiteralsAreJudgedAsJavaConnectsToThem(String literal) throws UnknownHostException {
    // For a literal, InetAddress parses and never asks DNS; the rule must agree with where Java connects.
    assertThat(Loopback.isLoopback(literal)).isEqualTo(InetAddress.getByName(literal).isLoopbackAddress());
  }

  @Test
  void nullIsNoHost() {
    assertThat(Loopback.isLoopback(null)).isFalse();
  }
}
