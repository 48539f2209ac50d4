package io.secondcall.mail.imap;

import io.secondcall.port.ServerAccessException;
import io.secondcall.tls.ServerTrust;
import io.secondcall.tls.UntrustedCertificateException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in IMAP store, opened on first use and opened again after the server or the
 * network dropped it. Not thread-safe: {@link ImapMailbox} serialises access.
 */
final class ImapConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ImapConnection.class);

  /** Big enough that a 64 KiB text part or a calendar part comes in one FETCH. */
  static final int FETCH_SIZE = 64 * 1024 + 1024;

  /** Where the user configures this account: the certificate error names the key to set. */
  private static final String CONFIG_SECTION = "mail.imap";

  private final ImapAccount account;
  private final Session session;
  private IMAPStore store;

  ImapConnection(ImapAccount account) {
    this.account = account;
    this.session = Session.getInstance(sessionProperties(account));
  }

  /**
   * Angus Mail's socket timeouts default to infinite: a silent server would hang the daemon
   * forever, so all three are set.
   */
  static Properties sessionProperties(ImapAccount account) {
    String protocol = protocol(account);
    String p = "mail." + protocol + ".";
    String millis = Long.toString(account.timeout().toMillis());
    Properties props = new Properties();
    props.setProperty("mail.store.protocol", protocol);
    props.setProperty(p + "connectiontimeout", millis);
    props.setProperty(p + "timeout", millis);
    props.setProperty(p + "writetimeout", millis);
    props.setProperty(p + "connectionpooltimeout", millis);
    // Reading a part must never mark the user's mail as read.
    props.setProperty(p + "peek", "true");
    props.setProperty(p + "partialfetch", "true");
    props.setProperty(p + "fetchsize", Integer.toString(FETCH_SIZE));
    if (account.security() == ImapAccount.Security.STARTTLS) {
      props.setProperty(p + "starttls.enable", "true");
      props.setProperty(p + "starttls.required", "true");
    }
    if (account.security() != ImapAccount.Security.NONE) {
      // Our factory so that a refused certificate reports its fingerprint (see ServerTrust).
      props.put(p + "ssl.socketFactory", ServerTrust.sslContext(account.tlsFingerprint()).getSocketFactory());
      // Angus Mail would otherwise try once more with the JDK's default factory after ours failed,
      // and report that attempt's error, which knows nothing of pins and fingerprints.
      props.setProperty(p + "socketFactory.fallback", "false");
      // A pinned certificate is trusted for itself, whatever names it carries: the user compared
      // this exact certificate, and a self-signed one is often made out for another name.
      props.setProperty(p + "ssl.checkserveridentity", Boolean.toString(account.tlsFingerprint() == null));
    }
    return props;
  }

  static String protocol(ImapAccount account) {
    return account.security() == ImapAccount.Security.TLS ? "imaps" : "imap";
  }

  ImapAccount account() {
    return account;
  }

  /**
   * The connected store, logging in when there is no live connection. Asks the server whether
   * the connection still lives (Angus Mail's isConnected sends a NOOP): for writes, which must
   * not be retried blindly.
   */
  IMAPStore store() {
    if (store != null && store.isConnected()) {
      return store;
    }
    return login();
  }

  /**
   * The store as it is, without asking the server: for reads, which {@link #read} repeats
   * once on a fresh login when the connection turns out dead. Saves a NOOP per folder access.
   */
  private IMAPStore storeUnchecked() {
    return store != null ? store : login();
  }

  /** A read on the logged-in store, which may throw what the server or network said. */
  interface StoreRead<T> {
    T apply(IMAPStore store) throws MessagingException;
  }

  /**
   * Runs a read on the connection as it is, without a NOOP to ask first whether it still lives;
   * when it fails on a connection kept from an earlier call, that connection may have died in
   * between (server restart, idle timeout), so the read is repeated once after a fresh login.
   * Reads only: a write that failed midway may have happened.
   */
  <T> T read(String action, StoreRead<T> read) {
    boolean reused = store != null;
    try {
      return read.apply(storeUnchecked());
    } catch (MessagingException first) {
      if (!reused) {
        throw failure(action, first);
      }
      log.debug("{} {} failed on a kept connection ({}); logging in again", account.label(), action, first.toString());
      drop();
      try {
        return read.apply(storeUnchecked());
      } catch (MessagingException e) {
        throw failure(action, e);
      }
    }
  }

  private IMAPStore login() {
    drop();
    IMAPStore fresh;
    try {
      fresh = (IMAPStore) session.getStore(protocol(account));
    } catch (MessagingException e) {
      throw new IllegalStateException("Angus Mail is on the classpath but has no IMAP provider", e);
    }
    try {
      fresh.connect(account.host(), account.port(), account.username(), account.password());
    } catch (AuthenticationFailedException e) {
      throw new ServerAccessException(where() + ": login refused for " + account.username(),
          account.host(), account.port(), false, e);
    } catch (MessagingException e) {
      UntrustedCertificateException untrusted = UntrustedCertificateException.in(e);
      if (untrusted != null) {
        // Not transient: the certificate will not change by itself; the user has to decide.
        throw new ServerAccessException(untrusted.explain(CONFIG_SECTION, account.host()),
            account.host(), account.port(), false, e);
      }
      throw new ServerAccessException(where() + ": cannot connect: " + ServerAccessException.reason(e),
          account.host(), account.port(), true, e);
    }
    log.debug("{} logged in", account.label());
    store = fresh;
    return store;
  }

  /**
   * A failure during an operation. The connection is dropped so that the next call starts
   * afresh; the failure is transient because the server or network may recover.
   */
  ServerAccessException failure(String action, Exception e) {
    drop();
    return new ServerAccessException(where() + ": " + action + " failed: " + ServerAccessException.reason(e),
        account.host(), account.port(), true, e);
  }

  private String where() {
    return account.host() + ":" + account.port();
  }

  /** Forgets the store; the next {@link #store()} logs in again. */
  void drop() {
    if (store != null) {
      try {
        store.close();
      } catch (MessagingException | RuntimeException e) {
        log.debug("{} closing a dead connection: {}", account.label(), e.toString());
      }
      store = null;
    }
  }

  @Override
  public void close() {
    drop();
  }
}
