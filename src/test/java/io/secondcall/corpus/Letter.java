package io.secondcall.corpus;

import io.secondcall.testing.Dovecot;
import java.time.Instant;
import java.util.Optional;

/**
 * One message of the test mailbox: the folder it goes to, its text, when it arrived (the
 * INTERNALDATE) and what kind of mail it is, for the counts in the test's summary.
 */
record Letter(String folder, RawMessage message, Instant arrived, String kind) {

  static final String INBOX = "INBOX";
  static final String SENT = Dovecot.SENT;

  /** The date its Date header names, when readable. */
  Optional<Instant> date() {
    return message.first("Date").flatMap(CorpusDates::parse);
  }

  /** The Date header's instant, else the arrival. */
  Instant when() {
    return date().orElse(arrived);
  }

  Optional<String> messageId() {
    return message.first("Message-ID").map(String::strip).filter(id -> id.startsWith("<") && id.endsWith(">"));
  }
}
