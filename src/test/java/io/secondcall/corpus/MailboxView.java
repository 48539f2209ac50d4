package io.secondcall.corpus;

import io.secondcall.testing.Dovecot;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mailbox as the scans left it, read back over IMAP: INBOX (without secondcall's digests),
 * the digests, Sent and the drafts, plus what the INBOX proves about lists and answers.
 */
final class MailboxView {

  final List<Mail> inbox;
  final List<Mail> digests;
  final List<Mail> sent;
  final List<Mail> drafts;
  final ListEvidence lists = new ListEvidence();
  final Answers answers;
  private final Map<String, Mail> sentById = new HashMap<>();

  private MailboxView(List<Mail> inbox, List<Mail> digests, List<Mail> sent, List<Mail> drafts) {
    this.inbox = inbox;
    this.digests = digests;
    this.sent = sent;
    this.drafts = drafts;
    for (Mail m : inbox) {
      lists.add("INBOX UID " + m.stored().uid() + " " + m.messageId(), m.stored()::header);
    }
    for (Mail m : sent) {
      if (!m.messageId().isEmpty()) {
        sentById.putIfAbsent(m.messageId(), m);
      }
    }
    this.answers = new Answers(inbox);
  }

  static MailboxView read(ServerMailbox mailbox) throws MessagingException, IOException {
    List<Mail> all = mailbox.read(Letter.INBOX, s -> !s.header("X-Secondcall-Id").isEmpty()).stream()
        .map(Mail::of).toList();
    List<Mail> inbox = all.stream().filter(m -> m.secondcallId().isEmpty()).toList();
    List<Mail> digests = all.stream().filter(m -> m.secondcallId().isPresent()).toList();
    List<Mail> sent = mailbox.read(Dovecot.SENT, s -> false).stream().map(Mail::of).toList();
    List<Mail> drafts = mailbox.read(Dovecot.DRAFTS, s -> true).stream().map(Mail::of).toList();
    return new MailboxView(inbox, digests, sent, drafts);
  }

  /**
   * The sent message a draft follows up: the one its In-Reply-To names, else the latest of its
   * References found in Sent.
   */
  Optional<Mail> followedUp(Mail draft) {
    List<String> irt = Threading.ids(draft.stored().first("In-Reply-To"));
    for (String id : irt) {
      if (sentById.containsKey(id)) {
        return Optional.of(sentById.get(id));
      }
    }
    return draft.refs().stream().map(sentById::get).filter(m -> m != null && m.date() != null)
        .max(Comparator.comparing(Mail::date));
  }
}
