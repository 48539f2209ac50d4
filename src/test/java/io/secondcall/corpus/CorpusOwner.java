package io.secondcall.corpus;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * "Me" of the test: the person whose mailbox the SpamAssassin corpus is, Justin Mason, whose
 * addresses the corpus anonymised to {@code yyyy@}, {@code zzzz@} and {@code jm@}. These are the
 * addresses the ham is most often sent to directly and that his own list posts come from; his
 * mail client wrote Message-IDs on {@code phobos.labs.netnoteinc.com}.
 */
final class CorpusOwner {

  static final String NAME = "Justin Mason";
  static final List<String> ADDRESSES = List.of(
      "yyyy@spamassassin.taint.org", "yyyyason@users.sourceforge.net", "yyyy@netnoteinc.com",
      "jm@netnoteinc.com", "zzzz@spamassassin.taint.org", "jm@jmason.org");
  static final String PRIMARY = ADDRESSES.get(0);
  static final String FROM = NAME + " <" + PRIMARY + ">";
  static final ZoneId ZONE = ZoneId.of("Europe/Dublin");
  /**
   * Hosts of the Message-IDs of his own mail in the corpus: a reply whose parent is missing from
   * the corpus and carries one of these was most likely answering him.
   */
  static final List<String> MESSAGE_ID_HOSTS = List.of("phobos.labs.netnoteinc.com", "spamassassin.taint.org");

  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

  private CorpusOwner() {}

  static boolean isMe(String address) {
    return address != null && ADDRESSES.contains(address.toLowerCase(Locale.ROOT));
  }

  /** A Message-ID as his client wrote them, for mail the test makes up on his behalf. */
  static String messageId(Instant at, RandomGenerator random) {
    return "<" + ID_TIME.format(at.atZone(ZONE)) + "." + Long.toHexString(random.nextLong() & 0xffffffffL).toUpperCase(Locale.ROOT)
        + "@" + MESSAGE_ID_HOSTS.get(0) + ">";
  }
}
