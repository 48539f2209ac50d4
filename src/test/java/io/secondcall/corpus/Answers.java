package io.secondcall.corpus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who answered what, from the INBOX as it is at the end: a genuine answer (SPEC section 4) is an
 * inbound message, not from the owner, not an auto-reply or bounce, dated after the message
 * followed up, and either from the contact (any thread: {@code reply_match: contact}, the default)
 * or referring to a Message-ID of the conversation.
 */
final class Answers {

  private final Map<String, List<Mail>> bySender = new HashMap<>();
  private final Map<String, List<Mail>> byReference = new HashMap<>();

  Answers(List<Mail> inbox) {
    for (Mail m : inbox) {
      if (m.automatic() || CorpusOwner.isMe(m.from()) || m.date() == null) {
        continue;
      }
      bySender.computeIfAbsent(m.from(), k -> new ArrayList<>()).add(m);
      for (String ref : m.refs()) {
        byReference.computeIfAbsent(ref, k -> new ArrayList<>()).add(m);
      }
    }
  }

  /** The first answer to a message sent {@code after} to {@code contact} in the thread of {@code threadIds}. */
  Optional<Mail> first(String contact, Instant after, Collection<String> threadIds) {
    List<Mail> candidates = new ArrayList<>(bySender.getOrDefault(contact, List.of()));
    for (String id : threadIds) {
      candidates.addAll(byReference.getOrDefault(id, List.of()));
    }
    return candidates.stream()
        .filter(m -> m.date().isAfter(after))
        .min(Comparator.comparing(Mail::date));
  }

  static boolean inThread(Mail answer, Collection<String> threadIds) {
    return threadIds.stream().anyMatch(answer.refs()::contains);
  }
}
