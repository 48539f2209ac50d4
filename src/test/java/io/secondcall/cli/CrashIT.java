package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.port.CallbackRecord;
import io.secondcall.port.StepRecord;
import io.secondcall.store.SqliteStateStore;
import io.secondcall.testing.Dovecot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 10 against a real Dovecot: {@code scan} killed with SIGKILL at random moments,
 * again and again, then run to its end, leaves exactly one draft and one digest line per due
 * step, and a state file that opens.
 *
 * <p>Sent starts with {@link #FIRST} outreach messages, and {@link #MORE} arrive before each
 * kill, as when the user goes on writing between scans: with a fixed set, the first two or
 * three scans draft everything and the later kills would only hit a scan with nothing to do.
 * The kill delays come from a fixed seed, named in every assertion message with what each round
 * did; the machine's timing still decides where exactly a kill lands.
 */
class CrashIT {

  static final long SEED = 20261203L;
  static final int KILLS = 12;
  /** Outreach in Sent before the first scan. */
  static final int FIRST = 8;
  /** Outreach added to Sent before each kill round. */
  static final int MORE = 2;
  static final String ME = "dana@northwind.example";
  static final String NOW = "2026-12-03T09:30:00Z";
  static final String LATER = "2026-12-04T09:30:00Z";
  /** Sent on Monday 30 November 2026, so follow-up 1 is due for each on Thursday 3 December. */
  static final Instant SENT_AT = Instant.parse("2026-11-30T08:00:00Z");
  static final List<String> CONTACTS = IntStream.rangeClosed(1, FIRST + KILLS * MORE)
      .mapToObj(n -> String.format("contact-%02d@firm%02d.example", n, n))
      .toList();

  /** Our files: configs, state, child logs. */
  @TempDir Path work;
  /** Dovecot's, apart from ours: its unprivileged processes must be able to walk into it. */
  @TempDir Path mail;

  /** One mailbox with its own config and state, scanned by child JVMs. */
  record Account(String user, Path stateDir, CrashScans scans) {}

  @Test
  @Timeout(value = 110, unit = TimeUnit.SECONDS)
  void scansKilledAtRandomMomentsLeaveExactlyOneDraftOneBlockAndOneDigestLinePerStep() throws Exception {
    try (Dovecot dovecot = Dovecot.start(mail)) {
      Account calibration = account(dovecot, "calibration");
      sent(dovecot, calibration, 0, FIRST);
      CrashScans.Outcome whole = calibration.scans().complete("whole", NOW);
      assertThat(whole.exit()).as(calibration.scans().log("whole")).isZero();
      assertThat(drafts(dovecot, calibration)).as("premise: follow-up 1 is due at " + NOW).hasSize(FIRST);

      Account account = account(dovecot, "killed");
      sent(dovecot, account, 0, FIRST);
      String story = killRounds(dovecot, account, whole.millis());
      for (String name : List.of("finish-1", "finish-2")) {
        CrashScans.Outcome finish = account.scans().complete(name, NOW);
        assertThat(finish.exit()).as("%s\n%s", story, account.scans().log(name)).isZero();
      }
      assertOneDraftAndOneDigestLinePerStep(dovecot, account, story);

      CrashScans.Outcome later = account.scans().complete("later", LATER);
      assertThat(later.exit()).as("%s\n%s", story, account.scans().log("later")).isZero();
      assertOneDraftAndOneDigestLinePerStep(dovecot, account, "a later scan, with every step waiting, after " + story);
      assertOneBlockPerStep(account.stateDir().resolveSibling("calendar.ics"), story);
      assertStateIsWhole(account.stateDir(), story);
    }
  }

  /**
   * Adds outreach and kills a scan at a random moment up to {@code serverMillis} after its login,
   * {@link #KILLS} times; tells what happened, for the assertion messages.
   */
  private static String killRounds(Dovecot dovecot, Account account, long serverMillis) throws Exception {
    Random random = new Random(SEED);
    List<String> rounds = new ArrayList<>();
    int killed = 0;
    for (int round = 1; round <= KILLS; round++) {
      int contacts = FIRST + round * MORE;
      sent(dovecot, account, contacts - MORE, contacts);
      CrashScans.Outcome outcome = account.scans().killAfterLogin("round-" + round, NOW,
          random.nextLong(serverMillis + 1));
      killed += outcome.killed() ? 1 : 0;
      rounds.add(outcome + " (" + drafts(dovecot, account).size() + " drafts for " + contacts + " contacts)");
    }
    String story = "seed " + SEED + ", a whole scan of " + FIRST + " ran " + serverMillis + " ms after its login; "
        + String.join(", ", rounds);
    assertThat(killed).as("premise: scans were killed mid-run; %s", story).isGreaterThanOrEqualTo(KILLS / 4);
    return story;
  }

  private static void assertOneDraftAndOneDigestLinePerStep(Dovecot dovecot, Account account, String story)
      throws Exception {
    List<CrashMailbox.Tagged> drafts = drafts(dovecot, account);
    assertThat(drafts).as("draft ids after %s", story).extracting(CrashMailbox.Tagged::secondcallId)
        .hasSize(CONTACTS.size())
        .doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).as(story).endsWith(".1"));
    assertThat(drafts).as("draft recipients after %s", story).extracting(CrashMailbox.Tagged::to)
        .containsExactlyInAnyOrderElementsOf(CONTACTS);

    List<CrashMailbox.Tagged> digests = digests(dovecot, account);
    assertThat(digests).as("digest ids after %s", story).extracting(CrashMailbox.Tagged::secondcallId)
        .isNotEmpty()
        .doesNotHaveDuplicates();
    List<String> lines = digests.stream().flatMap(d -> d.text().lines()).toList();
    for (String contact : CONTACTS) {
      assertThat(lines).filteredOn(line -> line.contains(contact) && line.contains("Drafted"))
          .as("digest lines on the draft to %s after %s", contact, story)
          .singleElement().asString().contains("Drafted follow-up 1");
      assertThat(lines).filteredOn(line -> line.contains(contact) && line.contains("booked"))
          .as("digest lines on the call to %s after %s", contact, story)
          .hasSize(1);
    }
  }

  /** SPEC section 7: a crash or retry never creates a block twice. */
  private static void assertOneBlockPerStep(Path calendar, String story) throws Exception {
    List<String> blockIds = Files.readAllLines(calendar).stream()
        .filter(line -> line.startsWith("X-SECONDCALL-ID:"))
        .map(line -> line.substring("X-SECONDCALL-ID:".length()).strip())
        .toList();
    assertThat(blockIds).as("callback blocks in the calendar after %s", story)
        .hasSize(CONTACTS.size())
        .doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).as(story).endsWith(".1.call"));
  }

  private static void assertStateIsWhole(Path stateDir, String story) throws Exception {
    try (SqliteStateStore store = SqliteStateStore.open(stateDir)) {
      assertThat(store.callbacksIn(CallbackRecord.State.BOOKING)).as("blocks left booking after %s", story).isEmpty();
      assertThat(store.callbacksIn(CallbackRecord.State.BOOKED)).as("booked blocks after %s", story)
          .hasSize(CONTACTS.size());
      assertThat(store.conversations()).as("conversations after %s", story).hasSize(CONTACTS.size());
      assertThat(store.stepsIn(StepRecord.State.PREPARING)).as("steps left preparing after %s", story).isEmpty();
      assertThat(store.stepsIn(StepRecord.State.DRAFTED)).as("drafted steps after %s", story)
          .extracting(StepRecord::conversationId).hasSize(CONTACTS.size()).doesNotHaveDuplicates();
      assertThat(store.pendingDigestEntries()).as("undelivered digest entries after %s", story).isEmpty();
      assertThat(store.meta("digest.inflight")).as("digest in flight after %s", story).isEmpty();
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve(SqliteStateStore.FILE_NAME));
        PreparedStatement check = raw.prepareStatement("PRAGMA integrity_check");
        ResultSet rs = check.executeQuery()) {
      rs.next();
      assertThat(rs.getString(1)).as("integrity of the state file after %s", story).isEqualTo("ok");
    }
  }

  /** A fresh Dovecot user with a config of its own. */
  private Account account(Dovecot dovecot, String name) throws Exception {
    String user = dovecot.newUser();
    Path dir = Files.createDirectories(work.resolve(name));
    Path config = dir.resolve("config.yaml");
    // No sent_folder or drafts_folder: Dovecot's "Sent Items" and "Brouillons" are found by SPECIAL-USE.
    // The daily cap is raised above the number of contacts: all of them are due on the same day.
    Files.writeString(config, String.join("\n",
        "me:",
        "  name: Dana Weber",
        "  addresses: [" + ME + "]",
        "  timezone: Europe/Berlin",
        String.join("\n", dovecot.mailSection(user, dir)),
        "followup:",
        "  max_drafts_per_day: " + (CONTACTS.size() + 10),
        // Every contact has a number, so every step also books a callback block in the calendar file.
        "callbacks:",
        "  per_day: " + (CONTACTS.size() + 10),
        "calendar:",
        "  provider: ics",
        "  ics:",
        "    path: calendar.ics",
        "contacts:",
        IntStream.range(0, CONTACTS.size())
            .mapToObj(i -> String.format("  \"%s\": {phone: \"+49 30 123456%02d\"}", CONTACTS.get(i), i))
            .collect(java.util.stream.Collectors.joining("\n")),
        "state_dir: state",
        ""));
    return new Account(user, dir.resolve("state"), new CrashScans(config, dir.resolve("logs")));
  }

  /** Puts the outreach to contacts {@code from} (inclusive) to {@code to} (exclusive) into Sent. */
  private static void sent(Dovecot dovecot, Account account, int from, int to) throws Exception {
    try (CrashMailbox client = new CrashMailbox(dovecot, account.user())) {
      for (int i = from; i < to; i++) {
        client.sent("proposal-" + i + "@northwind.example", SENT_AT.plusSeconds(60L * i), ME, CONTACTS.get(i),
            "Proposal " + (i + 1));
      }
    }
  }

  private static List<CrashMailbox.Tagged> drafts(Dovecot dovecot, Account account) throws Exception {
    try (CrashMailbox client = new CrashMailbox(dovecot, account.user())) {
      return client.tagged(Dovecot.DRAFTS);
    }
  }

  private static List<CrashMailbox.Tagged> digests(Dovecot dovecot, Account account) throws Exception {
    try (CrashMailbox client = new CrashMailbox(dovecot, account.user())) {
      return client.tagged("INBOX").stream().filter(m -> m.secondcallId().startsWith("digest-")).toList();
    }
  }
}
