package io.secondcall.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DavBodiesTest {

  @Test
  void theSyncReportSendsTheOldTokenAtLevelOneAndAsksOnlyForEtags() {
    String body = DavBodies.syncCollection("http://radicale.org/ns/sync/a&b");

    assertThat(body)
        .contains("<D:sync-collection xmlns:D=\"DAV:\"")
        .contains("<D:sync-token>http://radicale.org/ns/sync/a&amp;b</D:sync-token>")
        .contains("<D:sync-level>1</D:sync-level>")
        .contains("<D:prop><D:getetag/></D:prop>")
        .doesNotContain("calendar-data");
  }

  @Test
  void theMultigetNamesEveryHrefOnceEscaped() {
    String body = DavBodies.multiget(List.of("/dana/cal/a.ics", "/dana/cal/r&d.ics"));

    assertThat(body)
        .contains("<C:calendar-multiget")
        .contains("<D:prop><D:getetag/><C:calendar-data/></D:prop>")
        .contains("<D:href>/dana/cal/a.ics</D:href>")
        .contains("<D:href>/dana/cal/r&amp;d.ics</D:href>");
  }

  @Test
  void theFullReadAsksForEveryResourceWithoutATimeRange() {
    assertThat(DavBodies.allResources())
        .contains("<C:comp-filter name=\"VCALENDAR\"/>")
        .contains("<C:calendar-data/>")
        .doesNotContain("time-range")
        .doesNotContain("VEVENT");
  }

  @Test
  void aPropfindDeclaresTheCalendarServerNamespaceForTheCtag() {
    assertThat(DavBodies.propfind("D:sync-token", "CS:getctag"))
        .contains("xmlns:CS=\"http://calendarserver.org/ns/\"")
        .contains("<D:prop><D:sync-token/><CS:getctag/></D:prop>");
  }
}
