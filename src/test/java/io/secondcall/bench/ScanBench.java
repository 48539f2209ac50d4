package io.secondcall.bench;

import io.secondcall.testing.Dovecot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 13's benchmark: for each mailbox size, the floor client and secondcall's scans against one
 * throwaway Dovecot, side by side, each measured {@code runs} times; then the reply latency with
 * IDLE and the start-up cost of {@code --version}. The medians go into a Markdown section.
 */
final class ScanBench {

  /** The headers secondcall fetches (MessageMapper.FETCHED_HEADERS), for the floor client. */
  static final String HEADERS = "Message-ID In-Reply-To References Auto-Submitted X-Autoreply X-Autorespond"
      + " Precedence List-Id List-Unsubscribe Content-Type X-Secondcall-Id Disposition-Notification-To From To Cc"
      + " Bcc Subject List-Post Sender Mailing-List X-BeenThere X-Mailing-List";

  private final List<Integer> sizes;
  private final int runs;
  private final Path work;
  private final Child child;
  private final Instant now = Instant.now();

  /** Results of one size. */
  record SizeResult(int size, Samples floorImap, Samples floorWall, Samples initialImap, Samples initialWall,
      Samples quietImap, Samples quietWall, Samples quietWallPlain, Samples floorStatus, List<String> quietCommands,
      Map<String, Double> floorByCommand, Map<String, Double> initialByCommand, Samples examineAlone,
      Samples examineAfterList, Samples sentAlone, Samples sentAfterList, int realInitialExit,
      List<Integer> exits) {}

  ScanBench(List<Integer> sizes, int runs, Path work) throws IOException {
    this.sizes = sizes;
    this.runs = runs;
    this.work = work;
    this.child = new Child(work.resolve("logs"));
  }

  /** Runs everything and returns the Markdown section. */
  String run() throws Exception {
    Path mail = Files.createDirectories(work.resolve("dovecot"));
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<SizeResult> results = new ArrayList<>();
    Samples idle;
    Samples version = new Samples();
    Samples versionPlain = new Samples();
    try (Dovecot dovecot = Dovecot.start(mail)) {
      Path firstConfig = null;
      CommandMeter firstMeter = null;
      List<CommandMeter> meters = new ArrayList<>();
      try {
        for (int size : sizes) {
          CommandMeter meter = CommandMeter.start(dovecot.port());
          meters.add(meter);
          String user = dovecot.newUser();
          // The first login with a folder access creates the Maildir.
          FloorClient.read(dovecot.port(), user, Dovecot.PASSWORD, List.of("INBOX", Dovecot.SENT), LocalDate.now(), HEADERS);
          BenchMailbox.write(dovecot.maildir(user), Dovecot.SENT, size, now);
          Path dir = Files.createDirectories(work.resolve("n" + size));
          results.add(measure(size, user, dir, meter));
          if (firstConfig == null) {
            firstConfig = config(dir, user, meter, dir.resolve("state"));
            firstMeter = meter;
          }
        }
        for (int i = 0; i < runs; i++) {
          version.add(child.run("--version").millis());
          versionPlain.add(child.runWithoutArchive("--version").millis());
        }
        idle = new IdleLatency(dovecot, child, runs).measure(firstConfig, firstMeter, userOf(firstConfig));
      } finally {
        for (CommandMeter m : meters) {
          m.close();
        }
      }
    }
    return new BenchReport(sizes, runs, results, idle, version, versionPlain, child.describe()).markdown();
  }

  private SizeResult measure(int size, String user, Path dir, CommandMeter meter) throws Exception {
    LocalDate since = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(BenchMailbox.LOOKBACK_DAYS + 1);
    List<String> folders = List.of(Dovecot.SENT, "INBOX");
    List<Integer> exits = new ArrayList<>();
    // Warm-up: Dovecot numbers the new files and builds its indexes; the JVM's files get cached.
    FloorClient.read(meter.port(), user, Dovecot.PASSWORD, folders, since, HEADERS);
    exits.add(initial(dir, user, meter, -1).exit());

    Samples floorImap = new Samples();
    Samples floorWall = new Samples();
    Samples initialImap = new Samples();
    Samples initialWall = new Samples();
    Map<String, Double> floorByCommand = Map.of();
    Map<String, Double> initialByCommand = Map.of();
    for (int i = 0; i < runs; i++) {
      meter.reset();
      long start = System.nanoTime();
      FloorClient.read(meter.port(), user, Dovecot.PASSWORD, folders, since, HEADERS);
      floorWall.add((System.nanoTime() - start) / 1e6);
      floorImap.add(meter.busyMillis());
      floorByCommand = meter.busyMillisByCommand();

      meter.reset();
      Child.Result r = initial(dir, user, meter, i);
      exits.add(r.exit());
      initialWall.add(r.millis());
      initialImap.add(meter.busyMillis());
      initialByCommand = meter.busyMillisByCommand();
    }

    // The real first scan drafts and records; the second settles what the first left capped.
    Path config = config(dir, user, meter, dir.resolve("state"));
    int realInitialExit = child.run("scan", "--config", config.toString()).exit();
    exits.add(child.run("scan", "--config", config.toString()).exit());
    Samples quietImap = new Samples();
    Samples quietWall = new Samples();
    List<String> commands = List.of();
    for (int i = 0; i < runs; i++) {
      meter.reset();
      Child.Result r = child.run("scan", "--config", config.toString());
      exits.add(r.exit());
      quietWall.add(r.millis());
      quietImap.add(meter.busyMillis());
      commands = meter.commands();
    }
    // The same without the class-data archive: what the archive saves at start-up.
    Samples quietWallPlain = new Samples();
    for (int i = 0; i < runs; i++) {
      Child.Result r = child.runWithoutArchive("scan", "--config", config.toString());
      exits.add(r.exit());
      quietWallPlain.add(r.millis());
    }
    // What the server takes to say that nothing changed, asked by the least client: one STATUS per folder.
    Samples floorStatus = new Samples();
    for (int i = 0; i < runs; i++) {
      meter.reset();
      FloorClient.status(meter.port(), user, Dovecot.PASSWORD, List.of(Dovecot.SENT, "INBOX", Dovecot.DRAFTS));
      floorStatus.add(meter.busyMillis());
    }
    // The floor's read of Sent alone, and after a LIST in the same session, as secondcall must list
    // to find its folders: EXAMINE costs more after a LIST; whether the read as a whole does is the question.
    Samples examineAlone = new Samples();
    Samples examineAfterList = new Samples();
    Samples sentAlone = new Samples();
    Samples sentAfterList = new Samples();
    for (int i = 0; i < runs; i++) {
      for (boolean listFirst : new boolean[] {false, true}) {
        meter.reset();
        FloorClient.read(meter.port(), user, Dovecot.PASSWORD, List.of(Dovecot.SENT), since, HEADERS, listFirst);
        Map<String, Double> by = meter.busyMillisByCommand();
        double read = by.getOrDefault("EXAMINE", 0.0) + by.getOrDefault("UID SEARCH", 0.0)
            + by.getOrDefault("UID FETCH", 0.0);
        (listFirst ? examineAfterList : examineAlone).add(by.get("EXAMINE"));
        (listFirst ? sentAfterList : sentAlone).add(read);
      }
    }
    return new SizeResult(size, floorImap, floorWall, initialImap, initialWall, quietImap, quietWall, quietWallPlain,
        floorStatus, commands, floorByCommand, initialByCommand, examineAlone, examineAfterList, sentAlone,
        sentAfterList, realInitialExit, exits);
  }

  /** A first scan from empty state, as a dry run: it reads all a first scan reads and leaves the mailbox as it was. */
  private Child.Result initial(Path dir, String user, CommandMeter meter, int run) throws Exception {
    Path state = dir.resolve("dry-state-" + (run < 0 ? "warm" : Integer.toString(run)));
    return child.run("scan", "--dry-run", "--config", config(dir, user, meter, state).toString());
  }

  private static Path config(Path dir, String user, CommandMeter meter, Path state) throws IOException {
    Path password = dir.resolve("imap-password");
    Files.writeString(password, Dovecot.PASSWORD + "\n");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
    Path config = dir.resolve(state.getFileName() + ".yaml");
    Files.writeString(config, String.join("\n",
        "# user: " + user,
        "me:",
        "  name: Dana Weber",
        "  addresses: [" + BenchMailbox.ME + "]",
        "  timezone: Europe/Berlin",
        "mail:",
        "  provider: imap",
        "  imap:",
        "    host: 127.0.0.1",
        "    port: " + meter.port(),
        "    security: none",
        "    username: " + user,
        "    password_file: imap-password",
        "followup:",
        "  lookback_days: " + BenchMailbox.LOOKBACK_DAYS,
        "daemon:",
        "  poll_seconds: 3600",
        "state_dir: " + state,
        ""));
    return config;
  }

  private static String userOf(Path config) throws IOException {
    return Files.readAllLines(config).get(0).substring("# user: ".length());
  }

  /** Medians and spread of a few measurements, in milliseconds. */
  static final class Samples {
    private final List<Double> values = new ArrayList<>();

    void add(double v) {
      values.add(v);
    }

    double median() {
      List<Double> sorted = values.stream().sorted().toList();
      int n = sorted.size();
      return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    Map<String, Double> range() {
      Map<String, Double> r = new LinkedHashMap<>();
      r.put("min", values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
      r.put("max", values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
      return r;
    }

    int size() {
      return values.size();
    }
  }
}
