package io.secondcall.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SyncReportTest {

  private static final URI COLLECTION = URI.create("https://dav.example.com/dana/calendar/");

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void changedAndRemovedMembersAndTheNewTokenAreRead() {
    String xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <d:multistatus xmlns:d="DAV:">
          <d:response>
            <d:href>/dana/calendar/standup.ics</d:href>
            <d:propstat><d:prop><d:getetag>"e7"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
          </d:response>
          <d:response>
            <d:href>/dana/calendar/gone.ics</d:href>
            <d:status>HTTP/1.1 404 Not Found</d:status>
          </d:response>
          <d:response>
            <d:href>https://dav.example.com/dana/calendar/new%20one.ics</d:href>
            <d:propstat><d:prop><d:getetag>"e8"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
          </d:response>
          <d:sync-token>http://radicale.org/ns/sync/5e1f</d:sync-token>
        </d:multistatus>
        """;

    SyncReport report = SyncReport.parse(utf8(xml), COLLECTION);

    assertThat(report.changed())
        .containsExactly("/dana/calendar/standup.ics", "https://dav.example.com/dana/calendar/new%20one.ics");
    assertThat(report.removed()).containsExactly("/dana/calendar/gone.ics");
    assertThat(report.token()).isEqualTo("http://radicale.org/ns/sync/5e1f");
    assertThat(report.truncated()).isFalse();
  }

  @Test
  void noChangesIsAnEmptyReportWithItsToken() {
    String xml = "<multistatus xmlns=\"DAV:\"><sync-token>data:,41</sync-token></multistatus>";

    SyncReport report = SyncReport.parse(utf8(xml), COLLECTION);

    assertThat(report.changed()).isEmpty();
    assertThat(report.removed()).isEmpty();
    assertThat(report.token()).isEqualTo("data:,41");
  }

  @Test
  void aCollectionEntryWith507SaysTheListIsTruncatedAndIsNoMember() {
    String xml = """
        <multistatus xmlns="DAV:">
          <response><href>/dana/calendar/a.ics</href>
            <propstat><prop><getetag>"1"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response>
          <response><href>/dana/calendar/</href><status>HTTP/1.1 507 Insufficient Storage</status></response>
          <sync-token>data:,42</sync-token>
        </multistatus>
        """;

    SyncReport report = SyncReport.parse(utf8(xml), COLLECTION);

    assertThat(report.changed()).containsExactly("/dana/calendar/a.ics");
    assertThat(report.truncated()).isTrue();
  }

  @Test
  void anAnswerWithoutTokenHasNone() {
    SyncReport report = SyncReport.parse(utf8("<multistatus xmlns=\"DAV:\"><sync-token/></multistatus>"), COLLECTION);

    assertThat(report.token()).isNull();
  }

  @Test
  void anAnswerThatIsNotAMultistatusIsRefused() {
    assertThatThrownBy(() -> SyncReport.parse(utf8("<html/>"), COLLECTION))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theStatusSaysWhetherThereAreChangesTheTokenIsUnknownOrTheReportIsUnsupported() {
    byte[] invalidToken = utf8("<D:error xmlns:D=\"DAV:\"><D:valid-sync-token/></D:error>");

    assertThat(SyncReport.judge(207, utf8("<multistatus xmlns=\"DAV:\"/>"))).isEqualTo(SyncReport.Outcome.CHANGES);
    assertThat(SyncReport.judge(403, invalidToken)).isEqualTo(SyncReport.Outcome.INVALID_TOKEN);
    assertThat(SyncReport.judge(409, invalidToken)).isEqualTo(SyncReport.Outcome.INVALID_TOKEN);
    assertThat(SyncReport.judge(403, utf8("<D:error xmlns:D=\"DAV:\"><D:supported-report/></D:error>")))
        .isEqualTo(SyncReport.Outcome.UNSUPPORTED);
    assertThat(SyncReport.judge(501, new byte[0])).isEqualTo(SyncReport.Outcome.UNSUPPORTED);
    assertThat(SyncReport.judge(405, null)).isEqualTo(SyncReport.Outcome.UNSUPPORTED);
  }

  @Test
  void membersAreKeptByTheirDecodedPathHoweverTheServerSpellsThem() {
    assertThat(SyncReport.key("/dana/calendar/c1%40secondcall.ics")).isEqualTo("/dana/calendar/c1@secondcall.ics");
    assertThat(SyncReport.key("https://dav.example.com/dana/calendar/c1@secondcall.ics"))
        .isEqualTo("/dana/calendar/c1@secondcall.ics");
    assertThat(SyncReport.key("/dana/calendar/not a uri.ics")).isEqualTo("/dana/calendar/not a uri.ics");
    assertThat(SyncReport.isCollection("/dana/calendar", COLLECTION)).isTrue();
    assertThat(SyncReport.isCollection("/dana/calendar/a.ics", COLLECTION)).isFalse();
  }
}
