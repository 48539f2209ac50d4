package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.testing.Dovecot;
import io.secondcall.testing.ImapTap;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon killed with SIGKILL (the OOM killer, a power cut) while it writes a draft: the
 * APPEND is held at the server's door, the process dies, and the held command goes on to the
 * server with whatever the dead client had sent. The next {@code run} settles it: one draft for
 * the one due step, one digest line for it, whether the APPEND landed or not.
 */
class RunKilledIT {


  @TempDir Path work;
  @TempDir Path mail;

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void aDaemonKilledWhileItWritesADraftDraftsItOnceAfterTheRestart() throws Exception {
    try (Dovecot dovecot = Dovecot.start(mail); ImapTap tap = ImapTap.start(dovecot.port(), "APPEND")) {
      String user = RunStopIT.userWhoWrote(dovecot, "p4@northwind.example", "carla@initech.example", "Pricing workshop");
      Path config = RunStopIT.config(work, tap.port(), user, "daemon:", "  poll_seconds: 3600");
      try (RunProcess first = RunProcess.start(config, work.resolve("logs-1"))) {
        assertThat(tap.awaitHeld(RunStopIT.START_LIMIT)).as("the draft is being written\n%s", first.log()).isTrue();
        first.sigkill();
        assertThat(first.awaitExit(RunStopIT.STOP_LIMIT)).as("killed").isNotNull().isNotZero();
      }
      tap.release();

      try (RunProcess second = RunProcess.start(config, work.resolve("logs-2"))) {
        assertThat(tap.awaitCount("IDLE", 1, RunStopIT.START_LIMIT)).as("the cycle ran to its end\n%s", second.log())
            .isTrue();
        try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
          List<CrashMailbox.Tagged> drafts = client.tagged(Dovecot.DRAFTS);
          assertThat(drafts).as("one draft for the one due step\n%s", second.log()).hasSize(1)
              .allSatisfy(d -> assertThat(d.to()).isEqualTo("carla@initech.example"));
          List<CrashMailbox.Tagged> digests = client.tagged("INBOX").stream()
              .filter(m -> m.secondcallId().startsWith("digest-")).toList();
          assertThat(digests.stream().filter(d -> d.text().contains("carla@initech.example")).count())
              .as("the digest names the follow-up once\n%s", digests).isEqualTo(1);
        }
        second.sigterm();
        assertThat(second.awaitExit(RunStopIT.STOP_LIMIT)).as(second.log()).isZero();
      }
    }
  }
}
