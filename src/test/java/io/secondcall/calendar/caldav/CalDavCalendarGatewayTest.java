package io.secondcall.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** What the constructor accepts; no request is sent. */
class CalDavCalendarGatewayTest {

  private static CalDavCalendarGateway gateway(String url) {
    return new CalDavCalendarGateway(URI.create(url), "dana", "pw", ZoneId.of("Europe/Berlin"), Duration.ofSeconds(5));
  }

  @Test
  void plainHttpIsRefusedForAHostThatIsNotThisMachine() {
    assertThatThrownBy(() -> gateway("http://dav.example.com/dana/calendar/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dav.example.com").hasMessageContaining("https");
    // A name that merely starts like a loopback address is still a remote host.
    assertThatThrownBy(() -> gateway("http://127.0.0.1.example.com/dana/calendar/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> gateway("http://localhost.evil.example/dana/calendar/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> gateway("http://0.0.0.0:5232/dana/calendar/")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plainHttpIsFineOnLoopbackAndHttpsAnywhere() {
    assertThat(gateway("http://127.0.0.1:5232/dana/calendar/").collection()).hasPort(5232);
    assertThat(gateway("http://localhost:5232/dana/calendar/").collection()).hasHost("localhost");
    assertThat(gateway("http://[::1]:5232/dana/calendar/").collection()).hasPort(5232);
    assertThat(gateway("http://127.8.9.10:5232/dana/calendar/").collection()).hasPort(5232);
    assertThat(gateway("http://LOCALHOST:5232/dana/calendar/").collection()).hasPort(5232);
    assertThat(gateway("https://dav.example.com/dana/calendar/").collection()).hasHost("dav.example.com");
  }

  @Test
  void theCollectionUrlGetsItsTrailingSlash() {
    assertThat(gateway("https://dav.example.com/dana/calendar").collection())
        .isEqualTo(URI.create("https://dav.example.com/dana/calendar/"));
  }

  @Test
  void otherSchemesAndBadSettingsAreRefused() {
    assertThatThrownBy(() -> gateway("ftp://dav.example.com/cal/")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CalDavCalendarGateway(URI.create("https://dav.example.com/cal/"), " ", "pw",
        ZoneId.of("UTC"), Duration.ofSeconds(5))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CalDavCalendarGateway(URI.create("https://dav.example.com/cal/"), "dana", "pw",
        ZoneId.of("UTC"), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
