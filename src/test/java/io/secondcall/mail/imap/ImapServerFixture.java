package io.secondcall.mail.imap;

import static io.secondcall.mail.imap.TestMail.daysAgo;

import java.time.Instant;

/** One IMAP server under test, as the contracts see it: a fresh account per test. */
interface ImapServerFixture {

  /** A fresh account whose Sent and Drafts folders are not configured (so they are detected). */
  ImapAccount account();

  /** The sent folder's name on this server, as detection should find it. */
  String sentFolder();

  /** The drafts folder's name on this server, as detection should find it. */
  String draftsFolder();

  /** The look-back window the tests sync with: 21 days, the default. */
  default Instant window() {
    return daysAgo(21);
  }
}
