package io.secondcall.corpus;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Builds the whole test mailbox, deterministically from one seed: the corpus as INBOX, a Sent
 * folder derived from it, the owner's recent outreach and list posts, and the hostile mail.
 */
final class CorpusMailbox {

  /** How long before the first scan the (moved) corpus ends: the recent mail comes after it. */
  static final Duration CORPUS_END_BEFORE_FIRST_SCAN = Duration.ofDays(9);

  private CorpusMailbox() {}

  static MailboxPlan plan(List<SpamAssassinCorpus.Message> corpus, Instant firstScan, long seed) {
    Random random = new Random(seed);
    MailboxPlan plan = new MailboxPlan();
    List<Letter> inbox = CorpusInbox.of(corpus, new CorpusDates(firstScan.minus(CORPUS_END_BEFORE_FIRST_SCAN)));
    plan.inbox.addAll(inbox);
    plan.sent.addAll(new SentCopies(inbox, random).build());
    // He posts only to lists he is on: those the ham shows, not lists named in spam.
    ListEvidence hamLists = new ListEvidence();
    for (Letter l : inbox) {
      if (l.kind().equals(CorpusInbox.HAM)) {
        hamLists.add(l.messageId().orElse("(no Message-ID)"), l.message()::all);
      }
    }
    Outreach outreach = new Outreach(firstScan, random);
    outreach.addTo(plan, hamLists.addresses());
    new HostileMail(outreach, random).addTo(plan);
    return plan;
  }

  /** Writes INBOX and Sent of the plan (not the late mail) into the Maildir. */
  static void write(MailboxPlan plan, Maildir maildir) throws IOException {
    for (Letter l : plan.inbox) {
      maildir.add(Letter.INBOX, l.message().bytes(), l.arrived(), true);
    }
    for (Letter l : plan.sent) {
      maildir.add(Letter.SENT, l.message().bytes(), l.arrived(), true);
    }
  }
}
