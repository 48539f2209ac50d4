package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.calendar.InMemoryCalendarGateway;
import io.secondcall.core.Backoff;
import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Identity;
import io.secondcall.core.MailMessage;
import io.secondcall.core.WorkingHours;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.MailFolder;
import io.secondcall.port.StepRecord;
import io.secondcall.core.TimeRange;
import io.secondcall.store.InMemoryStateStore;
import io.secondcall.template.DigestComposer;
import io.secondcall.template.DraftComposer;
import io.secondcall.template.Templates;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SPEC section 4, "one timeline": random histories of outreach, answers, the user's replies,
 * out-of-office replies, bounces, drafts sent or deleted, and meetings end in the same
 * conversations, steps and drafts whether the daemon scanned once every morning or also right
 * after every single event.
 */
class OneTimelineProperties {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 30);
  static final int DAYS = 30;
  static final String DANA = "dana@northwind.example";
  static final List<String> CONTACTS = List.of("alice@acme.example", "bob@globex.example", "carol@initech.example");

  enum Kind { OUTREACH, REPLY_IN_THREAD, REPLY_ELSEWHERE, USER_ANSWER, AUTO_REPLY, BOUNCE, SEND_DRAFT, DELETE_DRAFT, MEETING }

  /** One thing that happens on {@code day} at {@code minute} past midnight, to contact {@code who}. */
  record Happening(int day, int minute, Kind kind, int who, int pick) {}

  @Property(tries = 200)
  void theOutcomeDoesNotDependOnHowOftenCyclesRan(@ForAll("histories") List<Happening> history) {
    Map<String, Object> everyMorning = new World().play(history, false);
    Map<String, Object> afterEveryEvent = new World().play(history, true);

    assertThat(afterEveryEvent).isEqualTo(everyMorning);
  }

  @Provide
  Arbitrary<List<Happening>> histories() {
    Arbitrary<Happening> happening = Combinators.combine(
        Arbitraries.integers().between(0, DAYS - 10),
        Arbitraries.integers().between(10 * 60, 23 * 60),
        Arbitraries.of(Kind.class).withoutEdgeCases(),
        Arbitraries.integers().between(0, CONTACTS.size() - 1),
        Arbitraries.integers().between(0, 9)).as(Happening::new);
    return happening.list().ofMinSize(1).ofMaxSize(24);
  }

  /** A mailbox, a calendar and secondcall's state, played forward in time. */
  static final class World {
    final MutableClock clock = new MutableClock(at(0, 8 * 60));
    final FakeMailbox mail = new FakeMailbox();
    final InMemoryStateStore store = new InMemoryStateStore();
    final InMemoryCalendarGateway calendar = new InMemoryCalendarGateway();
    final CalendarGuard guard = new CalendarGuard(new Backoff(() -> 0));
    final EngineSettings settings = settings();
    final Templates templates = Templates.load(null, ZONE, clock, Locale.ENGLISH);
    final Map<String, String> lastSent = new HashMap<>();
    final Map<String, String> lastInbound = new HashMap<>();
    int serial;

    static Instant at(int day, int minute) {
      return FIRST_DAY.plusDays(day).atStartOfDay(ZONE).plusMinutes(minute).toInstant();
    }

    static EngineSettings settings() {
      Identity me = new Identity("Dana Weber", Set.of(DANA), Set.of("northwind.example"), Set.of(), Set.of());
      BusinessCalendar calendar = new BusinessCalendar(ZONE, WorkingHours.DEFAULT,
          d -> d.equals(LocalDate.of(2026, 12, 8)));
      return new EngineSettings(me, new EmailAddress(DANA, "Dana Weber"), FollowUpRules.defaults(), calendar, "Dana",
          Map.of());
    }

    Map<String, Object> play(List<Happening> history, boolean scanAfterEach) {
      // The user handles drafts at 09:30, after the morning scan. At one instant, happenings go
      // before scans.
      List<Map.Entry<Instant, Runnable>> timeline = new ArrayList<>();
      for (int i = 0; i < history.size(); i++) {
        Happening h = history.get(i);
        boolean onDrafts = h.kind() == Kind.SEND_DRAFT || h.kind() == Kind.DELETE_DRAFT;
        Instant when = at(h.day(), onDrafts ? 9 * 60 + 30 : h.minute()).plusSeconds(i);
        timeline.add(Map.entry(when, () -> happen(h, when)));
      }
      List<Map.Entry<Instant, Runnable>> scans = new ArrayList<>();
      if (scanAfterEach) {
        timeline.forEach(e -> scans.add(Map.entry(e.getKey().plusMillis(500), () -> scan(e.getKey().plusMillis(500)))));
      }
      for (int day = 0; day < DAYS; day++) {
        Instant morning = at(day, 9 * 60);
        scans.add(Map.entry(morning, () -> scan(morning)));
      }
      timeline.addAll(scans);
      timeline.sort(Map.Entry.comparingByKey());
      timeline.forEach(e -> e.getValue().run());
      return outcome();
    }

    void scan(Instant now) {
      clock.set(now);
      new Cycle(settings, mail, mail, store, new FollowUpWriter(settings, templates, new DraftComposer()),
          new DigestComposer(), clock, new Cycle.CalendarSide(calendar, new BlockWriter(settings, templates), guard))
          .run();
    }

    void happen(Happening h, Instant when) {
      String contact = CONTACTS.get(h.who());
      String id = "e" + (serial++);
      switch (h.kind()) {
        case OUTREACH -> sent(id, when, contact, "Topic " + id, List.of());
        case USER_ANSWER -> {
          if (lastInbound.containsKey(contact)) {
            List<String> refs = new ArrayList<>();
            if (lastSent.containsKey(contact)) {
              refs.add(lastSent.get(contact));
            }
            refs.add(lastInbound.get(contact));
            sent(id, when, contact, "Re: answer", refs);
          }
        }
        case REPLY_IN_THREAD -> {
          if (lastSent.containsKey(contact)) {
            inbound(id, when, contact, "Re: your mail", lastSent.get(contact), "Sounds good, let's talk.");
          }
        }
        case REPLY_ELSEWHERE -> inbound(id, when, contact, "Something else", null, "Can you call me?");
        case AUTO_REPLY -> inbound(id, when, contact, "Out of office", lastSent.get(contact),
            "I am out of the office until " + when.atZone(ZONE).toLocalDate().plusDays(6)
                + " and will reply when I am back.");
        case BOUNCE -> mail.add(MailFolder.INBOX, MailMessage.builder(id + "@mx.example", when)
            .from("mailer-daemon@mx.example").to(DANA).subject("Undelivered Mail Returned to Sender")
            .header("content-type", "multipart/report; report-type=delivery-status")
            .bounced(List.of(EmailAddress.of(contact))), "");
        case SEND_DRAFT -> pickDraft(h.pick()).ifPresent(draftId -> {
          String to = recipientOf(draftId);
          MailMessage copy = mail.userSends(draftId, when);
          lastSent.put(to, copy.messageId());
        });
        case DELETE_DRAFT -> pickDraft(h.pick()).ifPresent(mail::userDeletes);
        case MEETING -> {
          Instant start = when.plus(Duration.ofDays(1));
          calendar.add(new CalendarEvent(id, null, "Meeting " + id, "", new TimeRange(start, start.plusSeconds(3600)),
              false, false, false, EmailAddress.of(DANA),
              List.of(new CalendarEvent.Attendee(EmailAddress.of(contact), CalendarEvent.Attendee.Status.NEEDS_ACTION)),
              when, null));
        }
      }
    }

    void sent(String id, Instant when, String contact, String subject, List<String> refs) {
      MailMessage.Builder b = MailMessage.builder(id + "@northwind.example", when).from(DANA).to(contact)
          .subject(subject);
      if (!refs.isEmpty()) {
        b.inReplyTo(refs.get(refs.size() - 1)).references(refs);
      }
      mail.add(MailFolder.SENT, b, "Hi,\n\nhere is what we discussed.\n\nDana");
      lastSent.put(contact, id + "@northwind.example");
    }

    void inbound(String id, Instant when, String contact, String subject, String inReplyTo, String text) {
      MailMessage.Builder b = MailMessage.builder(id + "@" + EmailAddress.of(contact).domain(), when).from(contact)
          .to(DANA).subject(subject);
      if (inReplyTo != null) {
        b.inReplyTo(inReplyTo).references(inReplyTo);
      }
      mail.add(MailFolder.INBOX, b, text);
      lastInbound.put(contact, id + "@" + EmailAddress.of(contact).domain());
    }

    java.util.Optional<String> pickDraft(int pick) {
      List<String> ids = new ArrayList<>(new TreeSet<>(mail.drafts.keySet()));
      return ids.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ids.get(pick % ids.size()));
    }

    String recipientOf(String draftId) {
      try {
        return ((InternetAddress) mail.drafts.get(draftId).getAllRecipients()[0]).getAddress();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }

    /** What the user can see and what secondcall will do next. */
    Map<String, Object> outcome() {
      Map<String, Object> out = new TreeMap<>();
      for (Conversation c : store.conversations()) {
        out.put("conversation " + c.id(), List.of(c.contact().address(), c.status(), c.touches(), c.lastTouchAt(),
            String.valueOf(c.pausedUntil())));
      }
      out.put("drafts", new TreeSet<>(mail.drafts.keySet()));
      out.put("sent steps", store.stepsIn(StepRecord.State.SENT).stream().map(StepRecord::secondcallId)
          .sorted(Comparator.naturalOrder()).toList());
      return out;
    }
  }
}
