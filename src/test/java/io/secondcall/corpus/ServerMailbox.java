package io.secondcall.corpus;

import io.secondcall.testing.Dovecot;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * A plain Jakarta Mail client of the test's Dovecot, independent of the IMAP adapter under test:
 * it lets Dovecot create the folders, delivers mail that arrives between scans, and reads back
 * what the folders hold in the end.
 */
final class ServerMailbox implements AutoCloseable {

  /** The headers the assertions read from every message. */
  static final List<String> HEADERS = List.of("From", "To", "Cc", "Date", "Subject", "Message-ID", "In-Reply-To",
      "References", "List-Id", "List-Post", "List-Unsubscribe", "Sender", "Mailing-List", "Precedence",
      "Auto-Submitted", "X-Autoreply", "X-Autorespond", "Content-Type", "X-Secondcall-Id");

  /** One message as the server holds it: header values by lower-case name, raw bytes when asked for. */
  record Stored(String folder, long uid, Map<String, List<String>> headers, Instant internalDate, byte[] raw) {
    List<String> header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    String first(String name) {
      List<String> values = header(name);
      return values.isEmpty() ? "" : values.get(0);
    }
  }

  private final Session session;
  private final Store store;

  ServerMailbox(Dovecot dovecot, String user) throws MessagingException {
    Properties props = new Properties();
    props.setProperty("mail.imap.connectiontimeout", "10000");
    props.setProperty("mail.imap.timeout", "60000");
    this.session = Session.getInstance(props);
    this.store = session.getStore("imap");
    store.connect(dovecot.host(), dovecot.port(), user, Dovecot.PASSWORD);
  }

  /** Lists the folders, which makes Dovecot create the auto-created ones (Sent, Drafts) on disk. */
  void createFolders() throws MessagingException {
    store.getDefaultFolder().list("*");
    for (String name : List.of(Dovecot.SENT, Dovecot.DRAFTS)) {
      if (!store.getFolder(name).exists()) {
        throw new IllegalStateException("Dovecot did not create " + name);
      }
    }
  }

  /** APPENDs a message as a mail server would deliver it, arrival time and all. */
  void deliver(String folder, byte[] raw, Instant arrived) throws MessagingException {
    MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw)) {
      @Override
      public Date getReceivedDate() {
        return Date.from(arrived);
      }
    };
    Folder f = store.getFolder(folder);
    f.open(Folder.READ_WRITE);
    try {
      f.appendMessages(new Message[] {m});
    } finally {
      f.close(false);
    }
  }

  /**
   * Every message of {@code folder} not flagged deleted, with {@link #HEADERS}, and its raw bytes
   * when {@code raw} says so of its headers.
   */
  List<Stored> read(String folder, Predicate<Stored> raw) throws MessagingException, IOException {
    IMAPFolder f = (IMAPFolder) store.getFolder(folder);
    f.open(Folder.READ_ONLY);
    try {
      Message[] all = f.getMessages();
      FetchProfile fp = new FetchProfile();
      fp.add(FetchProfile.Item.FLAGS);
      fp.add(UIDFolder.FetchProfileItem.UID);
      fp.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
      HEADERS.forEach(fp::add);
      f.fetch(all, fp);
      List<Stored> out = new ArrayList<>(all.length);
      for (Message m : all) {
        if (m.isSet(Flags.Flag.DELETED)) {
          continue;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : HEADERS) {
          String[] values = m.getHeader(name);
          if (values != null) {
            headers.put(name.toLowerCase(Locale.ROOT), List.of(values));
          }
        }
        Date internal = m.getReceivedDate();
        Stored stored = new Stored(folder, f.getUID(m), headers, internal == null ? null : internal.toInstant(), null);
        out.add(raw.test(stored) ? new Stored(folder, stored.uid(), headers, stored.internalDate(), bytes(m)) : stored);
      }
      return out;
    } finally {
      f.close(false);
    }
  }

  /**
   * The bytes as the server holds them: with the body not fetched, Angus writes BODY[] as it
   * came, where a parsed copy would already have split a bare CR into two header lines.
   */
  private static byte[] bytes(Message m) throws MessagingException, IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }

  @Override
  public void close() throws MessagingException {
    store.close();
  }
}
