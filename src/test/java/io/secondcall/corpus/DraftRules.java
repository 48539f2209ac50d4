package io.secondcall.corpus;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules about whom drafts go to (SPEC sections 3 and 4), checked on the drafts left in Drafts. */
final class DraftRules {

  final Violations toLists = new Violations("no draft to a mailing-list address", "draft(s)");
  final Violations toNoReply = new Violations("no draft to a no-reply or system address", "draft(s)");
  final Violations toAnswerers = new Violations("no draft to someone who answered", "draft(s)");
  final Violations missing = new Violations("unanswered plain outreach gets a draft", "outreach message(s)");

  DraftRules(MailboxView view, Map<String, String> expected) {
    for (Mail draft : view.drafts) {
      check(view, draft);
    }
    Set<String> drafted = new LinkedHashSet<>();
    view.drafts.forEach(d -> drafted.addAll(d.recipients()));
    expected.forEach((address, subject) -> {
      if (!drafted.contains(address)) {
        missing.add(address, subject, "no draft to it in Drafts after the last scan");
      }
    });
  }

  private void check(MailboxView view, Mail draft) {
    Optional<Mail> followedUp = view.followedUp(draft);
    Set<String> thread = new LinkedHashSet<>(draft.refs());
    followedUp.ifPresent(s -> thread.add(s.messageId()));
    for (String contact : new LinkedHashSet<>(draft.recipients())) {
      String list = view.lists.evidence(contact);
      if (list != null) {
        toLists.add(contact, draft.subject(), "a list by " + list);
      }
      if (NoReply.matches(contact)) {
        toNoReply.add(contact, draft.subject(), "a no-reply/system address");
      }
      followedUp.filter(s -> s.date() != null)
          .flatMap(s -> view.answers.first(contact, s.date(), thread).map(a -> why(s, a, thread)))
          .ifPresent(why -> toAnswerers.add(contact, draft.subject(), why));
    }
  }

  private static String why(Mail sent, Mail answer, Set<String> thread) {
    String how = Answers.inThread(answer, thread) ? "in the thread" : "from the contact";
    return "answered " + how + " on " + answer.date() + " by <" + answer.from() + "> \"" + answer.subject() + "\""
        + (answer.listHeaders() ? " (carrying List-*/Precedence headers)" : "")
        + ", after the followed-up message of " + sent.date();
  }
}
