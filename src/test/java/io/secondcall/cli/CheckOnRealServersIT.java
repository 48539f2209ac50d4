package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.testing.Dovecot;
import io.secondcall.testing.Radicale;
import io.secondcall.testing.Xandikos;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on what GreenMail cannot show: a Drafts folder the server opens read-only
 * (Dovecot, when the mail user may not write the Maildir), the folders Dovecot flags with
 * SPECIAL-USE, and a CalDAV URL that names no calendar (Radicale).
 */
class CheckOnRealServersIT {

  // Each server in a temporary directory of its own: Dovecot opens its directory to its
  // unprivileged processes, which could not walk through a private parent.
  @TempDir static Path dovecotDir;
  @TempDir static Path radicaleDir;
  @TempDir static Path xandikosDir;
  private static Dovecot dovecot;
  private static Radicale radicale;
  private static Xandikos xandikos;

  @BeforeAll
  static void start() throws Exception {
    dovecot = Dovecot.start(dovecotDir);
    radicale = Radicale.start(radicaleDir);
    xandikos = Xandikos.start(xandikosDir);
  }

  @AfterAll
  static void stop() {
    if (dovecot != null) {
      dovecot.close();
    }
    if (radicale != null) {
      radicale.close();
    }
    if (xandikos != null) {
      xandikos.close();
    }
  }

  /** A config for {@code user} on Dovecot, with the given sections after it. */
  static Path config(Path work, String user, String... more) throws Exception {
    List<String> lines = new ArrayList<>(List.of(
        "me:",
        "  name: Dana Weber",
        "  addresses: [dana@weber.example]",
        "  timezone: Europe/Berlin",
        "  holidays: DE-BY",
        "state_dir: state"));
    lines.addAll(dovecot.mailSection(user, work));
    lines.addAll(List.of(more));
    Path file = work.resolve("config.yaml");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  /** A config for {@code user} on Dovecot and a CalDAV calendar at {@code url}, with {@code davPassword}. */
  static Path config(Path work, String user, URI url, String davUser, String davPassword) throws Exception {
    Path file = work.resolve("dav-password");
    Files.writeString(file, davPassword + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return config(work, user, "calendar:", "  provider: caldav", "  caldav:", "    url: " + url,
        "    username: " + davUser, "    password_file: dav-password");
  }

  /** Logs in once and opens Drafts, so that Dovecot creates the folders of its config on disk. */
  static void login(String user) throws Exception {
    try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
      store.connect(dovecot.host(), dovecot.port(), user, Dovecot.PASSWORD);
      Folder drafts = store.getFolder(Dovecot.DRAFTS);
      drafts.open(Folder.READ_ONLY);
      drafts.close(false);
    }
  }

  @Test
  void findsTheFoldersByTheirFlagsAndCountsTheirMessages(@TempDir Path work) throws Exception {
    String user = dovecot.newUser();
    login(user);

    CliIT.Result result = CliIT.run("check", "--config", config(work, user).toString());

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(CheckCommandIT.line(result, "sent")).contains("folder \"" + Dovecot.SENT + "\": ok, 0 messages");
    assertThat(CheckCommandIT.line(result, "drafts")).contains("folder \"" + Dovecot.DRAFTS + "\": ok, 0 messages, writable");
    assertThat(CheckCommandIT.line(result, "stop")).contains("folder \"secondcall/stop\": ok, not there yet");
  }

  @Test
  void aDraftsFolderTheServerOpensReadOnlyFailsNamingTheKey(@TempDir Path work) throws Exception {
    String user = dovecot.newUser();
    login(user);
    // Dovecot opens a Maildir folder read-only when the mail user may not write its "cur".
    Path cur = dovecot.maildir(user).resolve("." + Dovecot.DRAFTS).resolve("cur");
    Files.setPosixFilePermissions(cur, PosixFilePermissions.fromString("r-xr-xr-x"));

    CliIT.Result result = CliIT.run("check", "--config", config(work, user).toString());

    assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(CheckCommandIT.line(result, "drafts")).contains("mail.imap.drafts_folder")
        .contains("only read \"" + Dovecot.DRAFTS + "\"").doesNotContain(": ok");
    assertThat(CheckCommandIT.line(result, "sent")).contains(": ok");
    CheckCommandIT.assertNoStackTrace(result);
  }

  @Test
  void aCalDavUrlWithoutACalendarSaysHowToCreateIt(@TempDir Path work) throws Exception {
    String user = dovecot.newUser();
    login(user);
    String davUser = radicale.newUser();
    radicale.newCalendar(davUser); // the user's home exists; the calendar named below does not
    URI missing = URI.create("http://" + radicale.host() + ":" + radicale.port() + "/" + davUser + "/work/");

    CliIT.Result result = CliIT.run("check", "--config",
        config(work, user, missing, davUser, Radicale.PASSWORD).toString());

    assertThat(CheckCommandIT.line(result, "calendar")).contains("404").contains("no calendar at " + missing)
        .contains("curl -u " + davUser + " -X MKCALENDAR " + missing).contains("calendar.caldav.url");
    assertThat(CheckCommandIT.line(result, "imap")).contains(": ok");
    CheckCommandIT.assertNoStackTrace(result);
  }

  @Test
  void aRefusedCalDavLoginNamesThePasswordFile(@TempDir Path work) throws Exception {
    String user = dovecot.newUser();
    login(user);
    String davUser = radicale.newUser();
    URI calendar = radicale.newCalendar(davUser);

    CliIT.Result result = CliIT.run("check", "--config",
        config(work, user, calendar, davUser, "not-the-password").toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(CheckCommandIT.line(result, "calendar")).contains("login refused for " + davUser)
        .contains("password from file " + work.resolve("dav-password"));
  }

  /** The user's home instead of a calendar in it: one level too high, the usual mistake. */
  @Test
  void aCalDavUrlThatIsNotACalendarNamesTheCalendarsThere(@TempDir Path work) throws Exception {
    String user = dovecot.newUser();
    login(user);
    String davUser = radicale.newUser();
    URI calendar = radicale.newCalendar(davUser);
    URI home = calendar.resolve("..");

    CliIT.Result result = CliIT.run("check", "--config", config(work, user, home, davUser, Radicale.PASSWORD).toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(CheckCommandIT.line(result, "calendar")).contains(home + " is not a calendar collection")
        .contains("set calendar.caldav.url to one of: " + calendar);
    CheckCommandIT.assertNoStackTrace(result);
  }

  @Test
  void onXandikosTooAUrlThatIsNotACalendarIsAConfigError(@TempDir Path work) throws Exception {
    String user = dovecot.newUser();
    login(user);
    URI calendar = xandikos.newCalendar("user");
    URI principal = calendar.resolve("..");

    CliIT.Result result = CliIT.run("check", "--config",
        config(work, user, principal, "user", xandikos.password()).toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(CheckCommandIT.line(result, "calendar")).contains(principal + " is not a calendar collection")
        .contains("calendar.caldav.url");
  }

  /** Xandikos has no authentication of its own: any password passes, which check must say. */
  @Test
  void aCalDavServerThatChecksNoPasswordIsAWarning(@TempDir Path work) throws Exception {
    String user = dovecot.newUser();
    login(user);
    URI calendar = xandikos.newCalendar("user");

    CliIT.Result result = CliIT.run("check", "--config",
        config(work, user, calendar, "user", "surely-the-wrong-password").toString());

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(result.out().lines().filter(l -> l.startsWith("calendar")).toList()).hasSize(2)
        .anySatisfy(l -> assertThat(l).contains(": ok"))
        .anySatisfy(l -> assertThat(l).contains("answers without a password; warning:")
            .contains("does not check calendar.caldav.password"));
  }

  @Test
  void radicaleChecksPasswordsSoNoWarning(@TempDir Path work) throws Exception {
    String user = dovecot.newUser();
    login(user);
    String davUser = radicale.newUser();
    URI calendar = radicale.newCalendar(davUser);

    CliIT.Result result = CliIT.run("check", "--config",
        config(work, user, calendar, davUser, Radicale.PASSWORD).toString());

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).doesNotContain("warning");
  }

  /** Sent full of someone else's mail (a shared folder, a wrong me.addresses) would never be followed up. */
  @Test
  void aSentFolderWithNothingFromTheUserIsAnErrorNamingTheAddresses(@TempDir Path work) throws Exception {
    String user = dovecot.newUser();
    login(user);
    try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
      client.sent("other-1@weber.example", Instant.now().minus(Duration.ofDays(2)), "assistant@weber.example",
          "tom@northwind.example", "Proposal");
    }

    CliIT.Result result = CliIT.run("check", "--config", config(work, user).toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(CheckCommandIT.line(result, "sent")).contains("me.addresses")
        .contains("none of the 1 messages of the last 21 days").contains("dana@weber.example")
        .contains("mail.imap.sent_folder");
  }

  @Test
  void aSentFolderWithTheUsersMailSaysHowMuchIsTheirs(@TempDir Path work) throws Exception {
    String user = dovecot.newUser();
    login(user);
    try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
      client.sent("mine-1@weber.example", Instant.now().minus(Duration.ofDays(2)), "dana@weber.example",
          "tom@northwind.example", "Proposal");
      client.sent("other-2@weber.example", Instant.now().minus(Duration.ofDays(2)), "assistant@weber.example",
          "tom@northwind.example", "Proposal");
    }

    CliIT.Result result = CliIT.run("check", "--config", config(work, user).toString());

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(CheckCommandIT.line(result, "sent")).contains("ok, 2 messages, 1 from you in the last 21 days");
  }
}
