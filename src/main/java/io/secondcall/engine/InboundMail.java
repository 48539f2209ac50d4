package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.Inbound;
import io.secondcall.core.InboundClassifier;
import io.secondcall.core.MailMessage;
import io.secondcall.core.MailingLists;
import io.secondcall.core.ReplyMatcher;
import io.secondcall.phone.PhoneNumbers;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads new inbox mail for replies, auto-replies and bounces that end or pause sequences. */
final class InboundMail {

  private static final PhoneNumbers PHONES = new PhoneNumbers();

  /** Meta key prefix: when mail last came from an address (after a meeting, mail since means no recap). */
  static final String SEEN = "inbound:";

  private final CycleRun run;
  private final InboundClassifier classifier;
  private final ReplyMatcher matcher;

  InboundMail(CycleRun run) {
    this.run = run;
    this.classifier = new InboundClassifier(run.settings.identity(), run.zone());
    this.matcher = new ReplyMatcher(run.settings.identity(), run.settings.rules().replyMatch());
  }

  /**
   * Learns the mailing lists the new inbox mail reveals (before anything else, so that a post to
   * a list in this cycle's Sent is never taken for outreach), and ends sequences that turn out to
   * be addressed to a list.
   */
  void learnLists(FolderChanges changes) {
    if (changes.messages().isEmpty()) {
      return;
    }
    run.transaction(() -> {
      for (MailMessage m : changes.messages()) {
        for (MailingLists.Evidence list : MailingLists.provenBy(m)) {
          if (run.store.addMailingList(list.address().address(), list.header(), run.now)) {
            dropListConversations(list);
          }
        }
      }
    });
  }

  private void dropListConversations(MailingLists.Evidence list) {
    for (Conversation c : run.active().withContact(list.address())) {
      Conversation ended = run.store.save(c.ended(Conversation.Status.IGNORED,
          list.address().address() + " is a mailing list (" + list.header() + ")", run.now));
      run.record(Action.Kind.IGNORED, ended, ended.endReason(), run.now);
    }
  }

  /**
   * The new inbox messages as events of the cycle's timeline. Bodies (for out-of-office text,
   * return dates and signatures) are fetched in one round trip, only for mail that may concern a
   * tracked conversation or one this cycle's Sent mail or meetings start.
   */
  List<Timeline.Event> events(FolderChanges changes, List<MailMessage> newSent, Set<String> meetingDomains) {
    run.report.countSkipped(changes.skipped());
    Set<String> sentIds = new HashSet<>();
    Set<String> sentDomains = new HashSet<>(meetingDomains);
    for (MailMessage s : newSent) {
      sentIds.add(s.messageId());
      s.recipients().forEach(r -> sentDomains.add(r.domain()));
    }
    List<Long> needText = changes.messages().stream()
        .filter(m -> mayConcern(m, sentIds, sentDomains))
        .map(MailMessage::uid)
        .toList();
    Map<Long, String> texts = needText.isEmpty()
        ? Map.of()
        : run.mail.texts(MailFolder.INBOX, changes.cursor().uidValidity(), needText);
    List<Timeline.Event> events = new ArrayList<>();
    for (MailMessage m : changes.messages()) {
      MailMessage withText = m.withText(texts.get(m.uid()));
      events.add(new Timeline.Event(m.date(), Timeline.Source.INBOX, m.uid(),
          "INBOX UID " + m.uid() + " <" + m.messageId() + ">", () -> handle(withText)));
    }
    return events;
  }

  private boolean mayConcern(MailMessage m, Set<String> sentIds, Set<String> sentDomains) {
    for (String ref : m.referencedIds()) {
      if (sentIds.contains(ref) || run.store.conversationOfMessage(ref).isPresent()) {
        return true;
      }
    }
    List<EmailAddress> senders = new ArrayList<>(m.bounced());
    if (m.from() != null) {
      senders.add(m.from());
    }
    return senders.stream().anyMatch(a -> sentDomains.contains(a.domain()) || run.active().knowsDomain(a.domain()));
  }

  private void handle(MailMessage m) {
    Inbound inbound = classifier.classify(m);
    Inbound.Kind kind = inbound.kind();
    if (kind == Inbound.Kind.PERSONAL || kind == Inbound.Kind.LIST || kind == Inbound.Kind.AUTO_REPLY) {
      learnPhone(m);
    }
    if (kind == Inbound.Kind.PERSONAL || kind == Inbound.Kind.LIST) {
      remember(m);
    }
    switch (kind) {
      case OWN, AUTOMATED -> { }
      case BOUNCE -> bounce(m, inbound, candidates(m));
      case AUTO_REPLY -> pause(m, inbound, candidates(m));
      case PERSONAL -> reply(m, candidates(m), null);
      case LIST -> reply(m, candidates(m), inbound.reason());
    }
  }

  private void remember(MailMessage m) {
    if (m.from() != null && run.settings.identity().isExternal(m.from())) {
      String key = SEEN + m.from().address();
      long at = m.date().toEpochMilli();
      if (run.store.meta(key).map(Long::parseLong).map(seen -> seen < at).orElse(true)) {
        run.store.setMeta(key, Long.toString(at));
      }
    }
  }

  /** A contact's own signature is where their number usually is: remember it for callback blocks. */
  private void learnPhone(MailMessage m) {
    if (m.text() == null || m.from() == null || !run.settings.identity().isExternal(m.from())) {
      return;
    }
    String region = PHONES.regionFor(m.from().domain(), run.settings.phoneRegion());
    PHONES.fromSignature(m.text(), region)
        .ifPresent(phone -> run.store.savePhone(m.from().address(), phone.e164()));
  }

  /**
   * Active conversations the message may concern, read now, each with the message's references
   * that belong to it: by thread, then by sender address or domain.
   */
  private Map<Conversation, Set<String>> candidates(MailMessage m) {
    Map<String, Conversation> byId = new LinkedHashMap<>();
    Map<String, Set<String>> refsById = new LinkedHashMap<>();
    for (String ref : m.referencedIds()) {
      run.store.conversationOfMessage(ref).flatMap(run.store::conversation).filter(Conversation::isActive)
          .ifPresent(c -> {
            byId.putIfAbsent(c.id(), c);
            refsById.computeIfAbsent(c.id(), k -> new HashSet<>()).add(ref);
          });
    }
    run.active().inThread(m.threadId()).forEach(c -> byId.putIfAbsent(c.id(), c));
    List<EmailAddress> senders = new ArrayList<>(m.bounced());
    if (m.from() != null) {
      senders.add(m.from());
    }
    for (EmailAddress sender : senders) {
      run.active().withDomain(sender.domain()).forEach(c -> byId.putIfAbsent(c.id(), c));
    }
    Map<Conversation, Set<String>> found = new LinkedHashMap<>();
    byId.forEach((id, c) -> found.put(c, refsById.getOrDefault(id, Set.of())));
    return found;
  }

  /**
   * A personal message, or list mail from the contact or in the thread, that answers a
   * conversation ends it. List mail is taken as an answer and the digest says why: a wrong
   * follow-up to someone who may have said yes costs more than a missing one.
   */
  private void reply(MailMessage m, Map<Conversation, Set<String>> candidates, String listReason) {
    candidates.forEach((c, refs) -> {
      if (matcher.answers(m, c, refs, listReason != null)) {
        String why = m.from() + " answered" + (listReason == null ? ""
            : " (it carried " + listReason.replaceFirst("^[^(]*\\(", "").replace(")", "")
                + " as list mail does; taken as an answer to be safe)");
        end(c, Conversation.Status.REPLIED, why, m);
      }
    });
  }

  private void bounce(MailMessage m, Inbound inbound, Map<Conversation, Set<String>> candidates) {
    candidates.forEach((c, refs) -> {
      boolean forContact = inbound.bounced().stream().anyMatch(c::hasContact)
          || (inbound.bounced().isEmpty() && !refs.isEmpty());
      if (forContact) {
        String failed = inbound.bounced().isEmpty() ? c.contact().address() : inbound.bounced().get(0).address();
        end(c, Conversation.Status.BOUNCED, "delivery to " + failed + " failed", m);
      }
    });
  }

  private void pause(MailMessage m, Inbound inbound, Map<Conversation, Set<String>> candidates) {
    LocalDate messageDay = run.settings.calendar().localDate(m.date());
    LocalDate back = inbound.returnDate().orElse(messageDay.plusDays(1));
    candidates.forEach((c, refs) -> {
      boolean fromContact = c.hasContact(m.from());
      if ((fromContact || !refs.isEmpty()) && m.date().isAfter(c.lastTouchAt())) {
        run.store.addAutoReply(c.id(), m.date());
        if (c.pausedUntil() == null || back.isAfter(c.pausedUntil())) {
          Conversation paused = run.store.save(c.pausedUntil(back));
          String detail = "out of office, back " + CycleRun.DAY.format(back)
              + ": the next step waits until the business day after";
          run.record(Action.Kind.PAUSED, paused, detail, m.date());
          run.digest("paused:" + c.id() + ":" + back, paused, "paused", CycleRun.describe(paused) + ": " + detail,
              m.date());
        }
      }
    });
  }

  private void end(Conversation c, Conversation.Status status, String reason, MailMessage m) {
    Conversation ended = run.store.save(c.ended(status, reason, m.date()));
    run.store.linkMessage(m.messageId(), c.id());
    Action.Kind kind = status == Conversation.Status.BOUNCED ? Action.Kind.BOUNCED : Action.Kind.REPLIED;
    run.record(kind, ended, reason, m.date());
    run.digest(kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + c.id(), ended,
        status == Conversation.Status.BOUNCED ? "bounce" : "ended",
        CycleRun.describe(ended) + ": " + reason + ", sequence ended", m.date());
  }
}
