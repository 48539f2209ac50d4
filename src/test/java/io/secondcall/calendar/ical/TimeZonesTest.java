package io.secondcall.calendar.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeZonesTest {

  @Test
  void ianaWindowsAndPrefixedNamesResolve() {
    assertThat(TimeZones.byName("Europe/Berlin")).contains(ZoneId.of("Europe/Berlin"));
    assertThat(TimeZones.byName("W. Europe Standard Time")).contains(ZoneId.of("Europe/Berlin"));
    assertThat(TimeZones.byName("\"Pacific Standard Time\"")).contains(ZoneId.of("America/Los_Angeles"));
    assertThat(TimeZones.byName("romance standard time")).contains(ZoneId.of("Europe/Paris"));
    assertThat(TimeZones.byName("/mozilla.org/20050126_1/America/New_York")).contains(ZoneId.of("America/New_York"));
    assertThat(TimeZones.byName("/citadel.org/20190914_1/Europe/Vienna")).contains(ZoneId.of("Europe/Vienna"));
  }

  @Test
  void unknownNamesAreLeftToTheFilesVtimezone() {
    assertThat(TimeZones.byName("Customized Time Zone")).isEmpty();
    assertThat(TimeZones.byName("Mars/Olympus")).isEmpty();
  }
}
