package io.secondcall.tls;

import java.security.cert.CertificateException;

/**
 * A server presented a certificate that is not trusted: not by the JDK trust store, or not the
 * pinned one. Carries the fingerprint the server presented, so that the user can pin it after
 * checking it out of band. Thrown inside the TLS handshake; {@link #in(Throwable)} finds it again
 * in the exception the client library reports.
 */
public final class UntrustedCertificateException extends CertificateException {

  private static final long serialVersionUID = 1L;

  private final transient CertificatePin presented;
  private final transient CertificatePin pinned;
  private final boolean selfSigned;

  UntrustedCertificateException(CertificatePin presented, CertificatePin pinned, boolean selfSigned, Throwable cause) {
    super(pinned == null
        ? "certificate " + presented + " is not trusted"
        : "certificate " + presented + " is not the pinned " + pinned, cause);
    this.presented = presented;
    this.pinned = pinned;
    this.selfSigned = selfSigned;
  }

  /** The first of these in {@code e}'s causes, or null. */
  public static UntrustedCertificateException in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UntrustedCertificateException u) {
        return u;
      }
      for (Throwable s : t.getSuppressed()) {
        if (s instanceof UntrustedCertificateException u) {
          return u;
        }
      }
    }
    return null;
  }

  public CertificatePin presented() {
    return presented;
  }

  /** Null when no pin was configured and the JDK trust store refused the certificate. */
  public CertificatePin pinned() {
    return pinned;
  }

  /**
   * One line for the user, e.g. {@code mail.imap: the certificate of imap.example.org is not
   * trusted (self-signed?); to trust this server, set mail.imap.tls_fingerprint: SHA256:AB:...}.
   *
   * @param section the config section of the server, e.g. {@code mail.imap}
   */
  public String explain(String section, String host) {
    String key = section + ".tls_fingerprint";
    if (pinned != null) {
      return section + ": the certificate of " + host + " is " + presented + ", not the one set in " + key
          + " (" + pinned + "); refusing to connect. If the server's certificate was renewed, check it and set "
          + key + ": " + presented;
    }
    String why = selfSigned ? "self-signed?" : getCause() == null ? "unknown issuer" : shortReason(getCause());
    return section + ": the certificate of " + host + " is not trusted (" + why + "); to trust this server, set "
        + key + ": " + presented;
  }

  private static String shortReason(Throwable cause) {
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }
}
