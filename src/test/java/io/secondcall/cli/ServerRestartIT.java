package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.testing.Dovecot;
import io.secondcall.testing.ImapTap;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail server restarts (an upgrade, a reboot of the NAS) while {@code run} waits in IDLE:
 * the daemon must notice on its own, log in again and go back to IDLE, so that an answer that
 * arrives after the restart is acted on at once, not at the next poll (an hour here).
 */
class ServerRestartIT {

  private static final String ME = RunStopIT.ME;
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir Path work;
  @TempDir Path mail;

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void afterARestartDuringIdleTheDaemonIdlesAgainAndActsOnTheNextAnswerAtOnce() throws Exception {
    try (Dovecot dovecot = Dovecot.start(mail); ImapTap tap = ImapTap.start(dovecot.port())) {
      String user = RunStopIT.userWhoWrote(dovecot, "p1@northwind.example", "alice@acme.example", "Proposal");
      Path config = RunStopIT.config(work, tap.port(), user, "daemon:", "  poll_seconds: 3600");
      try (RunProcess run = RunProcess.start(config, work.resolve("logs"))) {
        assertThat(run.awaitLog("<alice@acme.example> tracked", RunStopIT.START_LIMIT)).as(run.log()).isTrue();
        assertThat(tap.awaitCount("IDLE", 1, LIMIT)).as("the daemon idles\n%s", run.log()).isTrue();

        dovecot.restart();

        assertThat(tap.awaitCount("IDLE", 2, LIMIT)).as("idling again after the restart\n%s", run.log()).isTrue();
        reply(dovecot, user);
        assertThat(run.awaitLog("<alice@acme.example> replied", LIMIT))
            .as("the answer acted on without waiting for the hourly poll\n%s", run.log()).isTrue();
        assertThat(run.log()).doesNotContain("Exception").doesNotContain("still busy");

        run.sigterm();
        assertThat(run.awaitExit(RunStopIT.STOP_LIMIT)).as(run.log()).isZero();
      }
    }
  }

  /** The restart comes while a scan is held at its first EXAMINE, in the middle of reading Sent. */
  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void aRestartInTheMiddleOfAScanLosesNoConversationAndDraftsNothingTwice() throws Exception {
    try (Dovecot dovecot = Dovecot.start(mail); ImapTap tap = ImapTap.start(dovecot.port(), "EXAMINE")) {
      String user = RunStopIT.userWhoWrote(dovecot, "p2@northwind.example", "bob@acme.example", "Workshop");
      Path config = RunStopIT.config(work, tap.port(), user);
      CommandInBackground scan = CommandInBackground.start(InputStream.nullInputStream(), "scan", "--config",
          config.toString());
      assertThat(tap.awaitHeld(LIMIT)).as("the scan reads Sent").isTrue();

      dovecot.restart();
      tap.release();

      // Read again on a new login (0), or an outage that the next scan makes good (3): never a wrong result.
      assertThat(scan.exitCode()).as(scan.out() + scan.err()).isIn(0, 3);
      for (int i = 0; i < 2; i++) {
        CliIT.Result again = CliIT.run("scan", "--config", config.toString());
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
      }
      try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
        assertThat(client.tagged(Dovecot.DRAFTS)).as("one follow-up for the one outreach").hasSize(1);
      }
    }
  }

  private static void reply(Dovecot dovecot, String user) throws MessagingException {
    Session session = Session.getInstance(new Properties());
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress("alice@acme.example"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(ME));
    m.setSubject("Re: Proposal");
    m.setSentDate(Date.from(Instant.now()));
    m.setHeader("In-Reply-To", "<p1@northwind.example>");
    m.setHeader("References", "<p1@northwind.example>");
    m.setText("Hi Dana,\n\nyes, let's talk on Tuesday.\n\nAlice\n");
    m.saveChanges();
    Store store = session.getStore("imap");
    store.connect(dovecot.host(), dovecot.port(), user, Dovecot.PASSWORD);
    try {
      m.setFlags(new Flags(Flags.Flag.SEEN), false);
      store.getFolder("INBOX").appendMessages(new Message[] {m});
    } finally {
      store.close();
    }
  }
}
