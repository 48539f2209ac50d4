package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.port.StepRecord;
import io.secondcall.store.SqliteStateStore;
import io.secondcall.testing.Dovecot;
import io.secondcall.testing.FaultProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, faults: the connection to the IMAP server cut at random points of a scan, scan
 * after scan, by a proxy that then refuses connections until the round is over (a server
 * restart, a dropped line). Each cut scan exits 3 or, when the cut came after its last
 * command, 0; once the network is back, the user has exactly one draft and one digest line per
 * due follow-up, and the state has lost no conversation.
 */
class NetworkCutsIT {

  static final long SEED = 20261203L;
  static final int ROUNDS = 30;
  static final int FIRST = 4;
  static final String ME = CrashAtScaleIT.ME;
  static final String NOW = CrashAtScaleIT.NOW;
  static final List<String> CONTACTS = IntStream.rangeClosed(1, FIRST + ROUNDS)
      .mapToObj(n -> String.format("cut-%02d@firm%02d.example", n, n)).toList();

  @TempDir Path work;
  @TempDir Path mail;

  @Test
  void scansCutAtRandomPointsLeaveOneDraftAndOneDigestLinePerStep() throws Exception {
    try (Dovecot dovecot = Dovecot.start(mail); FaultProxy proxy = FaultProxy.start(dovecot.port())) {
      String calibration = dovecot.newUser();
      sent(dovecot, calibration, 0, FIRST);
      long before = proxy.bytesFromServer();
      CliIT.Result whole = scan(config(dovecot, proxy, calibration, "calibration"));
      assertThat(whole.exit()).as(whole.err()).isZero();
      long scanBytes = proxy.bytesFromServer() - before;

      String user = dovecot.newUser();
      Path config = config(dovecot, proxy, user, "cut");
      sent(dovecot, user, 0, FIRST);
      Random random = new Random(SEED);
      List<String> rounds = new ArrayList<>();
      int failed = 0;
      for (int round = 1; round <= ROUNDS; round++) {
        sent(dovecot, user, FIRST + round - 1, FIRST + round);
        long cut = random.nextLong(scanBytes + 1);
        proxy.cutAfter(cut);
        CliIT.Result r = scan(config);
        proxy.heal();
        assertThat(r.exit()).as("round %d, cut after %d bytes: %s", round, cut, r.err()).isIn(0, 3);
        failed += r.exit() == 3 ? 1 : 0;
        rounds.add("cut after " + cut + " bytes: exit " + r.exit());
      }
      String story = "seed " + SEED + ", a whole scan read " + scanBytes + " bytes; " + String.join(", ", rounds);
      assertThat(failed).as("premise: scans were cut; %s", story).isGreaterThanOrEqualTo(ROUNDS / 4);

      for (int i = 0; i < 2; i++) {
        CliIT.Result r = scan(config);
        assertThat(r.exit()).as("%s\n%s", story, r.err()).isZero();
      }

      List<CrashMailbox.Tagged> drafts;
      List<CrashMailbox.Tagged> digests;
      try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
        drafts = client.tagged(Dovecot.DRAFTS);
        digests = client.tagged("INBOX").stream().filter(m -> m.secondcallId().startsWith("digest-")).toList();
      }
      assertThat(drafts).as("drafts after %s", story).extracting(CrashMailbox.Tagged::to)
          .containsExactlyInAnyOrderElementsOf(CONTACTS);
      assertThat(drafts).extracting(CrashMailbox.Tagged::secondcallId).doesNotHaveDuplicates();
      assertThat(digests).extracting(CrashMailbox.Tagged::secondcallId).doesNotHaveDuplicates();
      List<String> lines = digests.stream().flatMap(d -> d.text().lines()).toList();
      for (String contact : CONTACTS) {
        assertThat(lines).filteredOn(l -> l.contains(contact) && l.contains("Drafted"))
            .as("digest lines on the draft to %s after %s", contact, story).hasSize(1);
      }
      try (SqliteStateStore store = SqliteStateStore.open(work.resolve("cut").resolve("state"))) {
        assertThat(store.conversations()).as(story).hasSize(CONTACTS.size());
        assertThat(store.stepsIn(StepRecord.State.DRAFTED)).as(story).hasSize(CONTACTS.size());
        assertThat(store.stepsIn(StepRecord.State.PREPARING)).as(story).isEmpty();
        assertThat(store.pendingDigestEntries()).as(story).isEmpty();
      }
    }
  }

  private static CliIT.Result scan(Path config) {
    return CliIT.run("scan", "--config", config.toString(), "--now", NOW);
  }

  private static void sent(Dovecot dovecot, String user, int from, int to) throws Exception {
    try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
      for (int i = from; i < to; i++) {
        client.sent("cut-" + i + "@northwind.example", CrashAtScaleIT.SENT_AT.plusSeconds(60L * i), ME, CONTACTS.get(i),
            "Proposal " + (i + 1));
      }
    }
  }

  private Path config(Dovecot dovecot, FaultProxy proxy, String user, String name) throws Exception {
    Path dir = Files.createDirectories(work.resolve(name));
    List<String> lines = new ArrayList<>(List.of(
        "me:",
        "  name: Dana Weber",
        "  addresses: [" + ME + "]",
        "  timezone: Europe/Berlin"));
    for (String line : dovecot.mailSection(user, dir)) {
      // Through the proxy, which cuts the line when told to.
      lines.add(line.startsWith("    port: ") ? "    port: " + proxy.port() : line);
    }
    lines.addAll(List.of(
        "followup:",
        "  max_drafts_per_day: " + (CONTACTS.size() + 5),
        "state_dir: state",
        ""));
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, String.join("\n", lines));
    return config;
  }
}
