package io.secondcall.cli;

import io.secondcall.mail.gmail.FakeGmailStore;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrashRounds} against the fake Gmail API: scans in child JVMs killed while they read
 * history, create drafts or insert the digest, their Gmail calls landing or not.
 */
class GmailCrashIT {

  @TempDir Path work;
  private final List<GmailAccount> accounts = new ArrayList<>();

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void scansKilledAtRandomMomentsLeaveExactlyOneDraftOneBlockAndOneDigestLinePerStep() throws Exception {
    try {
      CrashRounds.run(this::account);
    } finally {
      accounts.forEach(GmailAccount::close);
    }
  }

  private CrashRounds.Account account(String name) throws Exception {
    Path dir = Files.createDirectories(work.resolve(name));
    GmailAccount account = new GmailAccount(dir, CrashRounds.sharedConfig().toArray(String[]::new));
    accounts.add(account);
    return new CrashRounds.Account(new FakeMail(account), account.stateDir,
        new CrashScans(account.config, dir.resolve("logs"), CrashScans.SIGNED_IN_TO_GMAIL));
  }

  /** The fake's mailbox, read straight from its store. */
  private record FakeMail(GmailAccount account) implements CrashRounds.Mail {

    private static final Session SESSION = Session.getInstance(new Properties());

    @Override
    public void sent(int from, int to) {
      for (int i = from; i < to; i++) {
        Instant at = CrashRounds.SENT_AT.plusSeconds(60L * i);
        account.sent("proposal-" + i + "@northwind.example", at, CrashRounds.CONTACTS.get(i), "Proposal " + (i + 1));
      }
    }

    @Override
    public List<CrashMailbox.Tagged> drafts() throws Exception {
      return tagged(account.drafts());
    }

    @Override
    public List<CrashMailbox.Tagged> digests() throws Exception {
      return tagged(account.digests());
    }

    private static List<CrashMailbox.Tagged> tagged(List<FakeGmailStore.Stored> messages) throws Exception {
      List<CrashMailbox.Tagged> out = new ArrayList<>();
      for (FakeGmailStore.Stored m : messages) {
        String id = m.parsed.header("X-Secondcall-Id");
        if (id != null) {
          MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(m.raw));
          out.add(new CrashMailbox.Tagged(id.strip(), m.parsed.header("To"), CrashMailbox.text(parsed.getContent())));
        }
      }
      return out;
    }
  }
}
