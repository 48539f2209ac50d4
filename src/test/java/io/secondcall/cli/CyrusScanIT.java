package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.testing.Cyrus;
import io.secondcall.testing.Dovecot;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reply scenario through the command line on Cyrus IMAP in both layouts users meet: as Debian
 * sets it up (every folder under {@code INBOX.}) and with altnamespace and '/' (folders beside
 * INBOX), configured as a user coming from Dovecot writes it: {@code Sent}, {@code Drafts}. An outreach gets its follow-up drafted, the answer removes it, and a Sent folder
 * that is not there is an error with the fix, never "Nothing new." for ever; nor is a refused login.
 */
class CyrusScanIT {

  @TempDir static Path prefixDir;
  @TempDir static Path slashDir;
  private static final Map<Dovecot.Layout, Cyrus> SERVERS = new EnumMap<>(Dovecot.Layout.class);

  private static final String DANA = "dana@weber.example";

  @BeforeAll
  static void start() throws Exception {
    SERVERS.put(Dovecot.Layout.INBOX_PREFIX, Cyrus.start(prefixDir, Dovecot.Layout.INBOX_PREFIX));
    SERVERS.put(Dovecot.Layout.SLASH, Cyrus.start(slashDir, Dovecot.Layout.SLASH));
  }

  @AfterAll
  static void stop() {
    SERVERS.values().forEach(Cyrus::close);
    SERVERS.clear();
  }

  @ParameterizedTest
  @EnumSource(Dovecot.Layout.class)
  void anAnswerRemovesTheFollowUpDraftedForIt(Dovecot.Layout layout, @TempDir Path work) throws Exception {
    Cyrus cyrus = SERVERS.get(layout);
    String user = cyrus.newUser();
    Path config = config(cyrus, work, user, "Sent");
    // Monday 30 November 2026, 10:00 in Berlin.
    append(cyrus, user, layout.folder("Sent"), mail(DANA, "tom@northwind.example", "Proposal",
        Instant.parse("2026-11-30T09:00:00Z"), "<p1@weber.example>", null));

    // Thursday 3 December, 09:30 in Berlin: step 1 is due.
    CliIT.Result first = CliIT.run("scan", "--config", config.toString(), "--now", "2026-12-03T08:30:00Z");
    assertThat(first.exit()).as(first.err() + first.out()).isZero();
    assertThat(subjects(cyrus, user, layout.folder("Drafts"))).containsExactly("Re: Proposal");
    assertThat(folders(cyrus, user)).contains(layout.folder("secondcall/stop"));

    append(cyrus, user, "INBOX", mail("tom@northwind.example", DANA, "Re: Proposal", Instant.parse("2026-12-03T09:00:00Z"),
        "<r1@northwind.example>", "<p1@weber.example>"));
    CliIT.Result second = CliIT.run("scan", "--config", config.toString(), "--now", "2026-12-03T09:30:00Z");

    assertThat(second.exit()).as(second.err() + second.out()).isZero();
    assertThat(subjects(cyrus, user, layout.folder("Drafts"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Dovecot.Layout.class)
  void aSentFolderThatIsNotThereIsAnErrorNamingTheKeyAndTheFolders(Dovecot.Layout layout, @TempDir Path work)
      throws Exception {
    Cyrus cyrus = SERVERS.get(layout);
    String user = cyrus.newUser();
    Path config = config(cyrus, work, user, "Sent Messages");
    append(cyrus, user, layout.folder("Sent"), mail(DANA, "tom@northwind.example", "Proposal",
        Instant.parse("2026-11-30T09:00:00Z"), "<p2@weber.example>", null));

    CliIT.Result scan = CliIT.run("scan", "--config", config.toString(), "--now", "2026-12-03T08:30:00Z");
    CliIT.Result check = CliIT.run("check", "--config", config.toString());

    assertThat(scan.exit()).as(scan.err() + scan.out()).isEqualTo(2);
    assertThat(scan.err()).contains("mail.imap.sent_folder").contains("\"" + layout.folder("Sent") + "\"").doesNotContain("Nothing new");
    assertThat(check.exit()).as(check.err() + check.out()).isEqualTo(2);
    assertThat(check.out() + check.err()).contains("mail.imap.sent_folder");
  }

  @Test
  void aRefusedLoginIsNamedWithThePasswordFileAndNeverTakenForAnEmptyMailbox(@TempDir Path work) throws Exception {
    Cyrus cyrus = SERVERS.get(Dovecot.Layout.INBOX_PREFIX);
    String user = cyrus.newUser();
    Path config = config(cyrus, work, user, "Sent");
    Path password = work.resolve("imap-password");
    Files.writeString(password, "not-" + Cyrus.PASSWORD + "\n");

    CliIT.Result check = CliIT.run("check", "--config", config.toString());
    CliIT.Result scan = CliIT.run("scan", "--config", config.toString(), "--now", "2026-12-03T08:30:00Z");

    assertThat(check.exit()).as(check.err() + check.out()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(CheckCommandIT.line(check, "imap")).contains("login refused for " + user)
        .contains("password from file " + password);
    assertThat(scan.exit()).as(scan.err() + scan.out()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(scan.err()).contains("login refused for " + user).doesNotContain("Nothing new", Cyrus.PASSWORD);
    assertThat(check.out() + check.err()).doesNotContain(Cyrus.PASSWORD);
  }

  private static Path config(Cyrus cyrus, Path work, String user, String sentFolder) throws Exception {
    List<String> lines = new ArrayList<>(List.of(
        "me:",
        "  name: Dana Weber",
        "  addresses: [" + DANA + "]",
        "  timezone: Europe/Berlin"));
    lines.addAll(cyrus.mailSection(user, work));
    lines.addAll(List.of(
        "    sent_folder: " + sentFolder,
        "    drafts_folder: Drafts",
        "calendar:",
        "  provider: ics",
        "  ics:",
        "    path: calendar.ics",
        "state_dir: state",
        ""));
    Path file = work.resolve("config.yaml");
    Files.writeString(file, String.join("\n", lines));
    return file;
  }

  private static MimeMessage mail(String from, String to, String subject, Instant date, String id, String inReplyTo)
      throws MessagingException {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", id);
      }
    };
    m.setFrom(new InternetAddress(from));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    m.setSubject(subject);
    m.setSentDate(Date.from(date));
    if (inReplyTo != null) {
      m.setHeader("In-Reply-To", inReplyTo);
      m.setHeader("References", inReplyTo);
    }
    m.setText(inReplyTo == null ? "Hi Tom,\n\nhere is the proposal. Could we talk next week?\n\nDana\n"
        : "Hi Dana,\n\nyes, let's talk on Tuesday.\n\nTom\n");
    m.saveChanges();
    m.setFlags(new Flags(Flags.Flag.SEEN), inReplyTo == null);
    return m;
  }

  private static Store login(Cyrus cyrus, String user) throws MessagingException {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect(cyrus.host(), cyrus.port(), user, Cyrus.PASSWORD);
    return store;
  }

  private static void append(Cyrus cyrus, String user, String folder, MimeMessage m) throws MessagingException {
    try (Store store = login(cyrus, user)) {
      store.getFolder(folder).appendMessages(new Message[] {m});
    }
  }

  private static List<String> subjects(Cyrus cyrus, String user, String folder) throws MessagingException {
    List<String> out = new ArrayList<>();
    try (Store store = login(cyrus, user)) {
      Folder f = store.getFolder(folder);
      f.open(Folder.READ_ONLY);
      for (Message m : f.getMessages()) {
        if (!m.isSet(Flags.Flag.DELETED)) {
          out.add(m.getSubject());
        }
      }
      f.close(false);
    }
    return out;
  }

  private static List<String> folders(Cyrus cyrus, String user) throws MessagingException {
    List<String> out = new ArrayList<>();
    try (Store store = login(cyrus, user)) {
      for (Folder f : store.getDefaultFolder().list("*")) {
        out.add(f.getFullName());
      }
    }
    return out;
  }
}
