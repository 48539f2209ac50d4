package io.secondcall.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.FollowUpRules;
import io.secondcall.core.WorkingHours;
import io.secondcall.holidays.JollydayHolidays;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;
  private ConfigFiles files;

  @BeforeEach
  void setUp() {
    files = new ConfigFiles(dir);
  }

  @Test
  void minimalConfigGetsEveryDefault() {
    Config c = files.load(ConfigFiles.MINIMAL);

    assertThat(c.source()).isEqualTo(dir.resolve("config.yaml"));
    assertThat(c.identity().name()).isEqualTo("Dana Example");
    assertThat(c.identity().addresses()).containsExactly("dana@example.com");
    assertThat(c.identity().internalDomains()).isEmpty();
    assertThat(c.primaryAddress()).isEqualTo("dana@example.com");
    assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(c.workingHours()).isEqualTo(WorkingHours.DEFAULT);
    assertThat(c.holidays()).isNull();
    assertThat(c.holidayCalendar().isHoliday(LocalDate.of(2026, 12, 25))).isFalse();
    // Unset: drafts sign as the user signs their mail (see VariablesTest).
    assertThat(c.signature()).isNull();

    ImapSettings imap = c.mail().imap();
    assertThat(c.mail().provider()).isEqualTo(MailSettings.Provider.IMAP);
    assertThat(imap.port()).isEqualTo(993);
    assertThat(imap.security()).isEqualTo(ImapSettings.Security.TLS);
    assertThat(imap.password().reveal()).isEqualTo("from-env");
    assertThat(imap.sentFolder()).isNull();
    assertThat(imap.draftsFolder()).isNull();
    assertThat(imap.inboxFolder()).isEqualTo("INBOX");

    assertThat(c.calendar()).isEqualTo(CalendarSettings.none());
    assertThat(c.google()).isEqualTo(GoogleSettings.defaults());
    assertThat(c.followUp()).isEqualTo(FollowUpRules.defaults());
    assertThat(c.callbacks()).isEqualTo(new CallbackSettings(3, 15));
    assertThat(c.contacts()).isEmpty();
    assertThat(c.pollInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.templatesDir()).isNull();
    assertThat(c.stateDir()).isEqualTo(dir.resolve("state"));
    assertThat(c.keepDays()).isEqualTo(365);
  }

  @Test
  void draftLanguageIsAutoUnlessSet() {
    assertThat(files.load(ConfigFiles.MINIMAL).followUp().language()).isEqualTo("auto");
    assertThat(files.load(ConfigFiles.MINIMAL + "followup:\n  language: DE\n").followUp().language()).isEqualTo("de");
  }

  @Test
  void startTlsDefaultsToPort143() {
    Config c = files.load(ConfigFiles.minimalWith("username: dana", "username: dana\n    security: starttls"));
    assertThat(c.mail().imap().port()).isEqualTo(143);
    assertThat(c.mail().imap().security()).isEqualTo(ImapSettings.Security.STARTTLS);
  }

  @Test
  void everyKeySetIsRead() throws Exception {
    files.privateFile("imap.pass", "imap-secret\n");
    files.privateFile("google-client.json", "{}");
    Files.createDirectory(dir.resolve("templates"));
    Config c = files.load("""
        me:
          name: Dana Example
          addresses: [Dana@Example.com, dana@consulting.example]
          internal_domains: [example.com]
          timezone: America/New_York
          working_hours: 8:30-16:00
          holidays: us-ny
          signature: "Dana\\nExample Consulting"
        mail:
          provider: imap
          imap:
            host: 127.0.0.1
            port: 3143
            security: none
            username: dana
            password_file: imap.pass
            sent_folder: Sent Items
            drafts_folder: Entwürfe
            inbox_folder: Posteingang
        calendar:
          provider: google
          google: {calendar_id: work@group.calendar.google.com}
        google:
          credentials_file: google-client.json
          endpoints:
            api: http://127.0.0.1:8080/
            auth: http://localhost:8080/auth
            token: http://[::1]:8080/token
        followup:
          track: tagged
          tag_addresses: [dana+fu@example.com]
          tag_label: follow-up
          reply_match: domain
          lookback_days: 7
          cadence: [2, 4]
          nurture_days: 30
          max_touches: 5
          max_recipients: 2
          max_drafts_per_day: 4
          after_meeting_days: 2
          stop_folder: Stop
          auto_send: false
        callbacks: {per_day: 1, duration_minutes: 30}
        ignore:
          addresses: [noreply@vendor.example]
          domains: [vendor.example]
        contacts:
          "Alice@Acme.example": {name: Alice Smith, phone: "+49 30 1234567", company: Acme}
          bob@beta.example: ~
          carol@gamma.example: {timezone: America/Chicago}
        daemon: {poll_seconds: 60}
        templates_dir: templates
        state: {keep_days: 90}
        state_dir: /var/lib/secondcall
        """);

    assertThat(c.identity().addresses()).containsExactlyInAnyOrder("dana@example.com", "dana@consulting.example");
    assertThat(c.primaryAddress()).isEqualTo("dana@example.com");
    assertThat(c.identity().internalDomains()).containsExactly("example.com");
    assertThat(c.identity().ignoredAddresses()).containsExactly("noreply@vendor.example");
    assertThat(c.identity().ignoredDomains()).containsExactly("vendor.example");
    assertThat(c.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(c.workingHours()).isEqualTo(new WorkingHours(LocalTime.of(8, 30), LocalTime.of(16, 0)));
    assertThat(c.holidays()).isEqualTo("US-NY");
    assertThat(c.holidayCalendar()).isInstanceOf(JollydayHolidays.class);
    assertThat(c.signature()).isEqualTo("Dana\nExample Consulting");

    assertThat(c.mail().imap()).isEqualTo(new ImapSettings("127.0.0.1", 3143, ImapSettings.Security.NONE, "dana",
        Secret.fromFile(c.source(), "x", dir.resolve("imap.pass")), "Sent Items", "Entwürfe", "Posteingang"));
    assertThat(c.mail().imap().password().reveal()).isEqualTo("imap-secret");

    assertThat(c.calendar().provider()).isEqualTo(CalendarSettings.Provider.GOOGLE);
    assertThat(c.calendar().googleCalendarId()).isEqualTo("work@group.calendar.google.com");
    assertThat(c.usesGoogle()).isTrue();
    assertThat(c.google()).isEqualTo(new GoogleSettings(dir.resolve("google-client.json"),
        URI.create("http://127.0.0.1:8080/"), URI.create("http://localhost:8080/auth"),
        URI.create("http://[::1]:8080/token")));

    assertThat(c.followUp()).isEqualTo(new FollowUpRules(FollowUpRules.Track.TAGGED, Set.of("dana+fu@example.com"),
        "follow-up", FollowUpRules.ReplyMatch.DOMAIN, 7, List.of(2, 4), 30, 5, 2, 4, 2, "Stop", false));
    assertThat(c.callbacks()).isEqualTo(new CallbackSettings(1, 30));
    assertThat(c.contacts()).isEqualTo(Map.of(
        "alice@acme.example", new ContactInfo("Alice Smith", "+49 30 1234567", "Acme"),
        "bob@beta.example", new ContactInfo(null, null, null),
        "carol@gamma.example", new ContactInfo(null, null, null, java.time.ZoneId.of("America/Chicago"))));
    assertThat(c.contact("ALICE@acme.example")).map(ContactInfo::name).contains("Alice Smith");
    assertThat(c.pollInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.templatesDir()).isEqualTo(dir.resolve("templates"));
    assertThat(c.stateDir()).isEqualTo(Path.of("/var/lib/secondcall"));
    assertThat(c.keepDays()).isEqualTo(90);
  }

  @Test
  void businessCalendarUsesZoneHoursAndHolidays() {
    Config c = files.load(ConfigFiles.minimalWith("timezone: Europe/Berlin",
        "timezone: Europe/Berlin\n  holidays: DE-BY\n  working_hours: \"10:00-18:00\""));
    var calendar = c.businessCalendar();
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 1, 6))).isFalse(); // Epiphany in Bavaria
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 1, 7))).isTrue();
    assertThat(calendar.startOfWork(LocalDate.of(2026, 1, 7)))
        .isEqualTo(LocalDate.of(2026, 1, 7).atTime(10, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());
  }

  @Test
  void gmailNeedsNoImapSection() {
    files.privateFile("client.json", "{}");
    Config c = files.load("""
        me: {name: Dana, addresses: [dana@gmail.example], timezone: UTC}
        mail:
          provider: gmail
          gmail: {}
        google: {credentials_file: client.json}
        state_dir: /tmp/state
        """);
    assertThat(c.mail()).isEqualTo(new MailSettings(MailSettings.Provider.GMAIL, null));
    assertThat(c.google().credentialsFile()).isEqualTo(dir.resolve("client.json"));
    assertThat(c.google().api()).isEqualTo(GoogleSettings.DEFAULT_API);
  }

  @Test
  void icsAndCalDavCalendars() {
    Config ics = files.load(ConfigFiles.MINIMAL + "calendar: {provider: ics, ics: {path: cal/my.ics}}\n");
    assertThat(ics.calendar().icsPath()).isEqualTo(dir.resolve("cal/my.ics"));

    Config dav = files.load(ConfigFiles.MINIMAL + """
        calendar:
          caldav: {url: "https://dav.example.com/dana/cal/", username: dana, password_env: DAV_PASSWORD}
        """);
    assertThat(dav.calendar().provider()).isEqualTo(CalendarSettings.Provider.CALDAV);
    assertThat(dav.calendar().caldav().url()).isEqualTo(URI.create("https://dav.example.com/dana/cal/"));
    assertThat(dav.calendar().caldav().password().reveal()).isEqualTo("dav-secret");
  }

  @Test
  void loopbackHostsMayGoWithoutTls() {
    for (String host : List.of("localhost", "127.0.0.1", "127.1.2.3", "::1", "\"[::1]\"", "LOCALHOST")) {
      Config c = files.load(ConfigFiles.minimalWith("host: imap.example.com", "host: " + host + "\n    security: none"));
      assertThat(c.mail().imap().security()).as(host).isEqualTo(ImapSettings.Security.NONE);
      assertThat(c.mail().imap().port()).isEqualTo(143);
    }
  }

  @Test
  void theExampleConfigLoadsAsIs() throws Exception {
    Path example = Path.of("config/secondcall.example.yaml");
    Files.copy(example, dir.resolve("config.yaml"));
    files.privateFile("imap-password", "example-password\n");

    Config c = ConfigLoader.load(dir.resolve("config.yaml"), Map.of());

    assertThat(c.identity().name()).isEqualTo("Dana Example");
    assertThat(c.holidays()).isEqualTo("DE-BY");
    assertThat(c.mail().imap().host()).isEqualTo("imap.example.com");
    assertThat(c.mail().imap().password().reveal()).isEqualTo("example-password");
    assertThat(c.calendar().provider()).isEqualTo(CalendarSettings.Provider.ICS);
    assertThat(c.calendar().icsPath()).isEqualTo(Path.of("/var/lib/secondcall/calendar.ics"));
    assertThat(c.signature()).isEqualTo("Dana Example\nExample Consulting, +49 30 1234567");
    // The example documents the defaults: it must mean the same as leaving them out.
    assertThat(c.followUp()).isEqualTo(FollowUpRules.defaults());
    assertThat(c.callbacks()).isEqualTo(CallbackSettings.DEFAULTS);
    assertThat(c.workingHours()).isEqualTo(WorkingHours.DEFAULT);
    assertThat(c.pollInterval()).isEqualTo(Duration.ofSeconds(300));
    assertThat(c.stateDir()).isEqualTo(Path.of("/var/lib/secondcall"));
  }
}
