package io.secondcall.config;

import io.secondcall.config.ImapSettings.Security;
import io.secondcall.core.Loopback;
import io.secondcall.tls.CertificatePin;
import java.util.regex.Pattern;

/** Reads {@code mail} and {@code mail.imap}. */
final class MailSectionReader {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+|\\[?[0-9A-Fa-f:.]+]?");

  private MailSectionReader() {}

  static MailSettings read(ConfigNode mail, ValueReader values) {
    if (!mail.isPresent()) {
      throw mail.expected("a map with provider and imap (required)");
    }
    mail.section("provider", "imap", "gmail");
    ConfigNode imap = mail.get("imap");
    ConfigNode gmail = mail.get("gmail");
    // Without a provider, the section that is there says which one is meant.
    MailSettings.Provider inferred = gmail.isPresent() && !imap.isPresent()
        ? MailSettings.Provider.GMAIL
        : MailSettings.Provider.IMAP;
    MailSettings.Provider provider = mail.get("provider").choice(MailSettings.Provider.class, inferred);
    gmail.section();
    if (provider == MailSettings.Provider.GMAIL) {
      if (imap.isPresent()) {
        throw imap.expected("no imap section with mail.provider gmail");
      }
      return new MailSettings(provider, null);
    }
    return new MailSettings(provider, readImap(imap, values));
  }

  private static ImapSettings readImap(ConfigNode imap, ValueReader values) {
    if (!imap.isPresent()) {
      throw imap.expected("a map with host, username and password_file or password_env (required with provider imap)");
    }
    imap.section("host", "port", "security", "username", "password", "password_file", "password_env",
        "sent_folder", "drafts_folder", "inbox_folder", "tls_fingerprint");
    ConfigNode hostNode = imap.get("host");
    String host = hostNode.requiredString("a host name such as imap.example.com");
    if (!HOST.matcher(host).matches()) {
      throw hostNode.expected("a host name such as imap.example.com (no scheme, no port)");
    }
    ConfigNode securityNode = imap.get("security");
    Security security = securityNode.choice(Security.class, Security.TLS);
    if (security == Security.NONE && !Loopback.isLoopback(host)) {
      throw securityNode.expected("tls or starttls for the remote host " + host
          + " (none is allowed only to a loopback address such as 127.0.0.1)");
    }
    int port = imap.get("port").integer(security.defaultPort(), 1, 65535);
    String username = imap.get("username").requiredString("the IMAP login name");
    Secret password = values.secret(imap);
    String sent = imap.get("sent_folder").string("a folder name such as Sent").orElse(null);
    String drafts = imap.get("drafts_folder").string("a folder name such as Drafts").orElse(null);
    String inbox = imap.get("inbox_folder").string("a folder name such as INBOX").orElse("INBOX");
    ConfigNode pinNode = imap.get("tls_fingerprint");
    CertificatePin pin = values.pin(pinNode);
    if (pin != null && security == Security.NONE) {
      throw pinNode.expected("no certificate fingerprint with security none (there is no certificate)");
    }
    return new ImapSettings(host, port, security, username, password, sent, drafts, inbox, pin);
  }
}
