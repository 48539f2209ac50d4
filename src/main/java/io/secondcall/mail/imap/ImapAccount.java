package io.secondcall.mail.imap;

import io.secondcall.core.Loopback;
import io.secondcall.tls.CertificatePin;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one IMAP mailbox. The engine maps the {@code mail.imap} config section
 * onto this record; it checks itself so that a mailbox is never opened with half a setting.
 *
 * @param security {@link Security#NONE} is accepted only for a loopback host (a password in
 *     clear text must not cross a network)
 * @param sentFolder the sent folder's full name, or null to detect it (SPECIAL-USE, then "Sent")
 * @param draftsFolder the drafts folder's full name, or null to detect it (SPECIAL-USE, then "Drafts")
 * @param inboxFolder null means {@code INBOX}
 * @param stopFolder {@code followup.stop_folder}; null means {@code secondcall/stop}
 * @param timeout connect, read and write timeout of every socket; null means 60 seconds
 * @param tlsFingerprint the one server certificate to trust instead of the JDK trust store, or null
 */
public record ImapAccount(
    String host,
    int port,
    Security security,
    String username,
    String password,
    String sentFolder,
    String draftsFolder,
    String inboxFolder,
    String stopFolder,
    Duration timeout,
    CertificatePin tlsFingerprint) {

  /** How the connection is protected. */
  public enum Security {
    /** Implicit TLS (port 993). */
    TLS,
    /** Plain connection upgraded with STARTTLS, which is required (port 143). */
    STARTTLS,
    /** No encryption at all: loopback hosts only. */
    NONE
  }

  public static final String DEFAULT_STOP_FOLDER = "secondcall/stop";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public ImapAccount {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("IMAP host is missing");
    }
    host = host.strip();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("IMAP port must be 1-65535, got " + port);
    }
    Objects.requireNonNull(security, "security");
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("IMAP username is missing");
    }
    Objects.requireNonNull(password, "password");
    if (security == Security.NONE && !Loopback.isLoopback(host)) {
      throw new IllegalArgumentException(
          "IMAP security 'none' is refused for " + host + ": only a loopback host may be reached unencrypted");
    }
    sentFolder = blankToNull(sentFolder);
    draftsFolder = blankToNull(draftsFolder);
    inboxFolder = inboxFolder == null || inboxFolder.isBlank() ? "INBOX" : inboxFolder.strip();
    stopFolder = stopFolder == null || stopFolder.isBlank() ? DEFAULT_STOP_FOLDER : stopFolder.strip();
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("IMAP timeout must be positive, got " + timeout);
    }
    if (security == Security.NONE && tlsFingerprint != null) {
      throw new IllegalArgumentException("IMAP security 'none' has no certificate to pin");
    }
  }

  /** An account that trusts what the JDK trust store trusts. */
  public ImapAccount(String host, int port, Security security, String username, String password,
      String sentFolder, String draftsFolder, String inboxFolder, String stopFolder, Duration timeout) {
    this(host, port, security, username, password, sentFolder, draftsFolder, inboxFolder, stopFolder, timeout, null);
  }

  /** A TLS account with detected folders and default timeouts. */
  public static ImapAccount tls(String host, String username, String password) {
    return new ImapAccount(host, 993, Security.TLS, username, password, null, null, null, null, null);
  }

  /** {@code user@host}: how log lines and errors name this account. */
  public String label() {
    return username + "@" + host;
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "ImapAccount[" + username + "@" + host + ":" + port + ", " + security + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
