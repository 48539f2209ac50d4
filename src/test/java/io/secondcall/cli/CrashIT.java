package io.secondcall.cli;

import io.secondcall.testing.Dovecot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link CrashRounds} against a real Dovecot over IMAP. */
class CrashIT {

  /** Our files: configs, state, child logs. */
  @TempDir Path work;
  /** Dovecot's, apart from ours: its unprivileged processes must be able to walk into it. */
  @TempDir Path mail;

  @Test
  @Timeout(value = 110, unit = TimeUnit.SECONDS)
  void scansKilledAtRandomMomentsLeaveExactlyOneDraftOneBlockAndOneDigestLinePerStep() throws Exception {
    try (Dovecot dovecot = Dovecot.start(mail)) {
      CrashRounds.run(name -> account(dovecot, name));
    }
  }

  /** A fresh Dovecot user with a config of its own. */
  private CrashRounds.Account account(Dovecot dovecot, String name) throws Exception {
    String user = dovecot.newUser();
    Path dir = Files.createDirectories(work.resolve(name));
    Path password = dir.resolve("imap-password");
    Files.writeString(password, Dovecot.PASSWORD + "\n");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
    Path config = dir.resolve("config.yaml");
    // No sent_folder or drafts_folder: Dovecot's "Sent Items" and "Brouillons" are found by SPECIAL-USE.
    Files.writeString(config, String.join("\n", Stream.of(List.of(
        "me:",
        "  name: Dana Weber",
        "  addresses: [" + CrashRounds.ME + "]",
        "  timezone: Europe/Berlin",
        "mail:",
        "  provider: imap",
        "  imap:",
        "    host: " + dovecot.host(),
        "    port: " + dovecot.port(),
        "    security: none",
        "    username: " + user,
        "    password_file: imap-password"), CrashRounds.sharedConfig(), List.of("state_dir: state", ""))
        .flatMap(List::stream).toList()));
    return new CrashRounds.Account(new DovecotMail(dovecot, user), dir.resolve("state"),
        new CrashScans(config, dir.resolve("logs")));
  }

  /** A Dovecot user's mailbox, through a client of its own. */
  private record DovecotMail(Dovecot dovecot, String user) implements CrashRounds.Mail {

    @Override
    public void sent(int from, int to) throws Exception {
      try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
        for (int i = from; i < to; i++) {
          client.sent("proposal-" + i + "@northwind.example", CrashRounds.SENT_AT.plusSeconds(60L * i),
              CrashRounds.ME, CrashRounds.CONTACTS.get(i), "Proposal " + (i + 1));
        }
      }
    }

    @Override
    public List<CrashMailbox.Tagged> drafts() throws Exception {
      try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
        return client.tagged(Dovecot.DRAFTS);
      }
    }

    @Override
    public List<CrashMailbox.Tagged> digests() throws Exception {
      try (CrashMailbox client = new CrashMailbox(dovecot, user)) {
        return client.tagged("INBOX").stream().filter(m -> m.secondcallId().startsWith("digest-")).toList();
      }
    }
  }
}
