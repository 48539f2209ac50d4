package io.secondcall.mail;

import static io.secondcall.mail.TestMail.daysAgo;

import io.secondcall.port.Mailbox;
import java.time.Instant;

/** One mail server under test, as the shared contracts see it: a fresh account per test. */
public interface MailServerFixture {

  /** The adapter under test on the account, its Sent and Drafts not configured (so they are detected). */
  Mailbox mailbox();

  /** A client of the same account that does not go through the adapter. */
  MailSeed seed() throws Exception;

  /** The sent folder's name on this server, as detection should find it. */
  String sentFolder();

  /** The drafts folder's name on this server, as detection should find it. */
  String draftsFolder();

  /** The stop folder's name on this server ({@code followup.stop_folder} as the adapter maps it). */
  String stopFolder();

  /** The look-back window the tests sync with: 21 days, the default. */
  default Instant window() {
    return daysAgo(21);
  }
}
