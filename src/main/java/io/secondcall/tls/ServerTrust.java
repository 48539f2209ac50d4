package io.secondcall.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which server certificates a client trusts: without a pin, exactly what the JDK trust store
 * trusts (host name checks included, where the caller asks for them); with a pin, exactly the one
 * certificate whose SHA-256 fingerprint is pinned, and nothing else. Either way a refused
 * certificate surfaces as {@link UntrustedCertificateException} with the fingerprint it had.
 */
public final class ServerTrust {

  private ServerTrust() {}

  /** A TLS context for a client of a server whose certificate is pinned, or, with null, the JDK's trust. */
  public static SSLContext sslContext(CertificatePin pin) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {pin == null ? new Reporting(jdkTrust()) : new Pinned(pin)}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The JDK default trust store (or the one -Djavax.net.ssl.trustStore names). */
  private static X509ExtendedTrustManager jdkTrust() throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("the JDK has no X.509 trust manager");
  }

  private static boolean selfSigned(X509Certificate[] chain) {
    return chain.length == 1 && chain[0].getSubjectX500Principal().equals(chain[0].getIssuerX500Principal());
  }

  private static X509Certificate leaf(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server presented no certificate");
    }
    return chain[0];
  }

  /**
   * The JDK's trust, unchanged, except that a refusal names the fingerprint. Extends the
   * "extended" manager and passes the socket or engine on: that is where the JDK checks the
   * host name (the HTTP client asks for it through the endpoint identification algorithm).
   */
  private static final class Reporting extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager jdk;

    Reporting(X509ExtendedTrustManager jdk) {
      this.jdk = jdk;
    }

    private interface Check {
      void run() throws CertificateException;
    }

    private static void check(X509Certificate[] chain, Check check) throws CertificateException {
      X509Certificate leaf = leaf(chain);
      try {
        check.run();
      } catch (CertificateException e) {
        throw new UntrustedCertificateException(CertificatePin.of(leaf), null, selfSigned(chain), e);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      check(chain, () -> jdk.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      check(chain, () -> jdk.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain, () -> jdk.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      jdk.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      jdk.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      jdk.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return jdk.getAcceptedIssuers();
    }
  }

  /**
   * Trusts the pinned leaf certificate and nothing else. Neither the issuer chain nor the host
   * name is checked: the user compared this exact certificate out of band, which is a stronger
   * statement than either (a self-signed certificate has no chain, and is often made for a name
   * other than the one in the config, e.g. an IP address on the home network). Expiry is not
   * checked either: a pinned certificate stays the same key whatever its dates say.
   */
  private static final class Pinned extends X509ExtendedTrustManager {
    private final CertificatePin pin;

    Pinned(CertificatePin pin) {
      this.pin = pin;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      X509Certificate leaf = leaf(chain);
      if (!pin.matches(leaf)) {
        throw new UntrustedCertificateException(CertificatePin.of(leaf), pin, selfSigned(chain), null);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("this trust manager is for servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
