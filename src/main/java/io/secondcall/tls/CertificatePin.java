package io.secondcall.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of one server certificate (its DER encoding), as {@code openssl x509
 * -fingerprint -sha256} prints it: what a user pins to trust a self-signed server.
 *
 * @param hex 64 upper-case hex digits, no separators
 */
public record CertificatePin(String hex) {

  /** How a fingerprint is written in the config; also the wording of the error for a bad one. */
  public static final String FORMAT = "a SHA-256 certificate fingerprint such as SHA256:AB:CD:...:EF"
      + " (32 bytes in hex, colons optional)";

  private static final Pattern HEX = Pattern.compile("[0-9A-F]{64}");

  public CertificatePin {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("expected " + FORMAT);
    }
  }

  /**
   * Reads {@code SHA256:AB:CD:...}, with or without the prefix and the colons, in any case.
   *
   * @throws IllegalArgumentException for anything that is not 32 bytes of hex
   */
  public static CertificatePin parse(String text) {
    String s = Objects.requireNonNull(text, "text").strip().toUpperCase(Locale.ROOT);
    if (s.startsWith("SHA256:")) {
      s = s.substring("SHA256:".length());
    } else if (s.startsWith("SHA-256:")) {
      s = s.substring("SHA-256:".length());
    }
    String digits = s.replace(":", "");
    // Colons only between byte pairs, so "A:BC..." is not silently read as a different value.
    if (s.contains(":") && !s.matches("[0-9A-F]{2}(:[0-9A-F]{2}){31}")) {
      throw new IllegalArgumentException("expected " + FORMAT);
    }
    return new CertificatePin(digits);
  }

  /** The fingerprint of {@code certificate}. */
  public static CertificatePin of(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return new CertificatePin(HexFormat.of().withUpperCase().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded", e);
    }
  }

  /** Whether {@code certificate} is the pinned one; compares in constant time. */
  public boolean matches(X509Certificate certificate) {
    return MessageDigest.isEqual(hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        of(certificate).hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** {@code SHA256:AB:CD:...}: the form the config accepts and the error messages show. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("SHA256");
    for (int i = 0; i < hex.length(); i += 2) {
      s.append(':').append(hex, i, i + 2);
    }
    return s.toString();
  }
}
