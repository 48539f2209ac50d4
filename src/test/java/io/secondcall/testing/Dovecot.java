package io.secondcall.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throwaway Dovecot 2.3 IMAP server on 127.0.0.1 for integration tests: its own config,
 * state and mail under a temporary directory, a free port, plain-text login, the folders
 * "Sent Items" and "Brouillons" flagged {@code \Sent} and {@code \Drafts} (SPECIAL-USE), and
 * one fresh user per {@link #newUser()}.
 *
 * <p>When {@code /usr/sbin/dovecot} is missing, {@link #start} fails with a message saying how
 * to install it, unless {@code SECONDCALL_SKIP_DOVECOT=1} is set, in which case the test is
 * skipped. CI installs Dovecot, so there it always runs.
 */
public final class Dovecot implements AutoCloseable {

  public static final Path BINARY = Path.of("/usr/sbin/dovecot");
  private static final LoopbackServer.Program PROGRAM = new LoopbackServer.Program("Dovecot", BINARY, "dovecot-imapd");
  public static final String SENT = "Sent Items";
  public static final String DRAFTS = "Brouillons";
  public static final String PASSWORD = "secret-Pa55";

  private static final int USERS = 100;

  /**
   * How the personal namespace looks to a client.
   *
   * <p>{@code SLASH}: folders at the top level, separated by '/' ({@code Sent Items},
   * {@code secondcall/stop}). {@code INBOX_PREFIX}: every folder under {@code INBOX.}, separated by
   * '.', as Cyrus and Courier show them by default ({@code INBOX.Sent Items}).
   */
  public enum Layout {
    SLASH("", '/'),
    INBOX_PREFIX("INBOX.", '.');

    private final String prefix;
    private final char separator;

    Layout(String prefix, char separator) {
      this.prefix = prefix;
      this.separator = separator;
    }

    /** The full name a client sees for a folder given as {@code a/b} under the personal namespace. */
    public String folder(String path) {
      return prefix + path.replace('/', separator);
    }
  }

  private final Path dir;
  private LoopbackServer server;
  private final Layout layout;
  private final AtomicInteger users = new AtomicInteger();

  /** Who owns the mail files: the current user, or {@code nobody} when running as root. */
  private record MailUser(String name, int uid, int gid) {}

  private Dovecot(Path dir, LoopbackServer server, Layout layout) {
    this.dir = dir;
    this.server = server;
    this.layout = layout;
  }

  /** Starts Dovecot with everything under {@code dir} and returns once it accepts connections. */
  public static Dovecot start(Path dir) throws IOException, InterruptedException {
    return start(dir, Layout.SLASH);
  }

  /** Like {@link #start(Path)}, with the personal namespace laid out as {@code layout}. */
  public static Dovecot start(Path dir, Layout layout) throws IOException, InterruptedException {
    return start(dir, layout, Set.of());
  }

  /**
   * Like {@link #start(Path)}, but not offering the extensions in {@code hidden} (e.g.
   * {@code CONDSTORE}, {@code UIDPLUS}) after login, as older or smaller servers do not.
   */
  public static Dovecot startWithout(Path dir, Set<String> hidden) throws IOException, InterruptedException {
    return start(dir, Layout.SLASH, hidden);
  }

  private static Dovecot start(Path dir, Layout layout, Set<String> hidden) throws IOException, InterruptedException {
    PROGRAM.require();
    boolean root = "root".equals(System.getProperty("user.name"));
    MailUser mailUser = root ? lookup("nobody") : lookup(System.getProperty("user.name"));
    // Dovecot's unprivileged processes must be able to walk into the temporary directory.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(dir.resolve("run"));
    Files.createDirectories(dir.resolve("state"));
    Files.createDirectories(dir.resolve("home"));
    chown(dir.resolve("home"), mailUser);
    writeUsers(dir, mailUser);
    int port = LoopbackServer.freePort();
    Path conf = LoopbackServer.writeConfig(dir.resolve("dovecot.conf"), config(dir, port, root, mailUser, layout, hidden));
    return new Dovecot(dir, LoopbackServer.start(PROGRAM, port, List.of("-F", "-c", conf.toString()),
        dir.resolve("stdout.log"), List.of(dir.resolve("dovecot.log"))), layout);
  }

  public String host() {
    return LoopbackServer.HOST;
  }

  public int port() {
    return server.port();
  }

  public Layout layout() {
    return layout;
  }

  /**
   * A user nobody has logged in as yet, so with an empty mailbox. The users are written before
   * the start: Dovecot notices a changed passwd-file only by its modification time, which
   * misses changes within the same second.
   */
  public String newUser() {
    int n = users.incrementAndGet();
    if (n > USERS) {
      throw new IllegalStateException("all " + USERS + " test users of this Dovecot are taken");
    }
    return "user" + n;
  }

  private static void writeUsers(Path dir, MailUser mailUser) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int n = 1; n <= USERS; n++) {
      Path home = dir.resolve("home").resolve("user" + n);
      Files.createDirectories(home);
      chown(home, mailUser);
      lines.append("user").append(n).append(":{PLAIN}").append(PASSWORD).append(':')
          .append(mailUser.uid()).append(':').append(mailUser.gid()).append("::").append(home).append('\n');
    }
    Path usersFile = dir.resolve("users");
    Files.writeString(usersFile, lines, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(usersFile, PosixFilePermissions.fromString("rw-r--r--"));
  }

  /**
   * The Maildir of {@code user}: INBOX itself, other folders in {@code .NAME} subdirectories
   * (Maildir++). For tests that load thousands of messages, where writing the files directly is
   * much faster than APPEND; Dovecot picks new files up on the next sync of the folder.
   */
  public Path maildir(String user) {
    return dir.resolve("home").resolve(user).resolve("Maildir");
  }

  /**
   * Stops Dovecot and starts it again on the same port with the same mail, as an upgrade or a
   * reboot of the mail server does: every session is cut, and logins fail until it is back.
   */
  public void restart() throws IOException, InterruptedException {
    int port = server.port();
    server.close();
    server = LoopbackServer.start(PROGRAM, port, List.of("-F", "-c", dir.resolve("dovecot.conf").toString()),
        dir.resolve("stdout-restarted.log"), List.of(dir.resolve("dovecot.log")));
  }

  /** Disconnects every session of {@code user}, as a server restart or network drop would. */
  public void kick(String user) throws IOException, InterruptedException {
    Process kick = new ProcessBuilder("/usr/bin/doveadm", "-c", dir.resolve("dovecot.conf").toString(), "kick", user)
        .redirectErrorStream(true)
        .start();
    String output = new String(kick.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!kick.waitFor(20, TimeUnit.SECONDS) || kick.exitValue() != 0) {
      throw new IOException("doveadm kick " + user + " failed: " + output);
    }
  }

  /**
   * The {@code mail:} section of a secondcall config that logs in as {@code user} here, as YAML
   * lines, after writing the password file {@code imap-password} (mode 0600) into {@code dir},
   * beside the config that names it.
   */
  public List<String> mailSection(String user, Path dir) throws IOException {
    return LoopbackServer.imapSection(host(), port(), user, PASSWORD, dir);
  }

  /** Dovecot's own log, for failure messages. */
  public String log() {
    return server.log();
  }

  /** Stops the master process, which takes its children with it. */
  @Override
  public void close() {
    server.close();
  }

  /** What Dovecot 2.3 offers after login by default. */
  private static final List<String> CAPABILITIES = List.of("IMAP4rev1", "SASL-IR", "LOGIN-REFERRALS", "ID", "ENABLE",
      "IDLE", "SORT", "SORT=DISPLAY", "THREAD=REFERENCES", "THREAD=REFS", "THREAD=ORDEREDSUBJECT", "MULTIAPPEND",
      "URL-PARTIAL", "CATENATE", "UNSELECT", "CHILDREN", "NAMESPACE", "UIDPLUS", "LIST-EXTENDED", "I18NLEVEL=1",
      "CONDSTORE", "QRESYNC", "ESEARCH", "ESORT", "SEARCHRES", "WITHIN", "CONTEXT=SEARCH", "LIST-STATUS", "BINARY",
      "MOVE", "SNIPPET=FUZZY", "PREVIEW=FUZZY", "PREVIEW", "STATUS=SIZE", "SAVEDATE", "LITERAL+", "NOTIFY",
      "SPECIAL-USE");

  private static List<String> config(Path dir, int port, boolean root, MailUser mailUser, Layout layout,
      Set<String> hidden) {
    String loginUser = root ? "dovenull" : mailUser.name();
    String internalUser = root ? "dovecot" : mailUser.name();
    String capabilities = hidden.isEmpty() ? ""
        : String.join(" ", CAPABILITIES.stream().filter(c -> !hidden.contains(c)).toList());
    return List.of(
        "imap_capability = " + capabilities,
        "base_dir = " + dir.resolve("run"),
        "state_dir = " + dir.resolve("state"),
        "log_path = " + dir.resolve("dovecot.log"),
        "protocols = imap",
        "listen = " + LoopbackServer.HOST,
        "ssl = no",
        "disable_plaintext_auth = no",
        "auth_mechanisms = plain login",
        "mail_location = maildir:~/Maildir",
        "default_login_user = " + loginUser,
        "default_internal_user = " + internalUser,
        "default_internal_group = " + (root ? "dovecot" : internalUser),
        "first_valid_uid = " + Math.min(mailUser.uid(), 500),
        "first_valid_gid = 0",
        "passdb {",
        "  driver = passwd-file",
        "  args = " + dir.resolve("users"),
        "}",
        "userdb {",
        "  driver = passwd-file",
        "  args = " + dir.resolve("users"),
        "}",
        "service imap-login {",
        "  chroot =",
        "  inet_listener imap {",
        "    address = " + LoopbackServer.HOST,
        "    port = " + port,
        "  }",
        "  inet_listener imaps {",
        "    port = 0",
        "  }",
        "}",
        "service anvil {",
        "  chroot =",
        "}",
        "namespace inbox {",
        "  inbox = yes",
        "  separator = " + layout.separator,
        "  prefix = " + layout.prefix,
        "  mailbox \"" + SENT + "\" {",
        "    special_use = \\Sent",
        "    auto = subscribe",
        "  }",
        "  mailbox " + DRAFTS + " {",
        "    special_use = \\Drafts",
        "    auto = subscribe",
        "  }",
        "}",
        "");
  }

  private static MailUser lookup(String name) throws IOException {
    for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
      String[] f = line.split(":");
      if (f.length > 3 && f[0].equals(name)) {
        return new MailUser(name, Integer.parseInt(f[2]), Integer.parseInt(f[3]));
      }
    }
    throw new IOException("no user " + name + " in /etc/passwd");
  }

  private static void chown(Path path, MailUser user) throws IOException {
    UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
    Files.setOwner(path, lookup.lookupPrincipalByName(user.name()));
  }
}
