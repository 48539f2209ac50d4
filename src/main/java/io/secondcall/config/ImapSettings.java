package io.secondcall.config;

import io.secondcall.core.Loopback;
import io.secondcall.tls.CertificatePin;
import java.util.Objects;

/**
 * The {@code mail.imap} section.
 *
 * @param port 993 by default with TLS, 143 otherwise
 * @param sentFolder the Sent folder, or null to find it by its SPECIAL-USE flag ({@code \Sent})
 * @param draftsFolder the Drafts folder, or null to find it by its SPECIAL-USE flag ({@code \Drafts})
 * @param inboxFolder where the digest goes; {@code INBOX} by default
 * @param tlsFingerprint the pinned server certificate ({@code tls_fingerprint}), or null to trust
 *     what the JDK trust store trusts
 */
public record ImapSettings(
    String host,
    int port,
    Security security,
    String username,
    Secret password,
    String sentFolder,
    String draftsFolder,
    String inboxFolder,
    CertificatePin tlsFingerprint) {

  /** How the connection is protected. */
  public enum Security {
    /** TLS from the first byte (IMAPS, port 993). */
    TLS,
    /** Plain connection upgraded with STARTTLS before login (port 143). */
    STARTTLS,
    /** No encryption: only allowed to a loopback address. */
    NONE;

    public int defaultPort() {
      return this == TLS ? 993 : 143;
    }
  }

  public ImapSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    Objects.requireNonNull(security, "security");
    if (security == Security.NONE && !Loopback.isLoopback(host)) {
      throw new IllegalArgumentException("security none is only allowed to a loopback address, not " + host);
    }
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("username must not be blank");
    }
    Objects.requireNonNull(password, "password");
    if (security == Security.NONE && tlsFingerprint != null) {
      throw new IllegalArgumentException("a certificate fingerprint needs security tls or starttls");
    }
    inboxFolder = inboxFolder == null || inboxFolder.isBlank() ? "INBOX" : inboxFolder;
  }

  /** Without a pinned certificate. */
  public ImapSettings(String host, int port, Security security, String username, Secret password,
      String sentFolder, String draftsFolder, String inboxFolder) {
    this(host, port, security, username, password, sentFolder, draftsFolder, inboxFolder, null);
  }
}
