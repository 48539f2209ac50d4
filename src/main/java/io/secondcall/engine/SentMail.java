package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.Ids;
import io.secondcall.core.MailMessage;
import io.secondcall.core.OutreachDecision;
import io.secondcall.core.OutreachRules;
import io.secondcall.core.PromiseParser;
import io.secondcall.core.Quotes;
import io.secondcall.core.Subjects;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.StepRecord;
import io.secondcall.core.TimeRange;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns new messages in Sent into tracked outreach and touches. */
final class SentMail {

  private static final PromiseParser PROMISES = new PromiseParser();

  /** How much of the user's last message is kept for the quote. */
  static final int KEPT_TEXT = 2000;

  private final CycleRun run;
  private final OutreachRules outreach;
  private final Instant firstScanAt;
  private final boolean callbacks;

  SentMail(CycleRun run, Instant firstScanAt, boolean callbacks) {
    this.run = run;
    this.firstScanAt = firstScanAt;
    this.callbacks = callbacks;
    this.outreach = new OutreachRules(run.settings.identity(), run.settings.rules(),
        a -> run.store.isMailingList(a.address()));
  }

  /** The new messages of Sent as events of the cycle's timeline; their bodies in one round trip. */
  List<Timeline.Event> events(FolderChanges changes) {
    run.report.countSkipped(changes.skipped());
    List<MailMessage> messages = changes.messages();
    List<Long> needText = messages.stream()
        .filter(m -> m.recipients().stream().anyMatch(run.settings.identity()::isExternal))
        .filter(m -> run.store.conversationOfMessage(m.messageId()).isEmpty())
        .map(MailMessage::uid)
        .toList();
    Map<Long, String> texts = needText.isEmpty()
        ? Map.of()
        : run.mail.texts(MailFolder.SENT, changes.cursor().uidValidity(), needText);
    List<Timeline.Event> events = new ArrayList<>();
    for (MailMessage m : messages) {
      MailMessage withText = m.withText(texts.get(m.uid()));
      events.add(new Timeline.Event(m.date(), Timeline.Source.SENT, m.uid(),
          "Sent UID " + m.uid() + " <" + m.messageId() + ">", () -> handle(withText)));
    }
    return events;
  }

  private void handle(MailMessage m) {
    rememberOutbound(m);
    if (run.store.conversationOfMessage(m.messageId()).isPresent()) {
      return; // read before: a resync after a UIDVALIDITY change, or a cycle cut short
    }
    Optional<StepRecord> ours = m.header("x-secondcall-id").flatMap(run.store::step);
    if (ours.isPresent()) {
      run.store.conversation(ours.get().conversationId()).ifPresent(c -> sentDraft(m, c, ours.get()));
      return;
    }
    Optional<Conversation> thread = threadOf(m).or(() -> afterMeeting(m));
    if (thread.isPresent() && continues(thread.get())) {
      touch(m, thread.get());
      return;
    }
    OutreachDecision decision = outreach.evaluate(m, firstScanAt);
    if (!decision.outreach()) {
      run.report.add(new Action(Action.Kind.IGNORED, "", firstRecipient(m), Subjects.strip(m.subject()),
          decision.reason(), m.date()));
      return;
    }
    track(m, decision);
  }

  /** Meta key prefix: when the user last wrote to an address (after a meeting, mail since means no recap). */
  static final String WROTE = "outbound:";

  private void rememberOutbound(MailMessage m) {
    for (var to : m.recipients()) {
      if (run.settings.identity().isExternal(to)) {
        String key = WROTE + to.address();
        long at = m.date().toEpochMilli();
        if (run.store.meta(key).map(Long::parseLong).map(seen -> seen < at).orElse(true)) {
          run.store.setMeta(key, Long.toString(at));
        }
      }
    }
  }

  /**
   * Mail to the contact of a meeting, written after it, is the recap written by hand: it
   * continues the after-meeting conversation instead of starting a second sequence.
   */
  private Optional<Conversation> afterMeeting(MailMessage m) {
    for (var to : m.recipients()) {
      if (!run.settings.identity().isExternal(to)) {
        continue;
      }
      Optional<Conversation> met = run.active().withContact(to).stream()
          .filter(Conversation::startedWithMeeting)
          .filter(c -> !c.lastTouchAt().isAfter(m.date()))
          .findFirst();
      if (met.isPresent()) {
        return met;
      }
    }
    return Optional.empty();
  }

  /** A conversation ended by a reply or exhausted starts afresh when the user writes again. */
  private static boolean continues(Conversation c) {
    return c.isActive()
        || c.status() == Conversation.Status.STOPPED
        || c.status() == Conversation.Status.BOUNCED;
  }

  private Optional<Conversation> threadOf(MailMessage m) {
    for (String id : m.referencedIds()) {
      Optional<Conversation> c = run.store.conversationOfMessage(id).flatMap(run.store::conversation);
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  private void sentDraft(MailMessage m, Conversation c, StepRecord step) {
    run.store.saveStep(step.withState(StepRecord.State.SENT, m.date()));
    Conversation touched = run.store.save(writtenAs(
        c.touched(m.date(), m.messageId(), referencesOf(m), keptText(m), false), m));
    run.store.linkMessage(m.messageId(), c.id());
    run.record(Action.Kind.TOUCHED, touched, "sent step " + step.number(), m.date());
  }

  private void touch(MailMessage m, Conversation c) {
    run.store.linkMessage(m.messageId(), c.id());
    if (!c.isActive()) {
      return;
    }
    // A draft of ours still waiting means the user sent it from a client that drops our header,
    // or wrote their own follow-up instead; either way that step is done, and our draft, if it is
    // still there, must go before the prospect answers (the clean-up removes it). A draft of this
    // round that the user deleted before writing their own is that step done by hand too: when
    // the deletion happened is not known, so it must not matter.
    List<StepRecord> steps = run.store.steps(c.id());
    Optional<StepRecord> waiting = steps.stream()
        .filter(s -> s.state() == StepRecord.State.DRAFTED || s.state() == StepRecord.State.PREPARING)
        .findFirst();
    Optional<StepRecord> replaced = waiting.isPresent() ? Optional.empty() : steps.stream()
        .filter(s -> s.state() == StepRecord.State.SKIPPED && s.preparedAt().isAfter(c.lastTouchAt()))
        .reduce((first, second) -> second);
    waiting.ifPresent(s -> run.store.saveStep(s.withState(StepRecord.State.SUPERSEDED, m.date())));
    replaced.ifPresent(s -> run.store.saveStep(s.withState(StepRecord.State.SENT, m.date())));
    Optional<StepRecord> done = waiting.or(() -> replaced);
    Conversation touched = run.store.save(writtenAs(
        c.touched(m.date(), m.messageId(), referencesOf(m), keptText(m), done.isEmpty()), m));
    run.record(Action.Kind.TOUCHED, touched,
        done.map(s -> "sent step " + s.number()).orElse("followed up by hand"), m.date());
    promise(touched, m);
  }

  private void track(MailMessage m, OutreachDecision decision) {
    String id = Ids.conversationId(m.messageId());
    if (run.store.conversation(id).isPresent()) {
      return;
    }
    Conversation c = new Conversation(id, decision.contacts(), Subjects.strip(m.subject()), m.messageId(),
        m.threadId(), m.date(), m.date(), m.messageId(), referencesOf(m), keptText(m), 1, 0,
        decision.firstStepDays(), null, Conversation.Status.ACTIVE, null, null, me(m), 0);
    c = run.store.save(c);
    run.store.linkMessage(m.messageId(), id);
    for (String ref : m.referencedIds()) {
      if (run.store.conversationOfMessage(ref).isEmpty()) {
        run.store.linkMessage(ref, id);
      }
    }
    run.record(Action.Kind.TRACKED, c, decision.reason(), m.date());
    promise(c, m);
  }

  /**
   * Where the user's own message promises a call ("I'll call you on Tuesday"), that promise sets
   * the time of the callback block (SPEC section 5): the morning of that day when no hour is named.
   */
  private void promise(Conversation c, MailMessage m) {
    if (!callbacks || m.text() == null) {
      return;
    }
    ZoneId zone = run.zone();
    PROMISES.parse(m.text(), m.date().atZone(zone)).ifPresent(p -> {
      Instant start = p.time()
          .map(t -> ZonedDateTime.of(p.day(), t, zone).toInstant())
          .orElse(run.settings.calendar().startOfWork(p.day()));
      if (start.isAfter(m.date())) {
        String blockId = c.id() + ".promise." + c.touches();
        run.store.saveCallback(new CallbackRecord(blockId, c.id(), null,
            new TimeRange(start, start.plus(run.settings.callbackLength())), null, CallbackRecord.State.REQUESTED,
            run.now));
        run.record(Action.Kind.TOUCHED, c, "you promised a call (\"" + p.phrase() + "\") for " + run.when(start),
            m.date());
      }
    });
  }

  /** The user's address in {@code m}, so that the follow-up comes from the address the contact knows. */
  private EmailAddress me(MailMessage m) {
    return run.settings.identity().isMe(m.from()) ? m.from() : null;
  }

  private Conversation writtenAs(Conversation c, MailMessage m) {
    EmailAddress from = me(m);
    return from == null ? c : c.from(from);
  }

  /** References for a reply to {@code m}: its own References, then its In-Reply-To. */
  private static List<String> referencesOf(MailMessage m) {
    List<String> refs = new ArrayList<>(m.references());
    for (String id : m.inReplyTo()) {
      if (!refs.contains(id)) {
        refs.add(id);
      }
    }
    return refs;
  }

  /**
   * The user's own letter, lines kept: greeting, words, sign-off and signature, without the text
   * it quotes. Drafts take their greeting, quote and signature from it. Capped.
   */
  private static String keptText(MailMessage m) {
    String own = m.text() == null ? "" : String.join("\n", Quotes.ownLines(m.text(), true)).strip();
    return own.length() <= KEPT_TEXT ? own : own.substring(0, KEPT_TEXT);
  }

  private static String firstRecipient(MailMessage m) {
    return m.recipients().isEmpty() ? "" : m.recipients().get(0).address();
  }
}
