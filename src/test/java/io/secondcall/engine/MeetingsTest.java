package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.calendar.InMemoryCalendarGateway;
import io.secondcall.core.Backoff;
import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.ContactCard;
import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Identity;
import io.secondcall.core.MailMessage;
import io.secondcall.core.StepKind;
import io.secondcall.core.WorkingHours;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarEvent.Attendee;
import io.secondcall.port.CalendarEvent.Attendee.Status;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.MailFolder;
import io.secondcall.port.StepRecord;
import io.secondcall.core.TimeRange;
import io.secondcall.store.InMemoryStateStore;
import io.secondcall.template.DigestComposer;
import io.secondcall.template.DraftComposer;
import io.secondcall.template.Templates;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The calendar as an input (SPEC sections 4 and 5): meetings as answers, touches and second calls. */
class MeetingsTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final String DANA = "dana@northwind.example";
  static final String ALICE = "alice@acme.de";

  final MutableClock clock = new MutableClock(at("2026-11-30T08:00"));
  final FakeMailbox mail = new FakeMailbox();
  final InMemoryStateStore store = new InMemoryStateStore();
  final InMemoryCalendarGateway calendar = new InMemoryCalendarGateway();
  final CalendarGuard guard = new CalendarGuard(new Backoff(() -> 0));

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant();
  }

  EngineSettings settings() {
    Identity me = new Identity("Dana Weber", Set.of(DANA), Set.of("northwind.example"), Set.of(), Set.of());
    BusinessCalendar cal = new BusinessCalendar(ZONE, WorkingHours.DEFAULT, d -> false);
    return new EngineSettings(me, new EmailAddress(DANA, "Dana Weber"), FollowUpRules.defaults(), cal, "Dana",
        Map.of(ALICE, new ContactCard("Alice Martin", null, "Acme")), 3, Duration.ofMinutes(15), "DE");
  }

  CycleReport runAt(String local) {
    clock.set(at(local));
    EngineSettings s = settings();
    Templates templates = Templates.load(null, ZONE, clock, Locale.ENGLISH);
    return new Cycle(s, mail, mail, store, new FollowUpWriter(s, templates, new DraftComposer()), new DigestComposer(),
        clock, new Cycle.CalendarSide(calendar, new BlockWriter(s, templates), guard)).run();
  }

  void meeting(String uid, String start, String end, String title, String notes, Instant created, Attendee... who) {
    calendar.add(new CalendarEvent(uid, null, title, notes, new TimeRange(at(start), at(end)), false, false, false,
        EmailAddress.of(DANA), List.of(who), created, null));
  }

  static Attendee alice(Status status) {
    return new Attendee(EmailAddress.of(ALICE), status);
  }

  static Attendee me() {
    return new Attendee(EmailAddress.of(DANA), Status.ACCEPTED);
  }

  Conversation only() {
    assertThat(store.conversations()).hasSize(1);
    return store.conversations().get(0);
  }

  @Test
  void aHeldMeetingGetsARecapDraftTheNextBusinessMorningAndASecondCallLater() throws Exception {
    meeting("m1", "2026-12-04T14:00", "2026-12-04T15:00", "Intro call Acme",
        "Agreed: a pricing review for Q1\nPrivate: their budget is tight\nPhone: +49 30 2345678", null, me(), alice(Status.ACCEPTED));

    runAt("2026-12-04T16:00");
    assertThat(mail.drafts).isEmpty();
    runAt("2026-12-07T09:00");

    assertThat(mail.drafts).hasSize(1);
    MimeMessage recap = mail.drafts.values().iterator().next();
    String body = recap.getContent().toString();
    assertThat(body).contains("Intro call Acme").contains("Friday, 4 December").contains("> a pricing review for Q1")
        .doesNotContain("budget", "2345678", "Private");
    assertThat(recap.getHeader("In-Reply-To")).isNull();
    assertThat(store.steps(only().id())).extracting(StepRecord::kind).containsExactly(StepKind.RECAP);
    // The second call: 3 business days after Fri 4 Dec is Wed 9 Dec, with the number from the notes.
    List<CalendarEvent> blocks = calendar.events(new TimeRange(at("2026-12-01T00:00"), at("2027-01-01T00:00")))
        .stream().filter(e -> e.secondcallId() != null).toList();
    assertThat(blocks).singleElement().satisfies(b -> {
      assertThat(b.time().start()).isEqualTo(at("2026-12-09T09:00"));
      assertThat(b.title()).isEqualTo("Call Alice Martin: Intro call Acme");
      assertThat(b.description()).contains("+49 30 2345678").contains("Second call");
    });
  }

  /** SPEC section 10 for recaps: a crash just after the recap reached Drafts does not draft it again. */
  @Test
  void aCrashAfterTheRecapLandedLeavesOneRecapAndOneSecondCall() {
    meeting("m1", "2026-12-04T14:00", "2026-12-04T15:00", "Intro call Acme", "", null, me(), alice(Status.ACCEPTED));
    mail.failAfterNextSave = true;
    assertThatThrownBy(() -> runAt("2026-12-07T09:00")).hasMessageContaining("simulated crash");

    runAt("2026-12-07T09:05");
    runAt("2026-12-07T09:10");

    assertThat(mail.draftsSaved).isEqualTo(1);
    assertThat(store.steps(only().id())).extracting(StepRecord::state).containsExactly(StepRecord.State.DRAFTED);
    assertThat(secondCalls()).hasSize(1);
  }

  /** A crash just before the recap reached Drafts drafts it once on the next cycle. */
  @Test
  void aCrashBeforeTheRecapLandedDraftsItOnceNextCycle() {
    meeting("m1", "2026-12-04T14:00", "2026-12-04T15:00", "Intro call Acme", "", null, me(), alice(Status.ACCEPTED));
    mail.failBeforeNextSave = true;
    assertThatThrownBy(() -> runAt("2026-12-07T09:00")).hasMessageContaining("simulated crash");

    runAt("2026-12-07T09:05");
    runAt("2026-12-07T09:10");

    assertThat(mail.draftsSaved).isEqualTo(1);
    assertThat(mail.drafts).containsOnlyKeys(only().id() + ".1");
    assertThat(secondCalls()).hasSize(1);
  }

  List<CalendarEvent> secondCalls() {
    return calendar.events(new TimeRange(at("2026-12-01T00:00"), at("2027-01-01T00:00"))).stream()
        .filter(e -> e.secondcallId() != null).toList();
  }

  @Test
  void aRecapWithNoEarlierMailIsANewMessageNotAReply() throws Exception {
    meeting("m1", "2026-12-04T14:00", "2026-12-04T15:00", "Intro call Acme", "", null, me(), alice(Status.ACCEPTED));

    runAt("2026-12-07T09:00");

    assertThat(mail.drafts.values()).singleElement()
        .satisfies(recap -> assertThat(recap.getSubject()).isEqualTo("Intro call Acme"));
  }

  @Test
  void mailTheUserWroteToTheContactAfterTheMeetingIsTheRecap() {
    meeting("m1", "2026-12-04T14:00", "2026-12-04T15:00", "Intro call", "", null, me(), alice(Status.ACCEPTED));
    mail.add(MailFolder.SENT, MailMessage.builder("thanks@northwind.example", at("2026-12-04T17:00")).from(DANA)
        .to(ALICE).subject("Thanks for today"), "Thank you for the call, here are the slides.");

    runAt("2026-12-07T09:30");

    assertThat(mail.drafts).isEmpty();
    assertThat(store.conversations()).noneSatisfy(c -> assertThat(c.subject()).isEqualTo("Thanks for today"));
  }

  @Test
  void mailTheUserWroteAfterTheMeetingInAnEarlierCycleMeansNoRecap() {
    mail.add(MailFolder.SENT, MailMessage.builder("thanks@northwind.example", at("2026-12-04T17:00")).from(DANA)
        .to(ALICE).subject("Thanks for today"), "Thank you for the call, here are the slides.");
    runAt("2026-12-04T17:30");
    meeting("m1", "2026-12-04T14:00", "2026-12-04T15:00", "Intro call", "", null, me(), alice(Status.ACCEPTED));

    runAt("2026-12-07T09:30");

    assertThat(mail.drafts.values()).noneSatisfy(d -> assertThat(d.getSubject()).isEqualTo("Intro call"));
  }

  @Test
  void aMeetingFollowedByABookedNextMeetingProducesNothing() {
    meeting("m1", "2026-12-04T14:00", "2026-12-04T15:00", "Intro call", "", null, me(), alice(Status.ACCEPTED));
    meeting("m2", "2026-12-14T10:00", "2026-12-14T11:00", "Workshop", "", null, me(), alice(Status.ACCEPTED));

    runAt("2026-12-07T09:30");

    assertThat(store.conversations()).isEmpty();
    assertThat(mail.drafts).isEmpty();
  }

  @Test
  void aMeetingBookedAfterTheOutreachEndsTheSequenceLikeAReply() {
    mail.add(MailFolder.SENT, MailMessage.builder("p1@northwind.example", at("2026-11-30T10:00")).from(DANA).to(ALICE)
        .subject("Proposal"), "Hi Alice");
    runAt("2026-12-03T09:30");
    assertThat(mail.drafts).hasSize(1);

    meeting("m1", "2026-12-10T10:00", "2026-12-10T11:00", "Proposal walkthrough", "", at("2026-12-03T11:00"),
        me(), alice(Status.NEEDS_ACTION));
    runAt("2026-12-03T12:00");

    assertThat(only().status()).isEqualTo(Conversation.Status.MEETING_BOOKED);
    assertThat(mail.drafts).isEmpty();
  }

  @Test
  void aMeetingTheContactAcceptedEndsTheSequenceToo() {
    mail.add(MailFolder.SENT, MailMessage.builder("p1@northwind.example", at("2026-11-30T10:00")).from(DANA).to(ALICE)
        .subject("Proposal"), "Hi Alice");
    meeting("m1", "2026-12-10T10:00", "2026-12-10T11:00", "Proposal walkthrough", "", null, me(),
        alice(Status.ACCEPTED));

    runAt("2026-12-03T09:30");

    assertThat(only().status()).isEqualTo(Conversation.Status.MEETING_BOOKED);
    assertThat(mail.drafts).isEmpty();
  }

  @Test
  void aHeldMeetingIsATouchInTheMailConversationAndItsRecapThreadsThere() throws Exception {
    mail.add(MailFolder.SENT, MailMessage.builder("p1@northwind.example", at("2026-11-30T10:00")).from(DANA).to(ALICE)
        .subject("Proposal"), "Hi Alice");
    runAt("2026-11-30T11:00");
    meeting("m1", "2026-12-02T14:00", "2026-12-02T15:00", "Proposal call", "", at("2026-11-20T10:00"), me(),
        alice(Status.NEEDS_ACTION));

    runAt("2026-12-03T09:30");

    Conversation mailThread = store.conversations().stream().filter(c -> !c.startedWithMeeting()).findFirst()
        .orElseThrow();
    Conversation afterMeeting = store.conversations().stream().filter(Conversation::startedWithMeeting).findFirst()
        .orElseThrow();
    assertThat(mailThread.status()).isEqualTo(Conversation.Status.MEETING_BOOKED);
    assertThat(afterMeeting.touches()).isEqualTo(2);
    assertThat(mail.drafts).hasSize(1);
    MimeMessage recap = mail.drafts.values().iterator().next();
    assertThat(recap.getHeader("In-Reply-To")[0]).isEqualTo("<p1@northwind.example>");
    assertThat(recap.getContent().toString()).contains("Proposal call");
  }

  @Test
  void mailFromTheContactAfterTheMeetingMeansNoRecap() {
    meeting("m1", "2026-12-04T14:00", "2026-12-04T15:00", "Intro call", "", null, me(), alice(Status.ACCEPTED));
    mail.add(MailFolder.INBOX, MailMessage.builder("a1@acme.de", at("2026-12-04T17:00")).from(ALICE).to(DANA)
        .subject("Thanks for today"), "Great talk, here are the documents.");

    runAt("2026-12-07T09:30");

    assertThat(store.activeConversations()).isEmpty();
    assertThat(mail.drafts).isEmpty();
  }

  @Test
  void allDayCancelledDeclinedInternalEventsAndOurOwnBlocksAreNotMeetings() {
    TimeRange friday = new TimeRange(at("2026-12-04T14:00"), at("2026-12-04T15:00"));
    calendar.add(new CalendarEvent("allday", null, "Trade fair", "", new TimeRange(at("2026-12-04T00:00"),
        at("2026-12-05T00:00")), true, false, false, null, List.of(alice(Status.ACCEPTED)), null, null));
    calendar.add(new CalendarEvent("cancelled", null, "Call", "", friday, false, true, false, null,
        List.of(alice(Status.ACCEPTED)), null, null));
    calendar.add(new CalendarEvent("declined", null, "Call", "", friday, false, false, false, null,
        List.of(alice(Status.ACCEPTED), new Attendee(EmailAddress.of(DANA), Status.DECLINED)), null, null));
    calendar.add(new CalendarEvent("internal", null, "Team", "", friday, false, false, false, null,
        List.of(new Attendee(EmailAddress.of("frank@northwind.example"), Status.ACCEPTED)), null, null));
    calendar.add(new CalendarEvent("ours", null, "Call Alice", "", friday, false, false, false, null,
        List.of(alice(Status.ACCEPTED)), null, "c1.1.call"));

    runAt("2026-12-07T09:30");

    assertThat(store.conversations()).isEmpty();
  }

  @Test
  void theSecondCallIsCancelledWhenTheContactAnswersFirst() {
    meeting("m1", "2026-12-04T14:00", "2026-12-04T15:00", "Intro call", "", null, me(), alice(Status.ACCEPTED));
    runAt("2026-12-07T09:30");
    assertThat(store.callbacksIn(CallbackRecord.State.BOOKED)).hasSize(1);

    mail.add(MailFolder.INBOX, MailMessage.builder("a1@acme.de", at("2026-12-07T11:00")).from(ALICE).to(DANA)
        .subject("Re: Intro call"), "Thanks, let's talk in January.");
    runAt("2026-12-07T12:00");

    assertThat(only().status()).isEqualTo(Conversation.Status.REPLIED);
    assertThat(store.callbacksIn(CallbackRecord.State.CANCELLED)).hasSize(1);
    assertThat(mail.drafts).isEmpty();
  }

  @Test
  void theMeetingsReadLookBackTheLookBackNotToTheInstallation() {
    List<TimeRange> asked = new java.util.ArrayList<>();
    io.secondcall.port.CalendarGateway recording = (io.secondcall.port.CalendarGateway) java.lang.reflect.Proxy
        .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {io.secondcall.port.CalendarGateway.class},
            (proxy, method, args) -> {
              if (method.getName().equals("events")) {
                asked.add((TimeRange) args[0]);
              }
              try {
                return method.invoke(calendar, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
    EngineSettings s = settings();
    Templates templates = Templates.load(null, ZONE, clock, Locale.ENGLISH);
    Cycle cycle = new Cycle(s, mail, mail, store, new FollowUpWriter(s, templates, new DraftComposer()),
        new DigestComposer(), clock, new Cycle.CalendarSide(recording, new BlockWriter(s, templates), guard));
    clock.set(at("2026-11-30T09:00"));
    cycle.run();
    asked.clear();

    clock.set(at("2027-06-01T09:00"));
    cycle.run();

    // A year and a half of use, and still 21 days back (followup.lookback_days), not to 30 November.
    assertThat(asked).isNotEmpty().allSatisfy(range ->
        assertThat(range.start()).isEqualTo(at("2027-06-01T09:00").minus(Duration.ofDays(21))));
  }
}
