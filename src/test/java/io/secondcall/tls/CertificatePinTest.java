package io.secondcall.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CertificatePinTest {

  private static final String HEX = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF";

  @Test
  void readsThePrefixedColonFormInAnyCaseAndTheBareHex() {
    CertificatePin pin = new CertificatePin(HEX);
    String colons = pin.toString();

    assertThat(colons).startsWith("SHA256:01:23:45").hasSize("SHA256".length() + 32 * 3);
    assertThat(CertificatePin.parse(colons)).isEqualTo(pin);
    assertThat(CertificatePin.parse(colons.toLowerCase())).isEqualTo(pin);
    assertThat(CertificatePin.parse(colons.substring("SHA256:".length()))).isEqualTo(pin);
    assertThat(CertificatePin.parse(HEX.toLowerCase())).isEqualTo(pin);
    assertThat(CertificatePin.parse("  sha256:" + HEX + " ")).isEqualTo(pin);
  }

  @Test
  void refusesAnythingButThirtyTwoBytesOfHex() {
    for (String bad : new String[] {"", "SHA256:", HEX.substring(2), HEX + "00", HEX.replace('A', 'G'),
        "SHA1:" + HEX, "0:123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"}) {
      assertThatThrownBy(() -> CertificatePin.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA256:AB:CD");
    }
  }
}
