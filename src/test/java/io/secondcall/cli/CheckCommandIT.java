package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
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
