package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.store.SqliteStateStore;
import io.secondcall.testing.Dovecot;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, faults: a Sent folder restored from a backup, or moved to a new server, comes back
 * with a new UIDVALIDITY and every message renumbered. On a real Dovecot: what was followed up
 * before is recognised by its Message-ID, nothing is drafted twice, and what is new is found.
 */
class RenumberedFolderIT {

  static final String ME = CrashAtScaleIT.ME;

  @TempDir Path work;
  @TempDir Path mail;

  @Test
  void aRenumberedSentFolderDraftsNothingTwice() throws Exception {
    try (Dovecot dovecot = Dovecot.start(mail)) {
      String user = dovecot.newUser();
      Path config = config(dovecot, user);
      try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
        client.sent("first@northwind.example", CrashAtScaleIT.SENT_AT, ME, "tom@firm.example", "Proposal");
      }
      CliIT.Result before = CliIT.run("scan", "--config", config.toString(), "--now", CrashAtScaleIT.NOW);
      assertThat(before.exit()).as(before.err()).isZero();
      long oldValidity = restoreSentFromBackup(dovecot, user);
      try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
        client.sent("second@northwind.example", CrashAtScaleIT.SENT_AT.plusSeconds(60), ME, "ann@other.example",
            "Offer");
      }

      CliIT.Result after = CliIT.run("scan", "--config", config.toString(), "--now", "2026-12-03T09:35:00Z");

      assertThat(after.exit()).as(after.err()).isZero();
      assertThat(uidValidity(dovecot, user)).as("premise: Sent was renumbered").isNotEqualTo(oldValidity);
      try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
        assertThat(client.tagged(Dovecot.DRAFTS)).extracting(CrashMailbox.Tagged::to)
            .containsExactlyInAnyOrder("tom@firm.example", "ann@other.example");
      }
      try (SqliteStateStore store = SqliteStateStore.open(work.resolve("state"))) {
        assertThat(store.conversations()).hasSize(2);
      }
    }
  }

  /** Copies Sent out, deletes it, makes it again and puts the copies back: new UIDVALIDITY, new UIDs. */
  private static long restoreSentFromBackup(Dovecot dovecot, String user) throws Exception {
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect(dovecot.host(), dovecot.port(), user, Dovecot.PASSWORD);
      Folder sent = store.getFolder(Dovecot.SENT);
      sent.open(Folder.READ_ONLY);
      long validity = ((UIDFolder) sent).getUIDValidity();
      List<MimeMessage> backup = new ArrayList<>();
      for (Message m : sent.getMessages()) {
        backup.add(new MimeMessage((MimeMessage) m));
      }
      sent.close(false);
      sent.delete(false);
      sent.create(Folder.HOLDS_MESSAGES);
      sent.appendMessages(backup.toArray(new Message[0]));
      return validity;
    }
  }

  private static long uidValidity(Dovecot dovecot, String user) throws Exception {
    try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
      store.connect(dovecot.host(), dovecot.port(), user, Dovecot.PASSWORD);
      Folder sent = store.getFolder(Dovecot.SENT);
      sent.open(Folder.READ_ONLY);
      try {
        return ((UIDFolder) sent).getUIDValidity();
      } finally {
        sent.close(false);
      }
    }
  }

  private Path config(Dovecot dovecot, String user) throws Exception {
    List<String> lines = new ArrayList<>(List.of(
        "me:",
        "  name: Dana Weber",
        "  addresses: [" + ME + "]",
        "  timezone: Europe/Berlin"));
    lines.addAll(dovecot.mailSection(user, work));
    lines.addAll(List.of("state_dir: state", ""));
    Path config = work.resolve("config.yaml");
    Files.writeString(config, String.join("\n", lines));
    return config;
  }
}
