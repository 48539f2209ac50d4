package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.testing.Dovecot;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 end to end on a real Dovecot: a German outreach gets a German draft in the user's own
 * voice, and a prospect in New York gets a call block at an hour both can phone, named in their
 * time in the draft. Read back from the server's Drafts folder and the calendar file.
 */
class VoiceAndHoursDovecotIT {

  @TempDir static Path dir;
  private static Dovecot dovecot;

  private static final String DANA = "dana@weber.example";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @BeforeAll
  static void start() throws Exception {
    dovecot = Dovecot.start(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  @Test
  void aGermanDraftInTheUsersVoiceAndANewYorkCallAtTheirHour(@TempDir Path work) throws Exception {
    String user = dovecot.newUser();
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect(dovecot.host(), dovecot.port(), user, Dovecot.PASSWORD);
      Folder sent = store.getFolder(Dovecot.SENT);
      // Monday 30 November 2026, 10:00 in Berlin.
      Instant monday = Instant.parse("2026-11-30T09:00:00Z");
      sent.appendMessages(new Message[] {
          mail(session, DANA, "anna.schmidt@kunde.example", "Angebot Datenmigration", monday, "de1@dana.example", """
              Sehr geehrte Frau Schmidt,

              vielen Dank für das Gespräch auf der Messe. Anbei wie besprochen unser Angebot zur Migration der Auftragsdaten.
              Hätten Sie nächste Woche Zeit für ein kurzes Telefonat?

              Mit freundlichen Grüßen

              Dana Weber
              Weber Consulting
              """),
          mail(session, DANA, "tom@northwind.example", "Proposal", monday, "en1@dana.example", """
              Hi Tom,

              Thanks for the call last week. Could we walk through the rollout plan together next week?

              Best,
              Dana
              """)});
    }
    Path config = config(work, user);

    // Thursday 3 December 2026, 09:30 in Berlin: step 1 of both is due.
    CliIT.Result scan = CliIT.run("scan", "--config", config.toString(), "--now", "2026-12-03T08:30:00Z");
    assertThat(scan.exit()).as(scan.err() + scan.out()).isZero();

    List<String> drafts = drafts(session, user);
    String german = drafts.stream().filter(d -> d.contains("Frau Schmidt")).findFirst().orElseThrow();
    assertThat(german).startsWith("Sehr geehrte Frau Schmidt,")
        .contains("meine Nachricht vom Montag, 30. November zu „Angebot Datenmigration“")
        .contains("> Hätten Sie nächste Woche Zeit für ein kurzes Telefonat?")
        .contains("Mit freundlichen Grüßen\nDana Weber\nWeber Consulting")
        .doesNotContain("Hi ", "Messe", "Monday");

    String ics = Files.readString(work.resolve("calendar.ics")).replace("\r\n ", "").replace("\r\n", "\n");
    Matcher block = Pattern.compile("BEGIN:VEVENT\n(?:(?!END:VEVENT).)*?SUMMARY:Call Tom[^\n]*\n(?:(?!END:VEVENT).)*END:VEVENT",
        Pattern.DOTALL).matcher(ics);
    assertThat(block.find()).as(ics).isTrue();
    Instant start = dtStart(block.group());
    LocalTime inBerlin = start.atZone(BERLIN).toLocalTime();
    LocalTime inNewYork = start.atZone(NEW_YORK).toLocalTime();
    assertThat(inBerlin).isBetween(LocalTime.of(9, 0), LocalTime.of(16, 45));
    assertThat(inNewYork).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 45));
    // Not before the next working half-day after the draft was prepared at 09:30.
    assertThat(start).isAfterOrEqualTo(Instant.parse("2026-12-03T12:00:00Z"));
    String theirClock = DateTimeFormatter.ofPattern("HH:mm").format(start.atZone(NEW_YORK));
    assertThat(block.group().replace("\\n", "\n")).contains(theirClock + " in New York");

    String english = drafts.stream().filter(d -> d.startsWith("Hi Tom,")).findFirst().orElseThrow();
    assertThat(english).contains("> Could we walk through the rollout plan together next week?")
        .contains(" at " + theirClock + " (your time)")
        .endsWith("Best,\nDana\n");
  }

  private static Instant dtStart(String vevent) {
    Matcher utc = Pattern.compile("DTSTART:(\\d{8}T\\d{6})Z").matcher(vevent);
    if (utc.find()) {
      return ZonedDateTime.parse(utc.group(1) + "Z", DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")).toInstant();
    }
    Matcher zoned = Pattern.compile("DTSTART;TZID=([^:]+):(\\d{8}T\\d{6})").matcher(vevent);
    assertThat(zoned.find()).as(vevent).isTrue();
    return java.time.LocalDateTime.parse(zoned.group(2), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
        .atZone(ZoneId.of(zoned.group(1))).toInstant();
  }

  private static MimeMessage mail(Session session, String from, String to, String subject, Instant date, String id,
      String text) throws Exception {
    MimeMessage m = new MimeMessage(session) {
      @Override protected void updateMessageID() throws jakarta.mail.MessagingException {
        setHeader("Message-ID", "<" + id + ">");
      }
    };
    m.setFrom(new InternetAddress(from, "Dana Weber", "UTF-8"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    m.setSubject(subject, "UTF-8");
    m.setSentDate(Date.from(date));
    m.setText(text, "UTF-8");
    m.saveChanges();
    m.setFlags(new Flags(Flags.Flag.SEEN), true);
    return m;
  }

  private static List<String> drafts(Session session, String user) throws Exception {
    List<String> out = new ArrayList<>();
    try (Store store = session.getStore("imap")) {
      store.connect(dovecot.host(), dovecot.port(), user, Dovecot.PASSWORD);
      Folder drafts = store.getFolder(Dovecot.DRAFTS);
      drafts.open(Folder.READ_ONLY);
      for (Message m : drafts.getMessages()) {
        out.add(((String) m.getContent()).replace("\r\n", "\n"));
      }
      drafts.close(false);
    }
    return out;
  }

  private static Path config(Path work, String user) throws Exception {
    Path file = work.resolve("config.yaml");
    Files.writeString(file, String.join("\n",
        "me:",
        "  name: Dana Weber",
        "  addresses: [" + DANA + "]",
        "  timezone: Europe/Berlin",
        String.join("\n", dovecot.mailSection(user, work)),
        "calendar:",
        "  provider: ics",
        "  ics:",
        "    path: calendar.ics",
        "contacts:",
        "  \"tom@northwind.example\": {name: Tom Baker, phone: \"+1 212 555 0142\"}",
        "state_dir: state",
        ""));
    return file;
  }
}
