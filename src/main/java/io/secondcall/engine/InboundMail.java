package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.Inbound;
import io.secondcall.core.InboundClassifier;
import io.secondcall.core.MailMessage;
import io.secondcall.core.ReplyMatcher;
import io.secondcall.phone.PhoneNumbers;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads new inbox mail for replies, auto-replies and bounces that end or pause sequences. */
final class InboundMail {

  private static final PhoneNumbers PHONES = new PhoneNumbers();

  private final CycleRun run;
  private final InboundClassifier classifier;
  private final ReplyMatcher matcher;
  private final Map<String, Conversation> active = new LinkedHashMap<>();

  InboundMail(CycleRun run) {
    this.run = run;
    this.classifier = new InboundClassifier(run.settings.identity(), run.zone());
    this.matcher = new ReplyMatcher(run.settings.identity(), run.settings.rules().replyMatch());
  }

  void process(FolderChanges changes) {
    run.report.countSkipped(changes.skipped());
    active.clear();
    run.store.activeConversations().forEach(c -> active.put(c.id(), c));
    List<MailMessage> messages = new ArrayList<>(changes.messages());
    messages.sort(Comparator.comparing(MailMessage::date));
    // Bodies only for mail that may concern a tracked conversation: out-of-office text and dates.
    List<Long> needText = messages.stream()
        .filter(m -> !candidates(m).isEmpty())
        .map(MailMessage::uid)
        .toList();
    Map<Long, String> texts = needText.isEmpty()
        ? Map.of()
        : run.mail.texts(MailFolder.INBOX, changes.cursor().uidValidity(), needText);
    // One transaction per message, so a message the rules choke on leaves nothing half done;
    // handling is idempotent, so a crash before the cursor is saved only means reading again.
    for (MailMessage m : messages) {
      CycleRun.guarded(run, "INBOX", m, () -> handle(m.withText(texts.get(m.uid()))));
    }
    run.store.saveCursor(MailFolder.INBOX, changes.cursor());
  }

  private void handle(MailMessage m) {
    Map<Conversation, Set<String>> candidates = candidates(m);
    Inbound inbound = classifier.classify(m);
    if (inbound.kind() == Inbound.Kind.PERSONAL || inbound.kind() == Inbound.Kind.AUTO_REPLY) {
      learnPhone(m);
    }
    if (inbound.kind() == Inbound.Kind.PERSONAL) {
      remember(m);
    }
    switch (inbound.kind()) {
      case OWN, AUTOMATED -> { }
      case BOUNCE -> bounce(m, inbound, candidates);
      case AUTO_REPLY -> pause(m, inbound, candidates);
      case PERSONAL -> reply(m, candidates);
    }
  }

  /** Meta key prefix: when mail last came from an address (after a meeting, mail since means no recap). */
  static final String SEEN = "inbound:";

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
   * Active conversations the message may concern, each with the message's references that
   * belong to it: by thread, then by sender address or domain.
   */
  private Map<Conversation, Set<String>> candidates(MailMessage m) {
    Map<Conversation, Set<String>> found = new LinkedHashMap<>();
    for (String ref : m.referencedIds()) {
      run.store.conversationOfMessage(ref)
          .map(active::get)
          .ifPresent(c -> found.computeIfAbsent(c, k -> new HashSet<>()).add(ref));
    }
    List<EmailAddress> senders = new ArrayList<>(m.bounced());
    if (m.from() != null) {
      senders.add(m.from());
    }
    for (Conversation c : active.values()) {
      if (m.threadId() != null && m.threadId().equals(c.threadId())) {
        found.computeIfAbsent(c, k -> new HashSet<>());
      }
      for (EmailAddress sender : senders) {
        for (EmailAddress contact : c.contacts()) {
          if (contact.domain().equals(sender.domain())) {
            found.computeIfAbsent(c, k -> new HashSet<>());
          }
        }
      }
    }
    return found;
  }

  private void reply(MailMessage m, Map<Conversation, Set<String>> candidates) {
    candidates.forEach((c, refs) -> {
      if (matcher.answers(m, c, refs)) {
        end(c, Conversation.Status.REPLIED, m.from() + " answered", m);
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
        if (c.pausedUntil() == null || back.isAfter(c.pausedUntil())) {
          Conversation paused = c.pausedUntil(back);
          run.store.save(paused);
          active.put(c.id(), paused);
          run.record(Action.Kind.PAUSED, paused, "out of office, back " + CycleRun.DAY.format(back)
              + ": the next step waits until the business day after", m.date());
        }
      }
    });
  }

  private void end(Conversation c, Conversation.Status status, String reason, MailMessage m) {
    Conversation ended = c.ended(status, reason, m.date());
    run.store.save(ended);
    run.store.linkMessage(m.messageId(), c.id());
    active.remove(c.id());
    Action.Kind kind = status == Conversation.Status.BOUNCED ? Action.Kind.BOUNCED : Action.Kind.REPLIED;
    run.record(kind, ended, reason, m.date());
    run.digest(kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + c.id(), ended,
        status == Conversation.Status.BOUNCED ? "bounce" : "ended",
        CycleRun.describe(ended) + ": " + reason + ", sequence ended");
  }
}
