package io.secondcall.mail.imap;

import io.secondcall.port.MailFolder;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps folder roles to real folder names: configured names first, then the SPECIAL-USE
 * attributes the server lists (RFC 6154: {@code \Sent}, {@code \Drafts}), then a folder named
 * like the usual English default, then the default itself.
 *
 * <p>Names in the config are written with '/' and without any namespace prefix
 * ({@code secondcall/stop}); servers differ in both. Cyrus and Courier put every folder under
 * {@code INBOX.} with '.' as separator, so the same folder is {@code INBOX.secondcall.stop} there.
 * A configured name is therefore looked up as written, then with the server's separator, then
 * under the personal namespace (RFC 2342); a folder that exists in none of these places is
 * named as it would be created: under the personal namespace.
 */
final class FolderNames {

  private static final Logger log = LoggerFactory.getLogger(FolderNames.class);

  private final ImapAccount account;
  private final Map<MailFolder, String> resolved = new EnumMap<>(MailFolder.class);

  FolderNames(ImapAccount account) {
    this.account = account;
    resolved.put(MailFolder.INBOX, account.inboxFolder());
  }

  /**
   * The full name of the folder for {@code role}, found in {@code list} (the server's folders
   * as one LIST gave them); resolved once, then remembered.
   */
  String name(MailFolder role, IMAPStore store, FolderList list) throws MessagingException {
    String known = resolved.get(role);
    if (known != null) {
      return known;
    }
    switch (role) {
      case SENT -> resolve(role, account.sentFolder(), store, list);
      case DRAFTS -> resolve(role, account.draftsFolder(), store, list);
      case STOP -> resolved.put(role, onServer(account.stopFolder(), store, list));
      default -> throw new IllegalArgumentException("no folder for " + role);
    }
    return resolved.get(role);
  }

  /** Whether {@code role}'s folder was named in the config rather than detected. */
  boolean configured(MailFolder role) {
    return switch (role) {
      case SENT -> account.sentFolder() != null;
      case DRAFTS -> account.draftsFolder() != null;
      default -> true;
    };
  }

  private void resolve(MailFolder role, String configured, IMAPStore store, FolderList list)
      throws MessagingException {
    if (configured != null) {
      resolved.put(role, onServer(configured, store, list));
    } else {
      detect(store, list);
    }
  }

  /**
   * Where the folder {@code configured} is on this server: the first of its spellings that
   * exists, else where it would be created. The namespace (one more command) is asked only then.
   */
  static String onServer(String configured, IMAPStore store, FolderList list) throws MessagingException {
    String nativeName = nativeName(configured, list.separator());
    for (String candidate : new String[] {configured, nativeName}) {
      if (list.folders().containsKey(candidate)) {
        return candidate;
      }
    }
    Folder[] personal = store.getPersonalNamespaces();
    Folder namespace = personal.length > 0 ? personal[0] : store.getDefaultFolder();
    char separator = namespace.getSeparator();
    nativeName = nativeName(configured, separator);
    String prefix = namespace.getFullName().isEmpty() ? "" : namespace.getFullName() + separator;
    boolean prefixed = prefix.isEmpty() || nativeName.regionMatches(true, 0, prefix, 0, prefix.length())
        || nativeName.equalsIgnoreCase("INBOX");
    return prefixed ? nativeName : prefix + nativeName;
  }

  private static String nativeName(String configured, char separator) {
    return separator == '/' || separator == '\0' ? configured : configured.replace('/', separator);
  }

  /** The full names of the folders on the server, quoted and comma-separated, for error messages. */
  static String existing(IMAPStore store) throws MessagingException {
    StringBuilder names = new StringBuilder();
    for (Folder f : store.getDefaultFolder().list("*")) {
      if ((f.getType() & Folder.HOLDS_MESSAGES) != 0) {
        names.append(names.length() == 0 ? "" : ", ").append('"').append(f.getFullName()).append('"');
      }
    }
    return names.toString();
  }

  private void detect(IMAPStore store, FolderList list) throws MessagingException {
    String sent = null;
    String drafts = null;
    String sentByName = null;
    String draftsByName = null;
    for (ListInfo f : list.folders().values()) {
      for (String attribute : f.attrs) {
        if (sent == null && attribute.equalsIgnoreCase("\\Sent")) {
          sent = f.name;
        } else if (drafts == null && attribute.equalsIgnoreCase("\\Drafts")) {
          drafts = f.name;
        }
      }
      String plain = lastPart(f).toLowerCase(Locale.ROOT);
      if (sentByName == null && plain.equals("sent")) {
        sentByName = f.name;
      } else if (draftsByName == null && plain.equals("drafts")) {
        draftsByName = f.name;
      }
    }
    // A configured role is resolved by its own name, never replaced by what detection finds.
    if (!configured(MailFolder.SENT)) {
      resolved.put(MailFolder.SENT, sent != null ? sent : sentByName != null ? sentByName : onServer("Sent", store, list));
    }
    if (!configured(MailFolder.DRAFTS)) {
      resolved.put(MailFolder.DRAFTS,
          drafts != null ? drafts : draftsByName != null ? draftsByName : onServer("Drafts", store, list));
    }
    log.info("{} using sent folder '{}' and drafts folder '{}'",
        account.label(), resolved.get(MailFolder.SENT), resolved.get(MailFolder.DRAFTS));
  }

  private static String lastPart(ListInfo f) {
    return f.separator == '\0' ? f.name : f.name.substring(f.name.lastIndexOf(f.separator) + 1);
  }
}
