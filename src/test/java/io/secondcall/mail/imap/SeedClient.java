package io.secondcall.mail.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/** A second IMAP client, independent of the code under test, that seeds and inspects folders. */
final class SeedClient implements AutoCloseable {

  /** What a test sees of a stored message. */
  record Stored(long uid, Flags flags, String secondcallId, String subject) {}

  private final Session session;
  private final IMAPStore store;

  SeedClient(ImapAccount account) throws MessagingException {
    this.session = Session.getInstance(ImapConnection.sessionProperties(account));
    this.store = (IMAPStore) session.getStore(ImapConnection.protocol(account));
    store.connect(account.host(), account.port(), account.username(), account.password());
  }

  void create(String folder) throws MessagingException {
    Folder f = store.getFolder(folder);
    if (!f.exists()) {
      f.create(Folder.HOLDS_MESSAGES);
    }
  }

  boolean exists(String folder) throws MessagingException {
    return store.getFolder(folder).exists();
  }

  void delete(String folder) throws MessagingException {
    store.getFolder(folder).delete(true);
  }

  /** Appends a raw RFC 5322 message as is; the internal date is its Date header (or now). */
  void append(String folder, String raw) throws MessagingException {
    append(folder, raw.getBytes(StandardCharsets.UTF_8));
  }

  void append(String folder, byte[] raw) throws MessagingException {
    MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
    store.getFolder(folder).appendMessages(new Message[] {m});
  }

  long uidValidity(String folder) throws MessagingException {
    IMAPFolder f = (IMAPFolder) store.getFolder(folder);
    f.open(Folder.READ_ONLY);
    try {
      return f.getUIDValidity();
    } finally {
      f.close(false);
    }
  }

  List<Stored> list(String folder) throws MessagingException {
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
        out.add(new Stored(f.getUID(m), m.getFlags(), id == null ? null : id[0], m.getSubject()));
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
