package io.secondcall.mail.imap;

import io.secondcall.mail.MailSeed;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.Rights;

/** A second IMAP client, independent of the code under test, that seeds and inspects folders. */
final class SeedClient implements MailSeed {

  private final Session session;
  private final IMAPStore store;

  SeedClient(ImapAccount account) throws MessagingException {
    this.session = Session.getInstance(ImapConnection.sessionProperties(account));
    this.store = (IMAPStore) session.getStore(ImapConnection.protocol(account));
    store.connect(account.host(), account.port(), account.username(), account.password());
  }

  @Override
  public void create(String folder) throws MessagingException {
    Folder f = store.getFolder(folder);
    if (!f.exists()) {
      f.create(Folder.HOLDS_MESSAGES);
    }
  }

  boolean exists(String folder) throws MessagingException {
    return store.getFolder(folder).exists();
  }

  @Override
  public void delete(String folder) throws MessagingException {
    store.getFolder(folder).delete(true);
  }

  /** Flags the message with this X-Secondcall-Id \\Deleted without expunging it, as a mail client may. */
  void markDeleted(String folder, String secondcallId) throws MessagingException {
    withTagged(folder, secondcallId, m -> m.setFlag(Flags.Flag.DELETED, true), false);
  }

  /** Takes the \\Deleted flag back from the message with this X-Secondcall-Id. */
  void undelete(String folder, String secondcallId) throws MessagingException {
    withTagged(folder, secondcallId, m -> m.setFlag(Flags.Flag.DELETED, false), false);
  }

  /** Removes the message with this X-Secondcall-Id for good, as a mail client does with a draft it sent. */
  void remove(String folder, String secondcallId) throws MessagingException {
    withTagged(folder, secondcallId, m -> m.setFlag(Flags.Flag.DELETED, true), true);
  }

  private interface MessageAction {
    void apply(Message m) throws MessagingException;
  }

  private void withTagged(String folder, String secondcallId, MessageAction action, boolean expunge)
      throws MessagingException {
    Folder f = store.getFolder(folder);
    f.open(Folder.READ_WRITE);
    try {
      for (Message m : f.getMessages()) {
        String[] id = m.getHeader("X-Secondcall-Id");
        if (id != null && id[0].strip().equals(secondcallId)) {
          action.apply(m);
        }
      }
    } finally {
      f.close(expunge);
    }
  }

  /** Takes the right to add messages to {@code folder} from {@code user} (RFC 4314 SETACL), as a shared folder may. */
  void denyInsert(String folder, String user) throws MessagingException {
    ((IMAPFolder) store.getFolder(folder)).removeRights(new ACL(user, new Rights("i")));
  }

  /** What the server offers after login, each capability as it names it. */
  Set<String> capabilities() throws MessagingException {
    Set<String> out = new TreeSet<>();
    for (String c : new String[] {"CONDSTORE", "QRESYNC", "UIDPLUS", "LIST-STATUS", "IDLE", "SPECIAL-USE"}) {
      if (store.hasCapability(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Appends a raw RFC 5322 message as is; returns its UID, the highest in the folder now. */
  @Override
  public long append(String folder, byte[] raw) throws MessagingException {
    MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
    store.getFolder(folder).appendMessages(new Message[] {m});
    return position(folder);
  }

  /** The highest UID in the folder, 0 when it is empty. */
  @Override
  public long position(String folder) throws MessagingException {
    IMAPFolder f = (IMAPFolder) store.getFolder(folder);
    f.open(Folder.READ_ONLY);
    try {
      int count = f.getMessageCount();
      return count == 0 ? 0 : f.getUID(f.getMessage(count));
    } finally {
      f.close(false);
    }
  }

  @Override
  public long uidValidity(String folder) throws MessagingException {
    IMAPFolder f = (IMAPFolder) store.getFolder(folder);
    f.open(Folder.READ_ONLY);
    try {
      return f.getUIDValidity();
    } finally {
      f.close(false);
    }
  }

  @Override
  public List<Stored> list(String folder) throws MessagingException {
    IMAPFolder f = (IMAPFolder) store.getFolder(folder);
    f.open(Folder.READ_ONLY);
    try {
      Message[] all = f.getMessages();
      FetchProfile fp = new FetchProfile();
      fp.add(FetchProfile.Item.FLAGS);
      fp.add(FetchProfile.Item.ENVELOPE);
      fp.add(UIDFolder.FetchProfileItem.UID);
      fp.add("X-Secondcall-Id");
      f.fetch(all, fp);
      List<Stored> out = new ArrayList<>();
      for (Message m : all) {
        String[] id = m.getHeader("X-Secondcall-Id");
        out.add(new Stored(f.getUID(m), m.isSet(Flags.Flag.DRAFT), m.isSet(Flags.Flag.SEEN),
            id == null ? null : id[0], m.getSubject()));
      }
      return out;
    } finally {
      f.close(false);
    }
  }

  @Override
  public void close() throws MessagingException {
    store.close();
  }
}
