package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them, with their output and exit codes, against GreenMail. */
class CliIT {

  @RegisterExtension
  static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  static final String DANA = "dana@northwind.example";

  @TempDir Path dir;
  Path config;

  record Result(int exit, String out, String err) {}

  @BeforeEach
  void setUp() throws Exception {
    GREENMAIL.setUser(DANA, DANA, "secret");
    // Every real mailbox has one; GreenMail starts with INBOX alone.
    GREENMAIL.getManagers().getImapHostManager().createMailbox(
        GREENMAIL.getManagers().getUserManager().getUser(DANA), "Sent");
    config = writeConfig(GREENMAIL.getImap().getPort());
  }

  Path writeConfig(int port) throws Exception {
    Path password = dir.resolve("imap-password");
    Files.writeString(password, "secret\n");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, String.join("\n",
        "me:",
        "  name: Dana Weber",
        "  addresses: [" + DANA + "]",
        "  timezone: Europe/Berlin",
        "mail:",
        "  provider: imap",
        "  imap:",
        "    host: 127.0.0.1",
        "    port: " + port,
        "    security: none",
        "    username: " + DANA,
        "    password_file: imap-password",
        "state_dir: state",
        ""));
    return file;
  }

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  void sent(String id, Instant date, String to, String subject) throws Exception {
    sent(GREENMAIL.getImap().getPort(), id, date, to, subject);
  }

  /** An outreach in Dana's Sent folder on the GreenMail at {@code port}. */
  static void sent(int port, String id, Instant date, String to, String subject) throws Exception {
    Properties props = new Properties();
    Session session = Session.getInstance(props);
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", port, DANA, "secret");
      Folder sent = store.getFolder("Sent");
      if (!sent.exists()) {
        sent.create(Folder.HOLDS_MESSAGES);
      }
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(DANA));
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
      m.setSubject(subject);
      m.setSentDate(Date.from(date));
      m.setText("Hi, here is the proposal.");
      m.saveChanges();
      m.setHeader("Message-ID", "<" + id + ">");
      m.setFlags(new Flags(Flags.Flag.SEEN), true);
      sent.appendMessages(new Message[] {m});
    }
  }

  int draftCount() throws Exception {
    return GREENMAIL.getManagers().getImapHostManager()
        .getFolder(GREENMAIL.getManagers().getUserManager().getUser(DANA), "Drafts") == null
        ? 0
        : GREENMAIL.getManagers().getImapHostManager()
            .getFolder(GREENMAIL.getManagers().getUserManager().getUser(DANA), "Drafts").getMessageCount();
  }

  @Test
  void scanDraftsTheDueFollowUpAndStatusShowsIt() throws Exception {
    sent("p1@northwind.example", Instant.parse("2026-11-30T09:00:00Z"), "alice@acme.example", "Proposal");

    Result scan = run("scan", "--config", config.toString(), "--now", "2026-12-03T09:30:00Z");

    assertThat(scan.exit()).as(scan.err()).isZero();
    assertThat(scan.out()).contains("draft").contains("alice@acme.example").contains("follow-up 1");
    assertThat(draftCount()).isEqualTo(1);
    Result status = run("status", "--config", config.toString());
    assertThat(status.exit()).isZero();
    assertThat(status.out()).contains("alice@acme.example").contains("waiting in Drafts");
  }

  @Test
  void aDryRunPrintsThePlanAndChangesNothingAnywhere() throws Exception {
    sent("p1@northwind.example", Instant.parse("2026-11-30T09:00:00Z"), "alice@acme.example", "Proposal");

    Result scan = run("scan", "--config", config.toString(), "--dry-run", "--now", "2026-12-03T09:30:00Z");

    assertThat(scan.exit()).as(scan.err()).isZero();
    assertThat(scan.out()).contains("would draft").contains("alice@acme.example");
    assertThat(draftCount()).isZero();
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void stopEndsTheSequenceOfAContact() throws Exception {
    sent("p1@northwind.example", Instant.parse("2026-11-30T09:00:00Z"), "alice@acme.example", "Proposal");
    run("scan", "--config", config.toString(), "--now", "2026-12-01T09:30:00Z");

    Result stop = run("stop", "--config", config.toString(), "alice@acme.example");
    Result scan = run("scan", "--config", config.toString(), "--now", "2026-12-03T09:30:00Z");

    assertThat(stop.exit()).isZero();
    assertThat(stop.out()).contains("stopped").contains("Proposal");
    assertThat(scan.out()).doesNotContain("follow-up 1");
    assertThat(draftCount()).isZero();
  }

  @Test
  void stoppingAnUnknownContactIsABadArgument() {
    Result stop = run("stop", "--config", config.toString(), "nobody@nowhere.example");
    assertThat(stop.exit()).isEqualTo(2);
    assertThat(stop.err()).contains("nobody@nowhere.example");
  }

  @Test
  void resumeUndoesAStopAndTheSequenceGoesOn() throws Exception {
    sent("p1@northwind.example", Instant.parse("2026-11-30T09:00:00Z"), "alice@acme.example", "Proposal");
    run("scan", "--config", config.toString(), "--now", "2026-12-01T09:30:00Z");
    run("stop", "--config", config.toString(), "alice@acme.example");

    Result resume = run("resume", "--config", config.toString(), "alice@acme.example");
    Result scan = run("scan", "--config", config.toString(), "--now", "2026-12-03T09:30:00Z");

    assertThat(resume.exit()).as(resume.err()).isZero();
    assertThat(resume.out()).contains("resumed").contains("alice@acme.example").contains("Proposal");
    assertThat(scan.out()).contains("follow-up 1");
    assertThat(draftCount()).isEqualTo(1);
  }

  @Test
  void resumingWhatWasNeverStoppedIsOneLineAndExitsTwo() throws Exception {
    sent("p1@northwind.example", Instant.parse("2026-11-30T09:00:00Z"), "alice@acme.example", "Proposal");
    run("scan", "--config", config.toString(), "--now", "2026-12-01T09:30:00Z");

    Result resume = run("resume", "--config", config.toString(), "alice@acme.example");

    assertThat(resume.exit()).isEqualTo(2);
    assertOneLine(resume).contains("no stopped conversation with alice@acme.example");
  }

  @Test
  void anUnknownContactIsOneLineWithoutTheUsage() {
    for (String command : new String[] {"stop", "resume"}) {
      Result result = run(command, "--config", config.toString(), "nobody@nowhere.example");
      assertThat(result.exit()).as(command).isEqualTo(2);
      assertOneLine(result).contains("nobody@nowhere.example").doesNotContain("Usage");
    }
  }

  @Test
  void everyCommandExplainsItselfWithoutAConfig() {
    for (String command : new String[] {"run", "scan", "status", "stop", "resume", "check", "demo"}) {
      Result help = run(command, "--help");
      assertThat(help.exit()).as(command + " --help: " + help.err()).isZero();
      assertThat(help.out()).as(command).contains("Usage: secondcall " + command);
      assertThat(help.err()).as(command).isEmpty();
    }
    assertThat(run("help", "scan").out()).contains("--dry-run");
    assertThat(run("--help").out()).contains("resume");
  }

  @Test
  void versionIsTheBuiltVersion() {
    Result version = run("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out().strip()).matches("secondcall \\d+\\.\\d+\\.\\d+\\S*").doesNotContain("${");
  }

  @Test
  void aDateWithoutATimeIsOneLineNamingTheFormat() {
    Result scan = run("scan", "--config", config.toString(), "--now", "2026-12-03");
    assertThat(scan.exit()).isEqualTo(2);
    assertOneLine(scan).contains("'2026-12-03' is a date without a time").contains("2026-12-01T09:30:00Z")
        .doesNotContain("Usage");
  }

  @Test
  void aBadInstantIsOneLineNamingTheFormat() {
    for (String bad : new String[] {"tomorrow", "2026-12-03T09:30"}) {
      Result scan = run("scan", "--config", config.toString(), "--now", bad);
      assertThat(scan.exit()).as(bad).isEqualTo(2);
      assertOneLine(scan).contains("'" + bad + "'").contains("ISO-8601 instant such as 2026-12-01T09:30:00Z");
    }
  }

  @Test
  void anInstantWithAnOffsetIsAccepted() throws Exception {
    sent("p1@northwind.example", Instant.parse("2026-11-30T09:00:00Z"), "alice@acme.example", "Proposal");
    Result scan = run("scan", "--config", config.toString(), "--dry-run", "--now", "2026-12-03T10:30:00+01:00");
    assertThat(scan.exit()).as(scan.err()).isZero();
    assertThat(scan.out()).contains("would draft");
  }

  static org.assertj.core.api.AbstractStringAssert<?> assertOneLine(Result result) {
    assertThat(result.out()).as("stdout").isEmpty();
    return assertThat(result.err().strip()).startsWith("secondcall: ").doesNotContain("\n").doesNotContain("\tat ");
  }

  @Test
  void checkSaysWhatItFound() {
    Result check = run("check", "--config", config.toString());
    assertThat(check.exit()).as(check.err()).isZero();
    assertThat(check.out()).contains("config").contains("templates").contains("imap").contains("ok");
  }

  @Test
  void anUnreachableServerExitsThreeWithOneLine() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Path unreachable = writeConfig(closed);

    Result scan = run("scan", "--config", unreachable.toString());

    assertThat(scan.exit()).isEqualTo(3);
    assertThat(scan.err().strip()).doesNotContain("\n").startsWith("secondcall: ").contains("127.0.0.1");
    assertThat(scan.err()).doesNotContain("Exception");
  }

  @Test
  void aWrongPasswordExitsThree() throws Exception {
    Files.writeString(dir.resolve("imap-password"), "wrong\n");
    Result scan = run("scan", "--config", config.toString());
    assertThat(scan.exit()).isEqualTo(3);
  }

  @Test
  void aBadConfigExitsTwoNamingTheFileAndKey() throws Exception {
    Files.writeString(config, Files.readString(config).replace("Europe/Berlin", "Mars/Olympus"));
    Result scan = run("scan", "--config", config.toString());
    assertThat(scan.exit()).isEqualTo(2);
    assertThat(scan.err()).contains(config.toString()).contains("me.timezone").doesNotContain("\tat ");
  }

  @Test
  void aMissingConfigExitsTwo() {
    Result scan = run("scan", "--config", dir.resolve("missing.yaml").toString());
    assertThat(scan.exit()).isEqualTo(2);
    assertThat(scan.err()).contains("missing.yaml");
  }

  @Test
  void unknownOptionsAreBadArguments() {
    assertThat(run("scan", "--config", "x.yaml", "--frobnicate").exit()).isEqualTo(2);
    assertThat(run().exit()).isEqualTo(2);
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    Files.writeString(config, Files.readString(config).replace("Europe/Berlin", "Mars/Olympus"));
    Result scan = run("scan", "--config", config.toString(), "--verbose");
    assertThat(scan.exit()).isEqualTo(2);
    assertThat(scan.err()).contains("\tat ");
  }
}
