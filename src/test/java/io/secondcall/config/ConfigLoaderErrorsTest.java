package io.secondcall.config;

import static io.secondcall.config.ConfigFiles.MINIMAL;
import static io.secondcall.config.ConfigFiles.minimalWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error is one line that names the file and the key, and says what is expected. */
class ConfigLoaderErrorsTest {

  @TempDir Path dir;
  private ConfigFiles files;
  private Path file;

  @BeforeEach
  void setUp() {
    files = new ConfigFiles(dir);
    file = dir.resolve("config.yaml");
  }

  private String error(String yaml, String key) {
    return files.error(yaml, key);
  }

  @Test
  void badTimeZoneHasTheDocumentedMessage() {
    assertThat(error(minimalWith("Europe/Berlin", "Mars/Olympus"), "me.timezone"))
        .isEqualTo(file + ": me.timezone: expected an IANA time zone such as Europe/Berlin, got \"Mars/Olympus\"");
  }

  @Test
  void autoSendIsRefusedRatherThanSilentlyIgnored() {
    assertThat(error(MINIMAL + "followup:\n  auto_send: true\n", "followup.auto_send"))
        .contains("expected false").contains("got true");
  }

  @Test
  void draftLanguageIsAutoOrOneWithTemplates() {
    assertThat(error(MINIMAL + "followup:\n  language: it\n", "followup.language"))
        .isEqualTo(file + ": followup.language: expected auto (the language of your last message in each conversation)"
            + " or a language with built-in templates: en, de, fr, es, got \"it\"");
  }

  @Test
  void missingFile() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": expected a YAML config file, got no such file");
  }

  @Test
  void directoryInsteadOfFile() {
    assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of()))
        .hasMessage(dir + ": expected a YAML config file, got a directory");
  }

  @Test
  void unreadableFile() throws Exception {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads every file");
    Path f = files.write(MINIMAL);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .hasMessage(f + ": expected a readable YAML config file, got permission denied");
  }

  @Test
  void notUtf8() throws Exception {
    Files.write(file, new byte[] {'m', 'e', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .hasMessage(file + ": expected a UTF-8 text file, got bytes that are not UTF-8");
  }

  @Test
  void yamlSyntaxErrorIsOneLineWithLineNumber() {
    assertThat(error("me:\n  name: Dana\n    addresses: [a@b.c]\n", "line 3"))
        .isEqualTo(file + ": line 3: invalid YAML: mapping values are not allowed here");
    assertThat(error("me: {name: Dana\nmail: x\n", "line 2")).contains("invalid YAML");
  }

  @Test
  void duplicateKey() {
    assertThat(error(MINIMAL + "state_dir: other\n", "line 11")).contains("duplicate key \"state_dir\"");
  }

  @Test
  void emptyFileAndWrongTopLevel() {
    assertThatThrownBy(() -> files.load("# nothing here\n"))
        .hasMessage(file + ": expected a YAML map with at least me, mail and state_dir, got an empty file");
    assertThatThrownBy(() -> files.load("- me\n- mail\n"))
        .hasMessage(file + ": expected a YAML map of sections (me, mail, ...) at the top, got a list");
  }

  @Test
  void missingRequiredKeys() {
    assertThat(error(MINIMAL.replace("  name: Dana Example\n", ""), "me.name"))
        .contains("(required), got nothing");
    assertThat(error(MINIMAL.replace("  addresses: [dana@example.com]\n", ""), "me.addresses"))
        .contains("(required), got nothing");
    assertThat(error(minimalWith("addresses: [dana@example.com]", "addresses: []"), "me.addresses"))
        .contains("(required)");
    assertThat(error(MINIMAL.replace("  timezone: Europe/Berlin\n", ""), "me.timezone"))
        .contains("expected an IANA time zone such as Europe/Berlin (required), got nothing");
    assertThat(error(MINIMAL.replace("state_dir: state\n", ""), "state_dir"))
        .contains("(required), got nothing");
    assertThat(error("me: {name: D, addresses: [d@e.example], timezone: UTC}\nstate_dir: s\n", "mail"))
        .contains("(required), got nothing");
    assertThat(error("mail: {}\nstate_dir: s\n", "me")).contains("(required), got nothing");
    assertThat(error(MINIMAL.replace("    host: imap.example.com\n", ""), "mail.imap.host"))
        .contains("(required)");
    assertThat(error(MINIMAL.replace("    username: dana\n", ""), "mail.imap.username"))
        .contains("(required)");
    assertThat(error(MINIMAL.replace("    password_env: IMAP_PASSWORD\n", ""), "mail.imap.password_file"))
        .contains("expected password_file or password_env (required), got neither");
    assertThat(error(MINIMAL.replace("  imap:\n    host: imap.example.com\n    username: dana\n"
        + "    password_env: IMAP_PASSWORD\n", "  provider: imap\n"), "mail.imap"))
        .contains("required with provider imap");
  }

  @Test
  void unknownKeySuggestsTheClosestKnownOne() {
    assertThat(error(minimalWith("timezone: Europe/Berlin", "timezone: Europe/Berlin\n  workinghours: 9-5"),
        "me.workinghours"))
        .isEqualTo(file + ": me.workinghours: unknown key, did you mean working_hours?");
    assertThat(error(minimalWith("username: dana", "username: dana\n    prot: 993"), "mail.imap.prot"))
        .endsWith("did you mean port?");
    assertThat(error(MINIMAL + "folowup: {}\n", "folowup")).endsWith("did you mean followup?");
  }

  @Test
  void unknownKeyWithoutCloseMatchListsTheKnownOnes() {
    assertThat(error(MINIMAL + "daemon: {colour: blue}\n", "daemon.colour"))
        .isEqualTo(file + ": daemon.colour: unknown key, expected one of poll_seconds");
  }

  @Test
  void keepDaysIsAPositiveWholeNumberOfDays() {
    for (String bad : new String[] {"0", "-30", "1.5", "\"365\"", "a year", "36501"}) {
      assertThat(error(MINIMAL + "state: {keep_days: " + bad + "}\n", "state.keep_days"))
          .as(bad).startsWith(file + ": state.keep_days: expected a whole number from 1 to 36500, got ");
    }
    assertThat(error(MINIMAL + "state: {keep: 30}\n", "state.keep"))
        .startsWith(file + ": state.keep: unknown key").contains("keep_days");
    assertThat(error(MINIMAL + "state: 30\n", "state")).contains("expected a map of keep_days, got 30");
  }

  @Test
  void wrongTypes() {
    assertThat(error(minimalWith("addresses: [dana@example.com]", "addresses: dana@example.com"), "me.addresses"))
        .contains("expected a list of email addresses").contains("got \"dana@example.com\"");
    assertThat(error(minimalWith("name: Dana Example", "name: [Dana]"), "me.name")).endsWith("got a list");
    assertThat(error(MINIMAL + "daemon: {poll_seconds: \"300\"}\n", "daemon.poll_seconds"))
        .contains("expected a whole number from 30 to 86400, got \"300\"");
    assertThat(error(MINIMAL + "followup: {auto_send: yes please}\n", "followup.auto_send"))
        .contains("expected true or false, got \"yes please\"");
    assertThat(error(MINIMAL + "callbacks: 3\n", "callbacks")).contains("expected a map of per_day, duration_minutes, got 3");
  }

  @Test
  void badWorkingHours() {
    for (String hours : new String[] {"\"17:00-09:00\"", "nine to five", "\"25:00-26:00\"", "\"09:00\""}) {
      assertThat(error(minimalWith("timezone: Europe/Berlin", "timezone: Europe/Berlin\n  working_hours: " + hours),
          "me.working_hours"))
          .contains("expected working hours as HH:MM-HH:MM, start before end, such as 09:00-17:00");
    }
  }

  @Test
  void badHolidayCode() {
    assertThat(error(minimalWith("timezone: Europe/Berlin", "timezone: Europe/Berlin\n  holidays: XX"),
        "me.holidays")).contains("unknown country \"XX\"").endsWith("got \"XX\"");
    assertThat(error(minimalWith("timezone: Europe/Berlin", "timezone: Europe/Berlin\n  holidays: DE-ZZ"),
        "me.holidays"))
        .startsWith(file + ": me.holidays: unknown subdivision \"ZZ\" of DE (Germany): expected one of BB, BE, BW, BY,")
        .endsWith(", got \"DE-ZZ\"");
    assertThat(error(minimalWith("timezone: Europe/Berlin", "timezone: Europe/Berlin\n  holidays: NO"),
        "me.holidays")).contains("write \"NO\" in quotes for Norway").endsWith("got false");
  }

  @Test
  void badEmailAddresses() {
    assertThat(error(minimalWith("[dana@example.com]", "[dana@example.com, \"Dana <d@e.com>\"]"), "me.addresses[1]"))
        .isEqualTo(file + ": me.addresses[1]: expected an email address such as dana@example.com, got \"Dana <d@e.com>\"");
    assertThat(error(MINIMAL + "ignore: {addresses: [nobody]}\n", "ignore.addresses[0]")).contains("email address");
    assertThat(error(MINIMAL + "ignore: {domains: [\"@acme.example\"]}\n", "ignore.domains[0]"))
        .contains("expected a domain name such as acme.example (no @)");
    assertThat(error(MINIMAL + "contacts: {alice: {name: Alice}}\n", "contacts.\"alice\""))
        .contains("expected an email address such as alice@acme.example as the key, got \"alice\"");
    assertThat(error(MINIMAL + "contacts: {a@b.example: {timezone: New York}}\n", "contacts.\"a@b.example\".timezone"))
        .contains("an IANA time zone such as Europe/Berlin");
    assertThat(error(MINIMAL + "contacts: {a@b.example: {phone: call me}}\n", "contacts.\"a@b.example\".phone"))
        .contains("expected a phone number");
  }

  @Test
  void cadenceMustBeAListOfPositiveWholeNumbers() {
    for (String cadence : new String[] {"[3, 0, 7]", "[]", "5", "[3, -1]", "[3, 2.5]", "[three]", "[3, ~]"}) {
      assertThat(error(MINIMAL + "followup: {cadence: " + cadence + "}\n", "followup.cadence"))
          .as(cadence)
          .contains("expected a list of business days between steps, each a whole number from 1 to 365");
    }
  }

  @Test
  void badEnumValuesListTheAllowedOnes() {
    assertThat(error(minimalWith("username: dana", "username: dana\n    security: ssl"), "mail.imap.security"))
        .isEqualTo(file + ": mail.imap.security: expected one of tls | starttls | none, got \"ssl\"");
    assertThat(error(minimalWith("  imap:", "  provider: exchange\n  imap:"), "mail.provider"))
        .contains("expected one of imap | gmail, got \"exchange\"");
    assertThat(error(MINIMAL + "calendar: {provider: outlook}\n", "calendar.provider"))
        .contains("expected one of none | ics | caldav | google");
    assertThat(error(MINIMAL + "followup: {track: some}\n", "followup.track"))
        .contains("expected one of all | tagged");
    assertThat(error(MINIMAL + "followup: {reply_match: any}\n", "followup.reply_match"))
        .contains("expected one of thread | contact | domain");
  }

  @Test
  void inlinePasswordIsRefusedWithoutEchoingIt() {
    String message = error(minimalWith("password_env: IMAP_PASSWORD", "password: hunter2"), "mail.imap.password");
    assertThat(message)
        .isEqualTo(file + ": mail.imap.password: secrets are never inline: use password_file or password_env");
    assertThat(error(MINIMAL + "calendar:\n  caldav: {url: \"https://d.example/c/\", username: u, password: hunter2}\n",
        "calendar.caldav.password")).doesNotContain("hunter2");
  }

  @Test
  void bothPasswordSourcesAreAmbiguous() {
    files.privateFile("pw", "x");
    assertThat(error(minimalWith("password_env: IMAP_PASSWORD", "password_env: IMAP_PASSWORD\n    password_file: pw"),
        "mail.imap")).contains("expected one of password_file or password_env, got both");
  }

  @Test
  void secretFileReadableByOthersIsRefused() throws Exception {
    Path pw = dir.resolve("pw");
    Files.writeString(pw, "hunter2\n");
    assumeTrue(pw.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(error(minimalWith("password_env: IMAP_PASSWORD", "password_file: pw"), "mail.imap.password_file"))
        .contains("chmod 600 " + pw).doesNotContain("hunter2");
  }

  @Test
  void missingPasswordFileAndUnsetVariable() {
    assertThat(error(minimalWith("password_env: IMAP_PASSWORD", "password_file: nope"), "mail.imap.password_file"))
        .contains("no file at " + dir.resolve("nope"));
    assertThat(error(minimalWith("password_env: IMAP_PASSWORD", "password_env: UNSET_VAR"), "mail.imap.password_env"))
        .contains("UNSET_VAR").endsWith("got it unset");
  }

  @Test
  void securityNoneToARemoteHostIsRefused() {
    for (String host : new String[] {"imap.example.com", "10.0.0.1", "127.0.0.1.evil.example", "::2", "localhost.",
        "localhost.evil.example", "0.0.0.0"}) {
      assertThat(error(minimalWith("host: imap.example.com", "host: \"" + host + "\"\n    security: none"),
          "mail.imap.security"))
          .as(host)
          .contains("expected tls or starttls for the remote host " + host)
          .endsWith("got \"none\"");
    }
  }

  @Test
  void portOutOfRange() {
    for (String port : new String[] {"0", "65536", "-1", "99999999999"}) {
      assertThat(error(minimalWith("username: dana", "username: dana\n    port: " + port), "mail.imap.port"))
          .contains("expected a whole number from 1 to 65535, got " + port);
    }
  }

  @Test
  void hostWithSchemeIsRefused() {
    assertThat(error(minimalWith("host: imap.example.com", "host: \"imaps://imap.example.com:993\""), "mail.imap.host"))
        .contains("no scheme, no port");
  }

  @Test
  void limitsOutOfRange() {
    assertThat(error(MINIMAL + "daemon: {poll_seconds: 10}\n", "daemon.poll_seconds"))
        .contains("from 30 to 86400, got 10");
    assertThat(error(MINIMAL + "callbacks: {duration_minutes: 0}\n", "callbacks.duration_minutes"))
        .contains("got 0");
    assertThat(error(MINIMAL + "followup: {max_recipients: 0}\n", "followup.max_recipients"))
        .contains("got 0");
  }

  @Test
  void taggedTrackingOverImapNeedsTagAddresses() {
    assertThat(error(MINIMAL + "followup: {track: tagged}\n", "followup.tag_addresses"))
        .contains("at least one address").endsWith("got nothing");
  }

  @Test
  void calendarMistakes() {
    assertThat(error(MINIMAL + "calendar: {provider: ics}\n", "calendar.ics.path")).contains("required with provider ics");
    assertThat(error(MINIMAL + "calendar: {provider: caldav}\n", "calendar.caldav")).contains("required with provider caldav");
    assertThat(error(MINIMAL + "calendar: {provider: ics, ics: {path: a.ics}, caldav: {url: x}}\n", "calendar.caldav"))
        .contains("no caldav section unless calendar.provider is caldav");
    assertThat(error(MINIMAL + "calendar:\n  caldav: {url: \"http://dav.example.com/c/\", username: u, password_env: DAV_PASSWORD}\n",
        "calendar.caldav.url")).contains("plain http is allowed only to a loopback address");
    assertThat(error(MINIMAL + "calendar:\n  caldav: {url: \"dav.example.com\", username: u, password_env: DAV_PASSWORD}\n",
        "calendar.caldav.url")).contains("expected an https URL");
  }

  @Test
  void googleNeedsCredentials() {
    String gmail = """
        me: {name: Dana, addresses: [dana@gmail.example], timezone: UTC}
        mail: {provider: gmail}
        state_dir: s
        """;
    assertThat(error(gmail, "google.credentials_file")).contains("required with mail.provider gmail");
    assertThat(error(gmail + "google: {credentials_file: missing.json}\n", "google.credentials_file"))
        .contains("no such file " + dir.resolve("missing.json"));
    assertThat(error(gmail.replace("{provider: gmail}", "{provider: gmail, gmail: {label: x}}"), "mail.gmail.label"))
        .endsWith("unknown key, expected no keys here");
    assertThat(error(gmail.replace("{provider: gmail}", "{provider: gmail, imap: {host: h}}"), "mail.imap"))
        .contains("no imap section with mail.provider gmail");
  }

  @Test
  void pathMistakes() {
    assertThat(error(minimalWith("state_dir: state", "state_dir: ~/state"), "state_dir")).contains("~ is not expanded");
    assertThat(error(MINIMAL + "templates_dir: missing\n", "templates_dir"))
        .contains("got no directory at " + dir.resolve("missing"));
    files.privateFile("afile", "x");
    assertThat(error(minimalWith("state_dir: state", "state_dir: afile"), "state_dir")).contains("a directory, not a file");
  }

  @Test
  void aMalformedCertificateFingerprintNamesTheExpectedFormat() {
    assertThat(error(minimalWith("    password_env: IMAP_PASSWORD\n",
        "    password_env: IMAP_PASSWORD\n    tls_fingerprint: \"SHA256:AB:CD\"\n"), "mail.imap.tls_fingerprint"))
        .contains("expected a SHA-256 certificate fingerprint such as SHA256:AB:CD:...:EF").contains("got \"SHA256:AB:CD\"");
    assertThat(error(MINIMAL + "calendar:\n  caldav: {url: \"https://d.example/c/\", username: u,"
        + " password_env: DAV_PASSWORD, tls_fingerprint: xyz}\n", "calendar.caldav.tls_fingerprint"))
        .contains("expected a SHA-256 certificate fingerprint");
  }

  @Test
  void aFingerprintNeedsTls() {
    assertThat(error(minimalWith("    password_env: IMAP_PASSWORD\n", "    password_env: IMAP_PASSWORD\n"
        + "    host: 127.0.0.1\n    security: none\n    tls_fingerprint: " + "ab".repeat(32) + "\n")
        .replace("    host: imap.example.com\n", ""), "mail.imap.tls_fingerprint")).contains("security none");
  }
}
