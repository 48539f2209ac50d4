package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code secondcall check} as a user runs it after editing the config: one line per part, every
 * part tried even when an earlier one failed, the worst exit code, and never a stack trace.
 */
class CheckCommandIT {

  @RegisterExtension
  static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  static final String DANA = "dana@northwind.example";
  static final String EMPTY_CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n";

  @TempDir Path dir;

  @BeforeEach
  void setUp() throws Exception {
    GREENMAIL.setUser(DANA, DANA, "secret");
    // Every real mailbox has one; GreenMail starts with INBOX alone.
    GREENMAIL.getManagers().getImapHostManager().createMailbox(
        GREENMAIL.getManagers().getUserManager().getUser(DANA), "Sent");
    secret("imap-password", "secret");
  }

  void secret(String name, String value) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, value + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  /** A config with the IMAP account on GreenMail and the given sections after it. */
  Path config(String... more) throws Exception {
    List<String> lines = new ArrayList<>(List.of(
        "me:",
        "  name: Dana Weber",
        "  addresses: [" + DANA + "]",
        "  timezone: Europe/Berlin",
        "mail:",
        "  provider: imap",
        "  imap:",
        "    host: 127.0.0.1",
        "    port: " + GREENMAIL.getImap().getPort(),
        "    security: none",
        "    username: " + DANA,
        "    password_file: imap-password",
        "state_dir: state"));
    lines.addAll(List.of(more));
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  static CliIT.Result check(Path config) {
    return CliIT.run("check", "--config", config.toString());
  }

  static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The line of a part, e.g. "calendar". */
  static String line(CliIT.Result result, String part) {
    return result.out().lines().filter(l -> l.startsWith(part + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + part + " line in:\n" + result.out()));
  }

  static void assertNoStackTrace(CliIT.Result result) {
    assertThat(result.out() + result.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void aSentFolderThatDoesNotExistFailsTheCheckNamingTheKeyAndTheFoldersThereAre() throws Exception {
    Path config = config();
    Files.writeString(config, Files.readString(config).replace("    password_file: imap-password",
        "    password_file: imap-password\n    sent_folder: Sent Messages"));

    CliIT.Result result = check(config);

    assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(line(result, "imap")).contains("\"Sent Messages\" does not exist")
        .contains("set mail.imap.sent_folder to one of: \"INBOX\", \"Sent\"");
  }

  @Test
  void everyPartFineExitsZero() throws Exception {
    Files.writeString(dir.resolve("calendar.ics"), EMPTY_CALENDAR);

    CliIT.Result result = check(config("calendar:", "  provider: ics", "  ics:", "    path: calendar.ics"));

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    for (String part : List.of("config", "templates", "state", "imap", "calendar")) {
      assertThat(line(result, part)).as(part).contains(": ok");
    }
    assertThat(line(result, "imap")).contains("Sent is");
    assertThat(line(result, "calendar")).contains("busy period(s)");
    assertThat(result.err()).isEmpty();
  }

  /** Sent and Drafts as a mail client leaves them, with {@code sent} messages in Sent. */
  void folders(int sent) throws Exception {
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", GREENMAIL.getImap().getPort(), DANA, "secret");
      for (String name : List.of("Sent", "Drafts")) {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
          folder.create(Folder.HOLDS_MESSAGES);
        }
      }
      for (int i = 0; i < sent; i++) {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(DANA));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@acme.example"));
        m.setSubject("Proposal " + i);
        m.setSentDate(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
        m.setText("Hi, here is the proposal.");
        store.getFolder("Sent").appendMessages(new Message[] {m});
      }
    }
  }

  @Test
  void saysWhatItResolved() throws Exception {
    folders(2);
    Path config = config("templates_dir: templates");
    Files.writeString(config, Files.readString(config).replace("  timezone: Europe/Berlin\n",
        "  timezone: Europe/Berlin\n  holidays: de-by\n  working_hours: \"08:30-16:00\"\n"));
    Files.createDirectories(dir.resolve("templates"));

    CliIT.Result result = check(config);

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(line(result, "time zone")).matches("time zone +Europe/Berlin: ok, now \\w{3} \\d+ \\w{3} \\d\\d:\\d\\d"
        + " \\(UTC\\+0[12]:00\\)");
    assertThat(line(result, "holidays")).matches("holidays +DE-BY: ok, Bavaria, Germany, 12 public holidays in \\d{4}");
    assertThat(line(result, "hours")).contains("08:30-16:00: ok, Monday to Friday except public holidays");
    assertThat(line(result, "sent")).contains("folder \"Sent\": ok, 2 messages");
    assertThat(line(result, "drafts")).contains("folder \"Drafts\": ok, 0 messages, writable");
    assertThat(line(result, "inbox")).contains("folder \"INBOX\": ok, 0 messages, writable");
    // GreenMail separates folders with '.', so the configured "secondcall/stop" is "secondcall.stop" there.
    assertThat(line(result, "stop")).contains("folder \"secondcall.stop\": ok, not there yet");
    assertThat(line(result, "next")).contains("ok, none planned");
    assertThat(line(result, "calendar")).contains("no calendar configured");
  }

  @Test
  void namesTheStepThatFallsDueFirst() throws Exception {
    folders(0);
    Path config = config();
    CliIT.sent(GREENMAIL.getImap().getPort(), "p1@northwind.example", Instant.parse("2026-11-30T09:00:00Z"),
        "alice@acme.example", "Proposal");
    CliIT.run("scan", "--config", config.toString(), "--now", "2026-12-01T09:30:00Z");

    CliIT.Result result = check(config);

    assertThat(line(result, "next")).contains("follow-up 1 for alice@acme.example \"Proposal\", due Thu 3 Dec 09:00");
  }

  @Test
  void aHolidayCountryOutsideTheTimeZoneIsAWarningWithTheLikelyRegion() throws Exception {
    Path config = config();
    Files.writeString(config, Files.readString(config).replace("  timezone: Europe/Berlin\n",
        "  timezone: Europe/Berlin\n  holidays: BY\n"));

    CliIT.Result result = check(config);

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(line(result, "holidays")).contains("BY: Belarus, 9 public holidays in")
        .contains("warning: me.timezone Europe/Berlin is in Germany, not in Belarus: did you mean DE-BY?");
  }

  @Test
  void aConfiguredFolderTheServerLacksIsABadConfigListingTheFolders() throws Exception {
    folders(0);
    Path config = config();
    Files.writeString(config, Files.readString(config).replace("    password_file: imap-password\n",
        "    password_file: imap-password\n    drafts_folder: Entwürfe\n"));

    CliIT.Result result = check(config);

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(line(result, "drafts")).contains("mail.imap.drafts_folder").contains("\"Entwürfe\"")
        .contains("the server has: ").contains("Drafts").doesNotContain(": ok");
    assertThat(line(result, "sent")).contains(": ok");
    assertThat(result.err()).contains("drafts");
    assertNoStackTrace(result);
  }

  @Test
  void aRefusedLoginNamesThePasswordFile() throws Exception {
    secret("imap-password", "wrong");

    CliIT.Result result = check(config());

    assertThat(result.exit()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(line(result, "imap")).contains("login refused")
        .contains("password from file " + dir.resolve("imap-password"));
    assertThat(result.out()).doesNotContain("wrong");
  }

  @Test
  void theConfigDefaultsToTheInstalledOne() {
    CliIT.Result help = CliIT.run("check", "--help");
    assertThat(help.out().replaceAll("\\s+", " ")).contains("default: /etc/secondcall/config.yaml");
    Assumptions.assumeFalse(Files.exists(Path.of(ConfigOption.DEFAULT_FILE)), "a config is installed here");

    CliIT.Result result = CliIT.run("check");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(line(result, "config")).contains("/etc/secondcall/config.yaml");
  }

  @Test
  void aRefusedLoginAndABrokenCalendarFileAreBothReportedInOneRun() throws Exception {
    secret("imap-password", "wrong");
    Files.writeString(dir.resolve("calendar.ics"), "this is not a calendar\n");

    CliIT.Result result = check(config("calendar:", "  provider: ics", "  ics:", "    path: calendar.ics"));

    assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(line(result, "imap")).contains("login refused").doesNotContain(": ok");
    assertThat(line(result, "calendar")).contains("calendar.ics").doesNotContain(": ok");
    assertThat(line(result, "state")).contains(": ok");
    assertThat(result.err().strip()).startsWith("secondcall: ").contains("2 problem(s)").contains("imap")
        .contains("calendar").doesNotContain("\n");
    assertNoStackTrace(result);
  }

  @Test
  void aCalendarUrlWhereNothingAnswersIsItsOwnLineAndTheMailLineStillSaysOk() throws Exception {
    String url = "http://127.0.0.1:" + closedPort() + "/dana/calendar/";
    secret("dav-password", "secret");

    CliIT.Result result = check(config("calendar:", "  provider: caldav", "  caldav:", "    url: " + url,
        "    username: dana", "    password_file: dav-password"));

    assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(line(result, "calendar")).contains(url).contains("127.0.0.1").doesNotContain(": ok");
    assertThat(line(result, "imap")).contains(": ok");
    assertNoStackTrace(result);
  }

  @Test
  void anUnreachableMailServerDoesNotKeepTheCalendarFromBeingChecked() throws Exception {
    Files.writeString(dir.resolve("calendar.ics"), EMPTY_CALENDAR);
    Path config = config("calendar:", "  provider: ics", "  ics:", "    path: calendar.ics");
    Files.writeString(config, Files.readString(config)
        .replace("port: " + GREENMAIL.getImap().getPort(), "port: " + closedPort()));

    CliIT.Result result = check(config);

    assertThat(result.exit()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(line(result, "imap")).contains("cannot connect");
    assertThat(line(result, "calendar")).contains(": ok");
    assertNoStackTrace(result);
  }

  @Test
  void gmailWithoutAuthorisationSaysHowToSignIn() throws Exception {
    Files.writeString(dir.resolve("google-client.json"),
        "{\"installed\": {\"client_id\": \"id\", \"client_secret\": \"secret\"}}");
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, String.join("\n",
        "me:",
        "  name: Dana Weber",
        "  addresses: [dana@gmail.example]",
        "  timezone: Europe/Berlin",
        "mail:",
        "  provider: gmail",
        "google:",
        "  credentials_file: google-client.json",
        "state_dir: state",
        ""));

    CliIT.Result result = check(config);

    assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(line(result, "gmail")).contains("secondcall auth google");
    assertThat(line(result, "google")).contains("secondcall auth google");
    assertThat(line(result, "calendar")).contains("no calendar");
    assertNoStackTrace(result);
  }

  @Test
  void aBrokenTemplateIsABadConfigAndTheConnectionsAreStillTried() throws Exception {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("step1.mustache"), "Hi {{no_such_variable}},\n");

    CliIT.Result result = check(config("templates_dir: templates"));

    assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(line(result, "templates")).contains("step1.mustache").doesNotContain(": ok");
    assertThat(line(result, "imap")).contains(": ok");
    assertNoStackTrace(result);
  }

  @Test
  void aConfigThatDoesNotLoadIsOneLineAndExitsTwo() throws Exception {
    Path config = config();
    Files.writeString(config, Files.readString(config).replace("Europe/Berlin", "Mars/Olympus"));

    CliIT.Result result = check(config);

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(line(result, "config")).contains("me.timezone");
    assertThat(result.out()).doesNotContain("imap");
    assertNoStackTrace(result);
  }
}
