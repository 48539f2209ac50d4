package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.port.CallbackRecord;
import io.secondcall.port.StepRecord;
import io.secondcall.store.SqliteStateStore;
import io.secondcall.testing.Dovecot;
import io.secondcall.testing.Radicale;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, crash safety at scale: {@code scan} killed with SIGKILL at {@value #KILLS} random
 * moments against a real Dovecot and a real Radicale, with outreach to follow up (drafts and
 * callback blocks) and meetings held the day before (recap drafts), then run to its end. After
 * that, what the user sees matches the state exactly: one draft per drafted step, one block per
 * booked call, one digest line per draft, no conversation lost, a state file that opens.
 *
 * <p>The kill delays come from a fixed seed, named in every assertion message with what each
 * round did; the machine's timing still decides where exactly a kill lands.
 */
class CrashAtScaleIT {

  static final long SEED = 20261203L;
  static final int KILLS = 50;
  static final int FIRST = 6;
  static final int MEETINGS = 4;
  static final String ME = "dana@northwind.example";
  static final String NOW = "2026-12-03T09:30:00Z";
  static final String LATER = "2026-12-04T09:30:00Z";
  /** Sent on Monday 30 November 2026, so follow-up 1 is due for each on Thursday 3 December. */
  static final Instant SENT_AT = Instant.parse("2026-11-30T08:00:00Z");
  /** One outreach more before every second kill, so that kills keep hitting scans with work to do. */
  static final List<String> CONTACTS = IntStream.rangeClosed(1, FIRST + KILLS / 2)
      .mapToObj(n -> String.format("contact-%02d@firm%02d.example", n, n)).toList();
  /** Met on Wednesday 2 December: a recap is due on Thursday morning. */
  static final List<String> MET = IntStream.rangeClosed(1, MEETINGS)
      .mapToObj(n -> String.format("met-%02d@client%02d.example", n, n)).toList();

  private static final Pattern BLOCK_ID = Pattern.compile("X-SECONDCALL-ID:([^\\r\\n]+)");

  @TempDir Path work;
  /** Dovecot's, apart from ours: its unprivileged processes must be able to walk into it. */
  @TempDir Path mail;
  @TempDir Path dav;

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void fiftyKilledScansLeaveExactlyWhatTheStateSays() throws Exception {
    try (Dovecot dovecot = Dovecot.start(mail); Radicale radicale = Radicale.start(dav)) {
      Account calibration = Account.open(dovecot, radicale, work.resolve("calibration"));
      calibration.sent(0, FIRST);
      CrashScans.Outcome whole = calibration.scans.complete("whole", NOW);
      assertThat(whole.exit()).as(calibration.scans.log("whole")).isZero();
      assertThat(calibration.drafts()).as("premise: follow-up 1 and the recaps are due at " + NOW)
          .hasSize(FIRST + MEETINGS);

      Account account = Account.open(dovecot, radicale, work.resolve("killed"));
      account.sent(0, FIRST);
      String story = killRounds(account, whole.millis());
      for (String name : List.of("finish-1", "finish-2")) {
        CrashScans.Outcome finish = account.scans.complete(name, NOW);
        assertThat(finish.exit()).as("%s\n%s", story, account.scans.log(name)).isZero();
      }
      assertWhatTheUserSeesMatchesTheState(account, story);

      CrashScans.Outcome later = account.scans.complete("later", LATER);
      assertThat(later.exit()).as("%s\n%s", story, account.scans.log("later")).isZero();
      assertWhatTheUserSeesMatchesTheState(account, "a later scan after " + story);
    }
  }

  private static String killRounds(Account account, long serverMillis) throws Exception {
    Random random = new Random(SEED);
    List<String> rounds = new ArrayList<>();
    int killed = 0;
    for (int round = 1; round <= KILLS; round++) {
      if (round % 2 == 0) {
        account.sent(FIRST + round / 2 - 1, FIRST + round / 2);
      }
      CrashScans.Outcome outcome = account.scans.killAfterLogin("round-" + round, NOW,
          random.nextLong(serverMillis + 1));
      killed += outcome.killed() ? 1 : 0;
      rounds.add(outcome.toString());
    }
    String story = "seed " + SEED + ", a whole scan ran " + serverMillis + " ms after its login; "
        + String.join(", ", rounds);
    assertThat(killed).as("premise: scans were killed mid-run; %s", story).isGreaterThanOrEqualTo(KILLS / 4);
    return story;
  }

  private static void assertWhatTheUserSeesMatchesTheState(Account account, String story) throws Exception {
    List<CrashMailbox.Tagged> drafts = account.drafts();
    List<String> blocks = account.blockIds();
    List<CrashMailbox.Tagged> digests = account.digests();
    try (SqliteStateStore store = SqliteStateStore.open(account.state)) {
      Set<String> drafted = store.stepsIn(StepRecord.State.DRAFTED).stream().map(StepRecord::secondcallId)
          .collect(Collectors.toSet());
      Set<String> booked = store.callbacksIn(CallbackRecord.State.BOOKED).stream().map(CallbackRecord::blockId)
          .collect(Collectors.toSet());

      assertThat(store.conversations()).as("conversations after %s", story).hasSize(CONTACTS.size() + MEETINGS);
      assertThat(drafted).as("drafted steps after %s", story).hasSize(CONTACTS.size() + MEETINGS);
      assertThat(drafts).as("drafts after %s", story).extracting(CrashMailbox.Tagged::secondcallId)
          .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(drafted);
      assertThat(drafts).as("draft recipients after %s", story).extracting(CrashMailbox.Tagged::to)
          .containsExactlyInAnyOrderElementsOf(Stream.concat(CONTACTS.stream(), MET.stream()).toList());
      assertThat(booked).as("booked calls after %s", story).hasSizeGreaterThanOrEqualTo(CONTACTS.size());
      assertThat(blocks).as("callback blocks on Radicale after %s", story)
          .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(booked);

      assertThat(store.stepsIn(StepRecord.State.PREPARING)).as("steps left preparing after %s", story).isEmpty();
      assertThat(store.callbacksIn(CallbackRecord.State.BOOKING)).as("blocks left booking after %s", story).isEmpty();
      assertThat(store.pendingDigestEntries()).as("undelivered digest lines after %s", story).isEmpty();
      assertThat(store.meta("digest.inflight")).as("digest in flight after %s", story).isEmpty();
    }
    assertThat(digests).as("digests after %s", story).extracting(CrashMailbox.Tagged::secondcallId)
        .doesNotHaveDuplicates();
    List<String> lines = digests.stream().flatMap(d -> d.text().lines()).toList();
    for (String contact : Stream.concat(CONTACTS.stream(), MET.stream()).toList()) {
      assertThat(lines).filteredOn(line -> line.contains(contact) && line.contains("Drafted"))
          .as("digest lines on the draft to %s after %s", contact, story).hasSize(1);
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + account.state.resolve(SqliteStateStore.FILE_NAME));
        PreparedStatement check = raw.prepareStatement("PRAGMA integrity_check");
        ResultSet rs = check.executeQuery()) {
      rs.next();
      assertThat(rs.getString(1)).as("integrity of the state file after %s", story).isEqualTo("ok");
    }
  }

  /** One Dovecot user and one Radicale calendar, with a config and state of their own. */
  private record Account(Dovecot dovecot, String user, Radicale radicale, String davUser, URI calendar, Path state,
      CrashScans scans) {

    static Account open(Dovecot dovecot, Radicale radicale, Path dir) throws Exception {
      Files.createDirectories(dir);
      String user = dovecot.newUser();
      String davUser = radicale.newUser();
      URI calendar = radicale.newCalendar(davUser);
      Path davPassword = dir.resolve("dav-password");
      Files.writeString(davPassword, Radicale.PASSWORD + "\n");
      Files.setPosixFilePermissions(davPassword, PosixFilePermissions.fromString("rw-------"));
      List<String> lines = new ArrayList<>(List.of(
          "me:",
          "  name: Dana Weber",
          "  addresses: [" + ME + "]",
          "  timezone: Europe/Berlin"));
      lines.addAll(dovecot.mailSection(user, dir));
      lines.addAll(List.of(
          "calendar:",
          "  provider: caldav",
          "  caldav:",
          "    url: " + calendar,
          "    username: " + davUser,
          "    password_file: dav-password",
          // Raised above the number of contacts: all of them are due on the same day.
          "followup:",
          "  max_drafts_per_day: " + (CONTACTS.size() + MEETINGS + 5),
          "callbacks:",
          "  per_day: " + (CONTACTS.size() + MEETINGS + 5),
          "contacts:"));
      List<String> everyone = Stream.concat(CONTACTS.stream(), MET.stream()).toList();
      for (int i = 0; i < everyone.size(); i++) {
        lines.add(String.format("  \"%s\": {phone: \"+49 30 1234%03d\"}", everyone.get(i), i));
      }
      lines.add("state_dir: state");
      lines.add("");
      Path config = dir.resolve("config.yaml");
      Files.writeString(config, String.join("\n", lines));
      Account account = new Account(dovecot, user, radicale, davUser, calendar, dir.resolve("state"),
          new CrashScans(config, dir.resolve("logs")));
      account.meetings();
      return account;
    }

    void sent(int from, int to) throws Exception {
      try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
        for (int i = from; i < to; i++) {
          client.sent("proposal-" + i + "@northwind.example", SENT_AT.plusSeconds(60L * i), ME, CONTACTS.get(i),
              "Proposal " + (i + 1));
        }
      }
    }

    /** Meetings held on Wednesday 2 December 2026, each with one client, one after the other. */
    void meetings() throws Exception {
      for (int i = 0; i < MET.size(); i++) {
        String uid = "meeting-" + i;
        String body = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//secondcall tests//EN",
            "BEGIN:VEVENT",
            "UID:" + uid,
            "DTSTAMP:20261201T090000Z",
            "CREATED:20261201T090000Z",
            String.format("DTSTART:20261202T%02d0000Z", 9 + i),
            String.format("DTEND:20261202T%02d4500Z", 9 + i),
            "SUMMARY:Intro call " + (i + 1),
            "DESCRIPTION:Recap: a pilot for the finance team in January.",
            "ORGANIZER:mailto:" + ME,
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:" + ME,
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:" + MET.get(i),
            "END:VEVENT",
            "END:VCALENDAR",
            "");
        int status = radicale.send(davUser, "PUT", calendar.resolve(uid + ".ics"), "text/calendar", body).statusCode();
        assertThat(status).as("PUT of meeting %s: %s", uid, radicale.log()).isBetween(200, 299);
      }
    }

    List<CrashMailbox.Tagged> drafts() throws Exception {
      try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
        return client.tagged(Dovecot.DRAFTS);
      }
    }

    List<CrashMailbox.Tagged> digests() throws Exception {
      try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
        return client.tagged("INBOX").stream().filter(m -> m.secondcallId().startsWith("digest-")).toList();
      }
    }

    /** The X-SECONDCALL-ID of every event in the calendar: our blocks. */
    List<String> blockIds() throws Exception {
      List<String> ids = new ArrayList<>();
      for (String href : radicale.members(davUser, calendar)) {
        String body = radicale.send(davUser, "GET", calendar.resolve(href), null, null).body();
        Matcher m = BLOCK_ID.matcher(body.replace("\r\n ", ""));
        while (m.find()) {
          ids.add(m.group(1).strip());
        }
      }
      return ids;
    }
  }
}
