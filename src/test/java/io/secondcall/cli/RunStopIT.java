package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.store.SqliteStateStore;
import io.secondcall.testing.Cyrus;
import io.secondcall.testing.Dovecot;
import io.secondcall.testing.ImapTap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 8, "{@code run} exits 0 on SIGTERM", as systemd stops it: {@code run} in a child JVM
 * against a real Dovecot, reached through an {@link ImapTap} that shows when the daemon idles and
 * can hold it in the middle of a cycle, so that the signal lands exactly where the test wants it.
 */
class RunStopIT {

  /** What a user waits for {@code systemctl stop} at most. */
  static final Duration STOP_LIMIT = Duration.ofSeconds(10);
  /** Start-up of a child JVM and its first cycle, on a busy CI machine. */
  static final Duration START_LIMIT = Duration.ofSeconds(60);
  static final String ME = "dana@northwind.example";

  @TempDir Path work;
  /** Dovecot's, apart from ours: its unprivileged processes must be able to walk into it. */
  @TempDir Path mail;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void sigtermWhileIdlingEndsTheIdleAndExitsZeroAtOnce() throws Exception {
    try (Dovecot dovecot = Dovecot.start(mail); ImapTap tap = ImapTap.start(dovecot.port())) {
      Path config = config(work, tap.port(), dovecot.newUser());
      try (RunProcess run = RunProcess.start(config, work.resolve("logs"))) {
        assertThat(tap.awaitCommand("IDLE", START_LIMIT)).as("the daemon idles\n%s", run.log()).isTrue();

        run.sigterm();

        assertThat(run.awaitExit(STOP_LIMIT)).as("exit status within %s\n%s", STOP_LIMIT, run.log()).isZero();
        assertThat(run.log()).contains(ME + " stopping").contains(ME + " stopped").doesNotContain("still busy");
        assertThat(tap.sawCommand("DONE")).as("the IDLE was ended, not left to the server").isTrue();
        assertThat(tap.sawCommand("LOGOUT")).as("the mailbox logged out").isTrue();
      }
    }
  }

  /** Cyrus without idled (as testing/Cyrus runs it): the same prompt stop, and the one line about its IDLE. */
  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void onCyrusTooSigtermWhileIdlingExitsZeroAtOnceAndTheLogSaysOnceWhatItsIdleDoes() throws Exception {
    try (Cyrus cyrus = Cyrus.start(mail, Dovecot.Layout.INBOX_PREFIX); ImapTap tap = ImapTap.start(cyrus.port())) {
      Path config = config(work, tap.port(), cyrus.newUser());
      Files.writeString(work.resolve("imap-password"), Cyrus.PASSWORD + "\n");
      try (RunProcess run = RunProcess.start(config, work.resolve("logs"))) {
        assertThat(tap.awaitCommand("IDLE", START_LIMIT)).as("the daemon idles\n%s", run.log()).isTrue();

        run.sigterm();

        assertThat(run.awaitExit(STOP_LIMIT)).as("exit status within %s\n%s", STOP_LIMIT, run.log()).isZero();
        assertThat(run.log()).contains(ME + " stopped").doesNotContain("still busy");
        assertThat(tap.sawCommand("DONE")).as("the IDLE was ended, not left to the server").isTrue();
        assertThat(run.log().split("idled runs", -1)).as("the note on Cyrus's IDLE, once\n%s", run.log()).hasSize(2);
      }
    }
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void sigtermDuringACycleLetsTheCycleFinishThenExitsZeroWithoutWaiting() throws Exception {
    try (Dovecot dovecot = Dovecot.start(mail); ImapTap tap = ImapTap.start(dovecot.port(), "EXAMINE")) {
      String user = userWhoWrote(dovecot, "p1@northwind.example", "alice@acme.example", "Proposal");
      Path config = config(work, tap.port(), user);
      try (RunProcess run = RunProcess.start(config, work.resolve("logs"))) {
        // The first EXAMINE is the cycle opening Sent: it is held there, in the middle of the cycle.
        assertThat(tap.awaitHeld(START_LIMIT)).as("the cycle reads Sent\n%s", run.log()).isTrue();

        run.sigterm();
        assertThat(run.awaitLog(ME + " stopping", STOP_LIMIT)).as("the stop request arrived\n%s", run.log()).isTrue();
        tap.release();

        assertThat(run.awaitExit(STOP_LIMIT)).as("exit status within %s\n%s", STOP_LIMIT, run.log()).isZero();
        assertThat(run.log()).contains(ME + " stopped").doesNotContain("still busy");
        assertThat(tap.sawCommand("IDLE")).as("no wait after the stop").isFalse();
      }
      try (SqliteStateStore store = SqliteStateStore.open(work.resolve("state"))) {
        assertThat(store.conversations()).as("the cycle ran to its end: the outreach is tracked")
            .singleElement().satisfies(c -> assertThat(c.contact().address()).isEqualTo("alice@acme.example"));
      }
    }
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void aCycleStuckOnTheServerDoesNotHoldUpTheStop() throws Exception {
    try (Dovecot dovecot = Dovecot.start(mail); ImapTap tap = ImapTap.start(dovecot.port(), "EXAMINE")) {
      Path config = config(work, tap.port(), dovecot.newUser());
      try (RunProcess run = RunProcess.start(config, work.resolve("logs"))) {
        assertThat(tap.awaitHeld(START_LIMIT)).as("the cycle reads Sent\n%s", run.log()).isTrue();

        run.sigterm();

        // Never released: the server "hangs" for longer than the IMAP timeout the cycle would wait out.
        assertThat(run.awaitExit(STOP_LIMIT)).as("exit status within %s\n%s", STOP_LIMIT, run.log()).isZero();
        assertThat(run.log()).contains(ME + " stopping").contains("still busy");
      }
    }
  }

  /** A new Dovecot user who wrote {@code to} ten days ago: the daemon's first cycle tracks it, and a follow-up is due. */
  static String userWhoWrote(Dovecot dovecot, String messageId, String to, String subject) throws Exception {
    String user = dovecot.newUser();
    try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
      client.sent(messageId, Instant.now().minus(Duration.ofDays(10)), ME, to, subject);
    }
    return user;
  }

  /** A config in {@code work} for Dovecot's {@code user} on {@code port}, plus {@code extra} lines (RunWebIT's web section). */
  static Path config(Path work, int port, String user, String... extra) throws Exception {
    Path password = work.resolve("imap-password");
    Files.writeString(password, Dovecot.PASSWORD + "\n");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
    Path config = work.resolve("config.yaml");
    Files.writeString(config, String.join("\n",
        "me:",
        "  name: Dana Weber",
        "  addresses: [" + ME + "]",
        "  timezone: Europe/Berlin",
        "mail:",
        "  provider: imap",
        "  imap:",
        "    host: 127.0.0.1",
        "    port: " + port,
        "    security: none",
        "    username: " + user,
        "    password_file: imap-password",
        "state_dir: state",
        String.join("\n", extra),
        ""));
    return config;
  }
}
