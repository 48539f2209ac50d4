package io.secondcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway Cyrus IMAP 3.6 on 127.0.0.1 for integration tests, run from Debian's package
 * unpacked under {@code /opt/cyrus} (its package conflicts with Dovecot's, see .ci/run): its own
 * config, mail spool and sockets under a temporary directory, a free port, plain-text login
 * checked against a SASL password database of its own (sasl2-bin's saslpasswd2 writes it), and
 * every user's INBOX, Sent and Drafts made at their first login, the last two flagged
 * {@code \Sent} and {@code \Drafts}.
 *
 * <p>Two of the layouts users meet: {@link Dovecot.Layout#INBOX_PREFIX}, Debian's default, every
 * folder under {@code INBOX.} with '.' as separator; and {@link Dovecot.Layout#SLASH}, with
 * {@code altnamespace} and {@code unixhierarchysep}: folders beside INBOX, separated by '/'.
 * Deletes and expunges are immediate, so a folder made again starts afresh, as on most servers.
 */
public final class Cyrus implements AutoCloseable {

  public static final Path ROOT = Path.of("/opt/cyrus");
  private static final Path BIN = ROOT.resolve("usr/lib/cyrus/bin");
  private static final LoopbackServer.Program PROGRAM =
      new LoopbackServer.Program("Cyrus", BIN.resolve("master"), "cyrus-imapd (unpacked into /opt/cyrus, see .ci/run)");
  private static final LoopbackServer.Program SASLPASSWD =
      new LoopbackServer.Program("saslpasswd2", Path.of("/usr/sbin/saslpasswd2"), "sasl2-bin");
  /** The SASL realm of the users; Cyrus looks them up in the realm of its server name. */
  private static final String REALM = "cyrus.test";
  public static final String SENT = "Sent";
  public static final String DRAFTS = "Drafts";
  /** The password of every user {@link #newUser} makes. */
  public static final String PASSWORD = "any-Pa55";

  private final LoopbackServer server;
  private final Dovecot.Layout layout;
  private final Path sasldb;
  private final AtomicInteger users = new AtomicInteger();

  private Cyrus(LoopbackServer server, Dovecot.Layout layout, Path sasldb) {
    this.server = server;
    this.layout = layout;
    this.sasldb = sasldb;
  }

  /** Starts Cyrus with everything under {@code dir} and returns once it accepts connections. */
  public static Cyrus start(Path dir, Dovecot.Layout layout) throws IOException, InterruptedException {
    PROGRAM.require();
    SASLPASSWD.require();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String sub : List.of("conf", "spool", "run")) {
      Files.createDirectories(dir.resolve(sub));
    }
    int port = LoopbackServer.freePort();
    Path imapd = LoopbackServer.writeConfig(dir.resolve("imapd.conf"), imapdConf(dir, layout));
    Path cyrus = LoopbackServer.writeConfig(dir.resolve("cyrus.conf"), cyrusConf(imapd, port));
    Path sasldb = dir.resolve("conf/sasldb2");
    // A user nobody logs in as makes the database before Cyrus first opens it.
    setPassword(sasldb, "nobody-" + port, "unused");
    if ("root".equals(System.getProperty("user.name"))) {
      // Cyrus drops root for its own user, which must own what it writes.
      chownTree(dir, "cyrus");
    }
    Map<String, String> env = Map.of("LD_LIBRARY_PATH", ROOT.resolve("usr/lib/x86_64-linux-gnu").toString());
    return new Cyrus(LoopbackServer.start(PROGRAM, port,
        List.of("-C", imapd.toString(), "-M", cyrus.toString(), "-p", dir.resolve("run/master.pid").toString(), "-D"),
        env, dir.resolve("stdout.log"), List.of()), layout, sasldb);
  }

  private static void setPassword(Path sasldb, String user, String password) throws IOException {
    Process p = new ProcessBuilder(SASLPASSWD.binary().toString(), "-c", "-p", "-f", sasldb.toString(), "-u", REALM, user)
        .redirectErrorStream(true).start();
    try (var stdin = p.getOutputStream()) {
      stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException("saslpasswd2 failed for " + user + ": " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while saslpasswd2 ran", e);
    }
  }

  public String host() {
    return LoopbackServer.HOST;
  }

  public int port() {
    return server.port();
  }

  public Dovecot.Layout layout() {
    return layout;
  }

  /** A user with {@link #PASSWORD} whom nobody has logged in as yet: the first login makes the mailbox. */
  public String newUser() {
    String user = "user" + users.incrementAndGet();
    try {
      setPassword(sasldb, user, PASSWORD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return user;
  }

  /**
   * The {@code mail:} section of a secondcall config that logs in as {@code user} here, as YAML
   * lines, after writing the password file {@code imap-password} (mode 0600) into {@code dir}.
   */
  public List<String> mailSection(String user, Path dir) throws IOException {
    return LoopbackServer.imapSection(host(), port(), user, PASSWORD, dir);
  }

  public String log() {
    return server.log();
  }

  @Override
  public void close() {
    server.close();
  }

  private static List<String> imapdConf(Path dir, Dovecot.Layout layout) {
    boolean slash = layout == Dovecot.Layout.SLASH;
    return List.of(
        "configdirectory: " + dir.resolve("conf"),
        "defaultpartition: default",
        "partition-default: " + dir.resolve("spool"),
        "admins: cyrus",
        "servername: " + REALM,
        "sasl_pwcheck_method: auxprop",
        "sasl_auxprop_plugin: sasldb",
        "sasl_sasldb_path: " + dir.resolve("conf/sasldb2"),
        "allowplaintext: yes",
        "sasl_mech_list: PLAIN",
        "unixhierarchysep: " + (slash ? "yes" : "no"),
        "altnamespace: " + (slash ? "yes" : "no"),
        "autocreate_quota: 0",
        "autocreate_inbox_folders: " + SENT + " | " + DRAFTS,
        "autocreate_subscribe_folders: " + SENT + " | " + DRAFTS,
        "xlist-sent: " + SENT,
        "xlist-drafts: " + DRAFTS,
        "specialusealways: yes",
        // Cyrus turns 8-bit header bytes into 'X' unless told not to; kept, as Dovecot keeps them.
        "munge8bit: no",
        "delete_mode: immediate",
        "expunge_mode: immediate",
        "lmtpsocket: " + dir.resolve("run/lmtp"),
        "idlesocket: " + dir.resolve("run/idle"),
        "notifysocket: " + dir.resolve("run/notify"),
        "mboxname_lockpath: " + dir.resolve("run/lock"),
        "proc_path: " + dir.resolve("run/proc"),
        "syslog_prefix: cyrus-test",
        "");
  }

  private static List<String> cyrusConf(Path imapd, int port) {
    return List.of(
        "START {",
        "  recover cmd=\"" + BIN.resolve("ctl_cyrusdb") + " -C " + imapd + " -r\"",
        "}",
        "SERVICES {",
        "  imap cmd=\"" + BIN.resolve("imapd") + " -C " + imapd + "\" listen=\"" + LoopbackServer.HOST + ":" + port
            + "\" prefork=0",
        "}",
        "EVENTS {",
        "}",
        "");
  }

  private static void chownTree(Path dir, String user) throws IOException {
    UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Files.setOwner(p, owner);
      }
    }
  }
}
