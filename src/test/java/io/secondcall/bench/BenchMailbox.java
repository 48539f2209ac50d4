package io.secondcall.bench;

import io.secondcall.corpus.Maildir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The mailbox of the issue, written straight into Maildir files: {@code sent} messages in Sent
 * of which 1% lie inside the look-back window (each to a contact of its own, so each is an
 * outreach), the rest spread over the five years before; an INBOX half that size with the same
 * share inside the window, none of them answers.
 */
final class BenchMailbox {

  static final String ME = "dana@northwind.example";
  static final int LOOKBACK_DAYS = 21;
  private static final DateTimeFormatter RFC_5322 =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private BenchMailbox() {}

  /** The number of messages of a folder of {@code size} inside the window. */
  static int inWindow(int size) {
    return Math.max(1, size / 100);
  }

  static void write(Path maildir, String sentFolder, int sent, Instant now) throws IOException {
    Maildir dir = new Maildir(maildir);
    for (int i = 0; i < sent; i++) {
      Instant date = dateOf(i, sent, now);
      String to = "contact-" + i + "@firm" + i + ".example";
      dir.add(sentFolder, message(ME, to, "Proposal " + i, "sent-" + i + "@northwind.example", date,
          "Hello,\n\nhere is the proposal we talked about.\n\nBest,\nDana\n"), date, true);
    }
    int inbox = sent / 2;
    for (int i = 0; i < inbox; i++) {
      Instant date = dateOf(i, inbox, now);
      dir.add("INBOX", message("person-" + i + "@elsewhere.example", ME, "Question " + i,
          "in-" + i + "@elsewhere.example", date, "Hi Dana,\n\na question about the invoice.\n\nKim\n"), date, true);
    }
  }

  /**
   * The newest 1% lie between 2 and 20 days before {@code now}; the others between 30 days and
   * five years before. Files are written oldest first, as a mailbox grows.
   */
  static Instant dateOf(int i, int size, Instant now) {
    int recent = inWindow(size);
    int old = size - recent;
    if (i >= old) {
      long span = Duration.ofDays(18).toSeconds();
      return now.minus(Duration.ofDays(20)).plusSeconds(span * (i - old) / recent);
    }
    long span = Duration.ofDays(5 * 365 - 30).toSeconds();
    return now.minus(Duration.ofDays(5 * 365)).plusSeconds(span * i / Math.max(1, old));
  }

  private static byte[] message(String from, String to, String subject, String id, Instant date, String body) {
    String text = "From: " + from + "\r\n"
        + "To: " + to + "\r\n"
        + "Subject: " + subject + "\r\n"
        + "Date: " + RFC_5322.format(date) + "\r\n"
        + "Message-ID: <" + id + ">\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "\r\n"
        + body.replace("\n", "\r\n");
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
