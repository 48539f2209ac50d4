package io.secondcall.cli;

import io.secondcall.calendar.google.FakeGoogleAccount;
import io.secondcall.calendar.google.FakeGoogleCalendar;
import io.secondcall.google.GoogleScopes;
import io.secondcall.mail.gmail.FakeGmail;
import io.secondcall.mail.gmail.FakeGmailStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/**
 * A user of {@code mail.provider: gmail} on the fake Google server: the config, the OAuth client
 * and the token file under {@code state_dir} (as {@code secondcall auth google} leaves them),
 * and the mailbox to seed and inspect.
 */
final class GmailAccount implements AutoCloseable {

  static final String ME = "dana@northwind.example";

  final FakeGoogleCalendar server;
  final FakeGmail gmail;
  final Path config;
  final Path stateDir;

  /** @param extra more config lines (top-level keys) */
  GmailAccount(Path dir, String... extra) throws Exception {
    server = new FakeGoogleCalendar();
    // The grant `auth google` gets for mail.provider gmail.
    server.oauth.grantPreset(String.join(" ", GoogleScopes.GMAIL_READONLY, GoogleScopes.GMAIL_COMPOSE,
        GoogleScopes.GMAIL_INSERT, GoogleScopes.GMAIL_LABELS));
    gmail = new FakeGmail(server, Clock.systemUTC());
    stateDir = Files.createDirectories(dir.resolve("state"));
    FakeGoogleAccount account = FakeGoogleAccount.in(stateDir, server);
    config = dir.resolve("config.yaml");
    Files.writeString(config, String.join("\n", Stream.concat(Stream.of(
        "me:",
        "  name: Dana Weber",
        "  addresses: [" + ME + "]",
        "  timezone: Europe/Berlin",
        "mail:",
        "  provider: gmail",
        "google:",
        "  credentials_file: " + account.settings.credentialsFile(),
        "  endpoints:",
        "    api: " + server.apiRoot(),
        "    token: " + server.tokenEndpoint(),
        "state_dir: " + stateDir), Stream.of(extra)).toList()) + "\n");
  }

  /** Puts a message the user sent into SENT, received (internal date) when it was sent. */
  FakeGmailStore.Stored sent(String messageId, Instant date, String to, String subject) {
    return gmail.store.add(message(ME, to, messageId, null, date, subject,
        "Hello,\r\n\r\nhere is the proposal we talked about.\r\n\r\nDana\r\n"), List.of("SENT"), null, date.toEpochMilli());
  }

  /** Puts a contact's reply to {@code inReplyTo} into the inbox, unread. */
  FakeGmailStore.Stored reply(String messageId, String inReplyTo, Instant date, String from, String subject) {
    return gmail.store.add(message(from, ME, messageId, inReplyTo, date, subject, "Yes, let's talk on Friday.\r\n"),
        List.of("INBOX", "UNREAD"), null, date.toEpochMilli());
  }

  /** The messages secondcall left in the DRAFT label. */
  List<FakeGmailStore.Stored> drafts() {
    return gmail.store.withLabel("DRAFT");
  }

  /** The digests secondcall put into the inbox. */
  List<FakeGmailStore.Stored> digests() {
    return gmail.store.withLabel("INBOX").stream().filter(m -> m.parsed.subject().startsWith("secondcall:")).toList();
  }

  private static byte[] message(String from, String to, String id, String inReplyTo, Instant date, String subject,
      String body) {
    String headers = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nDate: "
        + new jakarta.mail.internet.MailDateFormat().format(Date.from(date)) + "\r\nMessage-ID: <" + id + ">\r\n"
        + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + ">\r\nReferences: <" + inReplyTo + ">\r\n")
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n";
    return (headers + body).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.close();
  }
}
