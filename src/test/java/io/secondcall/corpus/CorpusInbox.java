package io.secondcall.corpus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The corpus as the owner's INBOX: every message, ham and spam, with its mbox line dropped and
 * its dates moved (see {@link CorpusDates}). The arrival (INTERNALDATE) is the mbox delivery
 * time, else the Date, else the previous message's arrival: the corpus lists mail in delivery
 * order within each group.
 */
final class CorpusInbox {

  static final String HAM = "corpus ham";
  static final String SPAM = "corpus spam";

  private CorpusInbox() {}

  static List<Letter> of(List<SpamAssassinCorpus.Message> corpus, CorpusDates dates) {
    List<Letter> inbox = new ArrayList<>(corpus.size());
    Instant previous = dates.shift(CorpusDates.ORIGINAL_START);
    for (SpamAssassinCorpus.Message c : corpus) {
      RawMessage m = RawMessage.parse(c.raw());
      String date = m.first("Date").orElse(null);
      Instant arrived = RawMessage.mboxDate(c.raw()).flatMap(CorpusDates::parseMbox)
          .or(() -> CorpusDates.parse(date))
          .map(dates::shift)
          .orElse(previous);
      Optional<String> shifted = date == null ? Optional.empty() : dates.shiftHeader(date);
      if (shifted.isPresent()) {
        m = m.with("Date", shifted.get());
      }
      inbox.add(new Letter(Letter.INBOX, m, arrived, c.spam() ? SPAM : HAM));
      previous = arrived;
    }
    return inbox;
  }
}
