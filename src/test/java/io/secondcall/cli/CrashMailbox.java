package io.secondcall.cli;

import io.secondcall.testing.Dovecot;
import jakarta.mail.BodyPart;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * A plain Jakarta Mail client, independent of the IMAP adapter under test, that seeds the Sent
 * folder of a Dovecot user and reads back what secondcall wrote.
 */
final class CrashMailbox implements AutoCloseable {

  /** A message secondcall wrote: its {@code X-Secondcall-Id}, its first recipient and its text. */
  record Tagged(String secondcallId, String to, String text) {}

  private final Session session;
  private final Store store;

  CrashMailbox(Dovecot dovecot, String user) throws MessagingException {
    Properties props = new Properties();
    props.setProperty("mail.imap.connectiontimeout", "10000");
    props.setProperty("mail.imap.timeout", "20000");
    this.session = Session.getInstance(props);
    this.store = session.getStore("imap");
    store.connect(dovecot.host(), dovecot.port(), user, Dovecot.PASSWORD);
  }

  /** Appends a seen outreach message from {@code from} to {@code to} into the Sent folder. */
  void sent(String messageId, Instant date, String from, String to, String subject) throws MessagingException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(from));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    m.setSubject(subject);
    m.setSentDate(Date.from(date));
    m.setText("Hello,\n\nhere is the proposal we talked about.\n\nDana\n");
    m.saveChanges();
    m.setHeader("Message-ID", "<" + messageId + ">");
    m.setFlags(new Flags(Flags.Flag.SEEN), true);
    store.getFolder(Dovecot.SENT).appendMessages(new Message[] {m});
  }

  /** Every message in {@code folder} that carries an {@code X-Secondcall-Id} and is not marked deleted. */
  List<Tagged> tagged(String folder) throws MessagingException, IOException {
    Folder f = store.getFolder(folder);
    if (!f.exists()) {
      return List.of();
    }
    f.open(Folder.READ_ONLY);
    try {
      Message[] all = f.getMessages();
      FetchProfile fp = new FetchProfile();
      fp.add(FetchProfile.Item.FLAGS);
      fp.add(FetchProfile.Item.ENVELOPE);
      fp.add("X-Secondcall-Id");
      f.fetch(all, fp);
      List<Tagged> out = new ArrayList<>();
      for (Message m : all) {
        String[] id = m.getHeader("X-Secondcall-Id");
        if (id == null || m.isSet(Flags.Flag.DELETED)) {
          continue;
        }
        var to = m.getRecipients(Message.RecipientType.TO);
        String address = to == null || to.length == 0 ? "" : ((InternetAddress) to[0]).getAddress();
        out.add(new Tagged(id[0].strip(), address, text(m.getContent())));
      }
      return out;
    } finally {
      f.close(false);
    }
  }

  /** The text of a message's content, parts joined. */
  static String text(Object content) throws MessagingException, IOException {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof Multipart multipart) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        sb.append(text(part.getContent())).append('\n');
      }
      return sb.toString();
    }
    return "";
  }

  @Override
  public void close() throws MessagingException {
    store.close();
  }
}
