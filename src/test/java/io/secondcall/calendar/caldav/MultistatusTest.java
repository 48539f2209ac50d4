package io.secondcall.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultistatusTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsHrefEtagAndCalendarDataWhateverThePrefixes() {
    String xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <d:multistatus xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav">
          <d:response>
            <d:href>/dana/calendar/a.ics</d:href>
            <d:propstat>
              <d:prop><d:getetag>"e1"</d:getetag><cal:calendar-data>BEGIN:VCALENDAR&#13;
        SUMMARY:R&amp;D &lt;weekly&gt;&#13;
        END:VCALENDAR&#13;
        </cal:calendar-data></d:prop>
              <d:status>HTTP/1.1 200 OK</d:status>
            </d:propstat>
          </d:response>
          <response xmlns="DAV:">
            <href>/dana/calendar/b%40x.ics</href>
            <propstat><prop><getetag>"e2"</getetag>
              <C:calendar-data xmlns:C="urn:ietf:params:xml:ns:caldav"><![CDATA[BEGIN:VCALENDAR
        END:VCALENDAR
        ]]></C:calendar-data></prop><status>HTTP/1.1 200 OK</status></propstat>
          </response>
        </d:multistatus>
        """;

    Multistatus ms = Multistatus.parse(utf8(xml));

    assertThat(ms.members()).extracting(Multistatus.Member::href, Multistatus.Member::etag, Multistatus.Member::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/dana/calendar/a.ics", "\"e1\"", 200),
            org.assertj.core.groups.Tuple.tuple("/dana/calendar/b%40x.ics", "\"e2\"", 200));
    assertThat(ms.members().get(0).calendarData()).contains("SUMMARY:R&D <weekly>\r\n");
    assertThat(ms.members().get(1).calendarData()).startsWith("BEGIN:VCALENDAR\n");
    assertThat(ms.syncToken()).isNull();
  }

  @Test
  void propertiesReportedMissingCarryNoValue() {
    String xml = """
        <multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
          <response>
            <href>/dana/calendar/a.ics</href>
            <propstat><prop><getetag>"e1"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat>
            <propstat><prop><C:calendar-data>should not be read</C:calendar-data></prop>
              <status>HTTP/1.1 404 Not Found</status></propstat>
          </response>
        </multistatus>
        """;

    Multistatus.Member m = Multistatus.parse(utf8(xml)).members().get(0);

    assertThat(m.etag()).isEqualTo("\"e1\"");
    assertThat(m.calendarData()).isNull();
  }

  @Test
  void aSyncReportGivesRemovedMembersAndTheNewToken() {
    String xml = """
        <multistatus xmlns="DAV:">
          <response><href>/dana/calendar/gone.ics</href><status>HTTP/1.1 404 Not Found</status></response>
          <sync-token>http://radicale.org/ns/sync/4f1a</sync-token>
        </multistatus>
        """;

    Multistatus ms = Multistatus.parse(utf8(xml));

    assertThat(ms.members()).extracting(Multistatus.Member::href, Multistatus.Member::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/dana/calendar/gone.ics", 404));
    assertThat(ms.syncToken()).isEqualTo("http://radicale.org/ns/sync/4f1a");
  }

  @Test
  void readsOneNamedPropertyFromAPropfindAnswer() {
    String xml = """
        <multistatus xmlns="DAV:"><response><href>/dana/calendar/</href>
          <propstat><prop><sync-token> http://radicale.org/ns/sync/77 </sync-token></prop>
          <status>HTTP/1.1 200 OK</status></propstat></response></multistatus>
        """;

    assertThat(Multistatus.property(utf8(xml), Multistatus.DAV, "sync-token"))
        .isEqualTo("http://radicale.org/ns/sync/77");
    assertThat(Multistatus.property(utf8(xml), Multistatus.DAV, "getctag")).isNull();
  }

  @Test
  void refusesDocumentsWithADoctypeSoNoFileIsEverRead(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
    String xml = "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE multistatus [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<multistatus xmlns=\"DAV:\"><response><href>&x;</href></response></multistatus>";

    assertThatThrownBy(() -> Multistatus.parse(utf8(xml)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOCTYPE")
        .hasMessageNotContaining("top secret");
  }

  @Test
  void refusesWhatIsNotAMultistatus() {
    assertThatThrownBy(() -> Multistatus.parse(utf8("<error xmlns=\"DAV:\"><need-privileges/></error>")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root element is error");
    assertThatThrownBy(() -> Multistatus.parse(utf8("<html><body>Bad gateway</body>")))
        .isInstanceOf(IllegalArgumentException.class);
    // No namespace: a look-alike from a server that does not speak WebDAV.
    assertThatThrownBy(() -> Multistatus.parse(utf8("<multistatus><response><href>/a</href></response></multistatus>")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statusLinesGiveTheirCode() {
    assertThat(Multistatus.statusCode("HTTP/1.1 207 Multi-Status")).isEqualTo(207);
    assertThat(Multistatus.statusCode("  HTTP/1.1 404 Not Found\n")).isEqualTo(404);
    assertThat(Multistatus.statusCode("garbage")).isZero();
  }
}
