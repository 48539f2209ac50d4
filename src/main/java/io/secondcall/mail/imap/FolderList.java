package io.secondcall.mail.imap;

import jakarta.mail.MessagingException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * The server's folders as one LIST answered them: names, separators, attributes ({@code \Sent},
 * {@code \Drafts}, {@code \Noselect}) and, where the server has LIST-STATUS (RFC 5819), each
 * folder's STATUS in the same answer. One command then tells which folder exists, which one is
 * Sent, and whether anything changed in any of them: a cycle in which nothing happened costs
 * that one command.
 *
 * @param statuses by full name; empty when the server has no LIST-STATUS or they were not asked for
 * @param withStatus whether the LIST asked for statuses
 */
record FolderList(Map<String, ListInfo> folders, Map<String, Status> statuses, boolean withStatus) {

  /** What a STATUS answer carries: enough to see that a folder changed, without opening it. */
  static String[] statusItems(IMAPStore store) throws MessagingException {
    // HIGHESTMODSEQ (RFC 7162) also moves when flags change or a message is expunged.
    return store.hasCapability("CONDSTORE")
        ? new String[] {"MESSAGES", "UIDNEXT", "UIDVALIDITY", "HIGHESTMODSEQ"}
        : new String[] {"MESSAGES", "UIDNEXT", "UIDVALIDITY"};
  }

  /** Whether the server can answer a LIST with each folder's STATUS (RFC 5819). */
  static boolean canListStatus(IMAPStore store) throws MessagingException {
    return store.hasCapability("LIST-STATUS");
  }

  /**
   * Lists every folder, with their status where the server can say it in the same command and
   * {@code statuses} asks for it: the statuses are most of the server's work for a LIST (on a
   * big Maildir, about what STATUS costs), and a first read of every folder has nothing to
   * compare them with.
   *
   * @param wantStatuses whether the statuses will be needed
   */
  static FolderList read(IMAPStore store, boolean wantStatuses) throws MessagingException {
    boolean withStatus = wantStatuses && canListStatus(store);
    Argument args = new Argument().writeString("").writeString("*");
    if (withStatus) {
      Argument items = new Argument();
      for (String item : statusItems(store)) {
        items.writeAtom(item);
      }
      Argument options = new Argument();
      if (store.hasCapability("SPECIAL-USE")) {
        options.writeAtom("SPECIAL-USE");
      }
      options.writeAtom("STATUS").writeArgument(items);
      args.writeAtom("RETURN").writeArgument(options);
    }
    IMAPFolder root = (IMAPFolder) store.getDefaultFolder();
    Response[] answer = (Response[]) root.doCommand(p -> {
      Response[] r = p.command("LIST", args);
      p.notifyResponseHandlers(r);
      p.handleResult(r[r.length - 1]);
      return r;
    });
    Map<String, ListInfo> folders = new LinkedHashMap<>();
    Map<String, Status> statuses = new LinkedHashMap<>();
    for (Response response : answer) {
      if (!(response instanceof IMAPResponse ir) || !ir.isUnTagged()) {
        continue;
      }
      try {
        if (ir.keyEquals("LIST")) {
          ListInfo info = new ListInfo(ir);
          folders.put(info.name, info);
        } else if (ir.keyEquals("STATUS")) {
          Status status = new Status(ir);
          statuses.put(status.mbox, status);
        }
      } catch (ParsingException e) {
        throw new MessagingException("unreadable LIST answer: " + e.getMessage(), e);
      }
    }
    return new FolderList(Collections.unmodifiableMap(folders), Collections.unmodifiableMap(statuses), withStatus);
  }

  /** Whether a folder of that name exists and can hold messages. */
  boolean selectable(String name) {
    ListInfo info = find(name);
    return info != null && info.canOpen;
  }

  /**
   * The folder's status from the list, or null when the folder is not there (or is not
   * selectable). Only meaningful when {@link #withStatus()}.
   */
  Status status(String name) {
    ListInfo info = find(name);
    return info == null ? null : statuses.get(info.name);
  }

  /** The hierarchy separator of the server, as LIST shows it for INBOX or any folder; '/' if none. */
  char separator() {
    for (ListInfo info : folders.values()) {
      if (info.separator != '\0') {
        return info.separator;
      }
    }
    return '/';
  }

  private ListInfo find(String name) {
    ListInfo info = folders.get(name);
    if (info == null && name.equalsIgnoreCase("INBOX")) {
      // INBOX is case-insensitive (RFC 3501 5.1); every other name is exact.
      for (ListInfo candidate : folders.values()) {
        if (candidate.name.equalsIgnoreCase("INBOX")) {
          return candidate;
        }
      }
    }
    return info;
  }
}
