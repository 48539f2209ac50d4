package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.secondcall.tls.CertificatePin;
import io.secondcall.tls.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-signed IMAPS (GreenMail's built-in certificate) and CalDAV (a key pair made for the test)
 * servers on 127.0.0.1: refused with one line that shows the fingerprint unless it is pinned;
 * trusted when the pin matches; refused again when it does not.
 */
class TlsPinningIT {

  @RegisterExtension
  static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAPS.dynamicPort());

  static final String DANA = "dana@northwind.example";
  static final CertificatePin WRONG = CertificatePin.parse("SHA256:" + "AB".repeat(32));

  @TempDir Path dir;
  private HttpsServer dav;
  private CertificatePin imapPin;
  private CertificatePin davPin;

  record Result(int exit, String out, String err) {}

  @BeforeEach
  void setUp() throws Exception {
    GREENMAIL.setUser(DANA, DANA, "secret");
    GREENMAIL.getManagers().getImapHostManager().createMailbox(
        GREENMAIL.getManagers().getUserManager().getUser(DANA), "Sent");
    imapPin = TestCertificates.presented(GREENMAIL.getImaps().getPort());
    dav = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    dav.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.serverContext(TestCertificates.selfSigned(dir))));
    dav.createContext("/dana/cal/", TlsPinningIT::answer);
    dav.start();
    davPin = TestCertificates.presented(dav.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    dav.stop(0);
  }

  @Test
  void anUnpinnedSelfSignedImapServerIsRefusedWithItsFingerprint() throws Exception {
    Path config = config(null, null, false);
    String line = "mail.imap: the certificate of 127.0.0.1 is not trusted (self-signed?); to trust this server,"
        + " set mail.imap.tls_fingerprint: " + imapPin;

    Result scan = run("scan", "--config", config.toString());
    Result check = run("check", "--config", config.toString());

    assertThat(scan.exit()).as(scan.err()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(scan.err()).isEqualTo("secondcall: " + line + System.lineSeparator());
    assertThat(check.exit()).as(check.out()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(check.out()).contains(line);
  }

  @Test
  void aPinnedImapServerIsTrusted() throws Exception {
    Path config = config(imapPin.toString().toLowerCase(), null, false);

    Result scan = run("scan", "--config", config.toString());
    Result check = run("check", "--config", config.toString());

    assertThat(scan.exit()).as(scan.err()).isZero();
    assertThat(check.exit()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).contains("Sent is \"Sent\"");
  }

  @Test
  void aWronglyPinnedImapServerIsRefused() throws Exception {
    Path config = config(WRONG.toString(), null, false);

    Result scan = run("scan", "--config", config.toString());

    assertThat(scan.exit()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(scan.err()).isEqualTo("secondcall: mail.imap: the certificate of 127.0.0.1 is " + imapPin
        + ", not the one set in mail.imap.tls_fingerprint (" + WRONG + "); refusing to connect."
        + " If the server's certificate was renewed, check it and set mail.imap.tls_fingerprint: " + imapPin
        + System.lineSeparator());
  }

  @Test
  void anUnpinnedSelfSignedCalDavServerIsRefusedWithItsFingerprint() throws Exception {
    Path config = config(imapPin.toString(), null, true);
    String line = "calendar.caldav: the certificate of 127.0.0.1 is not trusted (self-signed?); to trust this server,"
        + " set calendar.caldav.tls_fingerprint: " + davPin;

    Result check = run("check", "--config", config.toString());

    assertThat(check.exit()).as(check.out()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(check.out()).contains(line).contains("Sent is \"Sent\"");
  }

  @Test
  void aPinnedCalDavServerIsTrustedAndAWrongPinRefused() throws Exception {
    Result right = run("check", "--config", config(imapPin.toString(), davPin.hex().toLowerCase(), true)
        .toString());
    Result wrong = run("check", "--config", config(imapPin.toString(), WRONG.toString(), true).toString());

    assertThat(right.exit()).as(right.out() + right.err()).isZero();
    assertThat(right.out()).contains("0 busy period(s)");
    assertThat(wrong.exit()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(wrong.out()).contains("calendar.caldav: the certificate of 127.0.0.1 is " + davPin
        + ", not the one set in calendar.caldav.tls_fingerprint (" + WRONG + "); refusing to connect.");
  }

  private Path config(String imapFingerprint, String davFingerprint, boolean caldav) throws IOException {
    Path password = dir.resolve("imap-password");
    Files.writeString(password, "secret\n");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
    StringBuilder yaml = new StringBuilder(String.join("\n",
        "me:",
        "  name: Dana Weber",
        "  addresses: [" + DANA + "]",
        "  timezone: Europe/Berlin",
        "mail:",
        "  imap:",
        "    host: 127.0.0.1",
        "    port: " + GREENMAIL.getImaps().getPort(),
        "    security: tls",
        "    username: " + DANA,
        "    password_file: imap-password",
        ""));
    if (imapFingerprint != null) {
      yaml.append("    tls_fingerprint: \"").append(imapFingerprint).append("\"\n");
    }
    yaml.append("state_dir: state\n");
    if (caldav) {
      yaml.append("calendar:\n  caldav:\n    url: https://127.0.0.1:").append(dav.getAddress().getPort())
          .append("/dana/cal/\n    username: dana\n    password_file: imap-password\n");
      if (davFingerprint != null) {
        yaml.append("    tls_fingerprint: ").append(davFingerprint).append('\n');
      }
    }
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, yaml.toString());
    return file;
  }

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** An empty calendar collection: its type and a sync token on PROPFIND, no events on any REPORT. */
  private static void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String inner = exchange.getRequestMethod().equals("PROPFIND")
        ? "<D:response><D:href>/dana/cal/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/><C:calendar/></D:resourcetype>"
            + "<D:sync-token>t1</D:sync-token><CS:getctag>t1</CS:getctag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>"
        : "<D:sync-token>t1</D:sync-token>";
    byte[] bytes = ("<?xml version=\"1.0\"?><D:multistatus xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\" "
        + "xmlns:CS=\"http://calendarserver.org/ns/\">" + inner + "</D:multistatus>").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
    exchange.sendResponseHeaders(207, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
