package io.secondcall.mail.imap;

import io.secondcall.port.MailFolder;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps folder roles to real folder names: configured names first, then the SPECIAL-USE
 * attributes the server lists (RFC 6154: {@code \Sent}, {@code \Drafts}), then a folder named
 * like the usual English default, then the default itself.
 */
final class FolderNames {

  private static final Logger log = LoggerFactory.getLogger(FolderNames.class);

  private final ImapAccount account;
  private final Map<MailFolder, String> resolved = new EnumMap<>(MailFolder.class);

  FolderNames(ImapAccount account) {
    this.account = account;
    resolved.put(MailFolder.INBOX, account.inboxFolder());
    if (account.sentFolder() != null) {
      resolved.put(MailFolder.SENT, account.sentFolder());
    }
    if (account.draftsFolder() != null) {
      resolved.put(MailFolder.DRAFTS, account.draftsFolder());
    }
  }

  /** The full name of the folder for {@code role}; lists the server's folders at most once. */
  String name(MailFolder role, IMAPStore store) throws MessagingException {
    if (role == MailFolder.STOP && !resolved.containsKey(role)) {
      // Once: asking for the separator and the folder cost two LISTs a cycle.
      resolved.put(role, stopFolder(store));
    }
    if (!resolved.containsKey(role)) {
      detect(store);
    }
    return resolved.get(role);
  }

  private void detect(IMAPStore store) throws MessagingException {
    String sent = null;
    String drafts = null;
    String sentByName = null;
    String draftsByName = null;
    for (Folder f : store.getDefaultFolder().list("*")) {
      String[] attributes = f instanceof IMAPFolder imap ? imap.getAttributes() : new String[0];
      for (String attribute : attributes) {
        if (sent == null && attribute.equalsIgnoreCase("\\Sent")) {
          sent = f.getFullName();
        } else if (drafts == null && attribute.equalsIgnoreCase("\\Drafts")) {
          drafts = f.getFullName();
        }
      }
      String plain = f.getName().toLowerCase(Locale.ROOT);
      if (sentByName == null && plain.equals("sent")) {
        sentByName = f.getFullName();
      } else if (draftsByName == null && plain.equals("drafts")) {
        draftsByName = f.getFullName();
      }
    }
    resolved.putIfAbsent(MailFolder.SENT, first(sent, sentByName, "Sent"));
    resolved.putIfAbsent(MailFolder.DRAFTS, first(drafts, draftsByName, "Drafts"));
    log.info("{} using sent folder '{}' and drafts folder '{}'",
        account.label(), resolved.get(MailFolder.SENT), resolved.get(MailFolder.DRAFTS));
  }

  /**
   * The stop folder is configured with '/' as separator; on a server that separates with '.'
   * the same folder is {@code secondcall.stop}.
   */
  private String stopFolder(IMAPStore store) throws MessagingException {
    String configured = account.stopFolder();
    if (configured.indexOf('/') < 0) {
      return configured;
    }
    char separator = store.getDefaultFolder().getSeparator();
    if (separator == '/' || separator == '\0' || store.getFolder(configured).exists()) {
      return configured;
    }
    return configured.replace('/', separator);
  }

  private static String first(String... candidates) {
    for (String c : candidates) {
      if (c != null) {
        return c;
      }
    }
    throw new IllegalArgumentException("no candidate");
  }
}
