package io.secondcall.bench;

import io.secondcall.testing.Dovecot;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * How long from a reply landing in the INBOX until secondcall's draft for that conversation is
 * gone from Drafts, with {@code secondcall run} waiting in IDLE: the user's "it noticed" moment.
 * The daemon polls only once an hour here, so only IDLE can explain a fast answer.
 */
final class IdleLatency {

  private static final Duration LIMIT = Duration.ofSeconds(60);

  private final Dovecot dovecot;
  private final Child child;
  private final int runs;

  IdleLatency(Dovecot dovecot, Child child, int runs) {
    this.dovecot = dovecot;
    this.child = child;
    this.runs = runs;
  }

  /** A draft secondcall wrote: its id, its recipient and the message it answers. */
  private record Draft(String id, String to, String inReplyTo) {}

  ScanBench.Samples measure(Path config, CommandMeter meter, String user) throws Exception {
    ScanBench.Samples samples = new ScanBench.Samples();
    Properties props = new Properties();
    props.setProperty("mail.imap.connectiontimeout", "10000");
    props.setProperty("mail.imap.timeout", "20000");
    Session session = Session.getInstance(props);
    Store store = session.getStore("imap");
    store.connect(dovecot.host(), dovecot.port(), user, Dovecot.PASSWORD);
    meter.reset();
    Process daemon = child.start("run", "--config", config.toString());
    try {
      List<Draft> drafts = drafts(store);
      for (int i = 0; i < Math.min(runs, drafts.size()); i++) {
        awaitIdle(meter, daemon);
        meter.reset();
        Draft d = drafts.get(i);
        long start = System.nanoTime();
        reply(session, store, d);
        awaitGone(store, d.id());
        samples.add((System.nanoTime() - start) / 1e6);
      }
    } finally {
      daemon.destroy();
      daemon.waitFor();
      store.close();
    }
    return samples;
  }

  private static void awaitIdle(CommandMeter meter, Process daemon) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!meter.saw("IDLE")) {
      if (System.nanoTime() > deadline || !daemon.isAlive()) {
        throw new IllegalStateException("secondcall run never went into IDLE");
      }
      Thread.sleep(10);
    }
    Thread.sleep(50); // its IDLE is on the wire once the command is; the server answers "+ idling" at once
  }

  private static List<Draft> drafts(Store store) throws MessagingException {
    Folder f = store.getFolder(Dovecot.DRAFTS);
    f.open(Folder.READ_ONLY);
    try {
      Message[] all = f.getMessages();
      FetchProfile fp = new FetchProfile();
      fp.add(FetchProfile.Item.ENVELOPE);
      fp.add("X-Secondcall-Id");
      fp.add("In-Reply-To");
      f.fetch(all, fp);
      List<Draft> out = new ArrayList<>();
      for (Message m : all) {
        String[] id = m.getHeader("X-Secondcall-Id");
        String[] irt = m.getHeader("In-Reply-To");
        if (id != null && irt != null) {
          out.add(new Draft(id[0].strip(), ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress(),
              irt[0].strip()));
        }
      }
      return out;
    } finally {
      f.close(false);
    }
  }

  private static void reply(Session session, Store store, Draft d) throws MessagingException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(d.to()));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(BenchMailbox.ME));
    m.setSubject("Re: your proposal");
    m.setSentDate(new Date());
    m.setText("Hi Dana,\n\nyes, let us talk on Monday.\n\nKim\n");
    m.saveChanges();
    m.setHeader("In-Reply-To", d.inReplyTo());
    m.setHeader("References", d.inReplyTo());
    store.getFolder("INBOX").appendMessages(new Message[] {m});
  }

  private static void awaitGone(Store store, String id) throws MessagingException, InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    Folder f = store.getFolder(Dovecot.DRAFTS);
    f.open(Folder.READ_ONLY);
    try {
      while (true) {
        boolean present = false;
        for (Message m : f.search(new HeaderTerm("X-Secondcall-Id", id))) {
          present |= !m.isSet(Flags.Flag.DELETED);
        }
        if (!present) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("draft " + id + " still there " + LIMIT + " after the reply");
        }
        Thread.sleep(10);
      }
    } finally {
      f.close(false);
    }
  }
}
