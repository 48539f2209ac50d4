package io.secondcall.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the test puts in the mailbox and what it expects from it: INBOX and Sent before the
 * first scan, mail that arrives later ({@link #late}), the phone numbers the config knows, and the
 * outreach that must end up with a draft.
 */
final class MailboxPlan {

  final List<Letter> inbox = new ArrayList<>();
  final List<Letter> sent = new ArrayList<>();
  /** INBOX mail that arrives between two scans, after {@link CorpusRobustnessIT#LATE_AFTER_SCAN}. */
  final List<Letter> late = new ArrayList<>();
  /** {@code contacts.<address>.phone} in the config, so callback blocks get booked. */
  final Map<String, String> phones = new LinkedHashMap<>();
  /** Unanswered plain outreach: address to subject. Each must have a draft at the end. */
  final Map<String, String> expectedDrafts = new LinkedHashMap<>();

  void add(Letter letter) {
    (letter.folder().equals(Letter.INBOX) ? inbox : sent).add(letter);
  }

  /** "INBOX corpus ham" to count, for the summary. */
  Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Letter l : inbox) {
      counts.merge("INBOX: " + l.kind(), 1, Integer::sum);
    }
    for (Letter l : sent) {
      counts.merge("Sent: " + l.kind(), 1, Integer::sum);
    }
    for (Letter l : late) {
      counts.merge("INBOX later: " + l.kind(), 1, Integer::sum);
    }
    return counts;
  }
}
