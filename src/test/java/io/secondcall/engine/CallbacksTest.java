package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.calendar.InMemoryCalendarGateway;
import io.secondcall.core.Backoff;
import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.ContactCard;
import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Identity;
import io.secondcall.core.MailMessage;
import io.secondcall.core.WorkingHours;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackBlock;
import io.secondcall.port.MailFolder;
import io.secondcall.port.ServerAccessException;
import io.secondcall.core.TimeRange;
import io.secondcall.store.InMemoryStateStore;
import io.secondcall.template.DigestComposer;
import io.secondcall.template.DraftComposer;
import io.secondcall.template.Templates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Callback blocks end to end on the in-memory mailbox, state and calendar (SPEC section 7). */
class CallbacksTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final String DANA = "dana@northwind.example";
  static final String ALICE = "alice@acme.de";

  final MutableClock clock = new MutableClock(at("2026-11-30T08:00"));
  final FakeMailbox mail = new FakeMailbox();
  final InMemoryStateStore store = new InMemoryStateStore();
  final InMemoryCalendarGateway calendar = new InMemoryCalendarGateway();
  final CalendarGuard guard = new CalendarGuard(new Backoff(() -> 0));
  Map<String, ContactCard> contacts = Map.of(ALICE, new ContactCard("Alice Martin", "089 1234567", "Acme"));
  CalendarGateway gateway = calendar;

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant();
  }

  EngineSettings settings() {
    Identity me = new Identity("Dana Weber", Set.of(DANA), Set.of("northwind.example"), Set.of(), Set.of());
    BusinessCalendar cal = new BusinessCalendar(ZONE, WorkingHours.DEFAULT, d -> false);
    return new EngineSettings(me, new EmailAddress(DANA, "Dana Weber"), FollowUpRules.defaults(), cal, "Dana",
        contacts, 3, Duration.ofMinutes(15), "DE");
  }

  CycleReport runAt(String local) {
    clock.set(at(local));
    EngineSettings s = settings();
    Templates templates = Templates.load(null, ZONE, clock, Locale.ENGLISH);
    return new Cycle(s, mail, mail, store, new FollowUpWriter(s, templates, new DraftComposer()), new DigestComposer(),
        clock, new Cycle.CalendarSide(gateway, new BlockWriter(s, templates), guard)).run();
  }

  void outreach(String id, String when, String to, String text) {
    mail.add(MailFolder.SENT, MailMessage.builder(id, at(when)).from(DANA).to(to).subject("Proposal"), text);
  }

  List<CalendarEvent> blocks() {
    return calendar.events(new TimeRange(at("2026-11-01T00:00"), at("2027-02-01T00:00")));
  }

  @Test
  void aDueStepForAContactWithAKnownNumberBooksAFirstFreeSlotInWorkingHours() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Hi Alice, here is the proposal.");
    calendar.createBlock(new CallbackBlock("other", new TimeRange(at("2026-12-03T13:00"), at("2026-12-03T15:00")),
        "Workshop", "", null));

    runAt("2026-12-03T08:30");
    assertThat(blocks()).hasSize(1);
    runAt("2026-12-03T09:00");

    List<CalendarEvent> ours = blocks().stream().filter(e -> !e.uid().equals("other")).toList();
    assertThat(ours).hasSize(1);
    CalendarEvent block = ours.get(0);
    // Not before the afternoon, so that the draft can go out first; after the workshop.
    assertThat(block.time()).isEqualTo(new TimeRange(at("2026-12-03T15:00"), at("2026-12-03T15:15")));
    assertThat(block.title()).isEqualTo("Call Alice Martin: Proposal");
    assertThat(block.description()).contains("+49 89 1234567").contains("tel:+49891234567")
        .contains("follow-up 1").contains("Talking points");
  }

  @Test
  void aContactWithoutAKnownNumberGetsNoBlock() {
    contacts = Map.of();
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Hi Alice");
    runAt("2026-12-03T09:30");
    assertThat(mail.drafts).hasSize(1);
    assertThat(blocks()).isEmpty();
  }

  @Test
  void aNumberFromTheContactsOwnSignatureIsUsed() {
    contacts = Map.of();
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Hi Alice");
    mail.add(MailFolder.INBOX, MailMessage.builder("ooo@acme.de", at("2026-11-30T10:01")).from(ALICE).to(DANA)
        .subject("Abwesenheitsnotiz: Proposal").header("auto-submitted", "auto-replied"),
        "Ich bin bis zum 1. Dezember nicht im Büro.\n\nMit freundlichen Grüßen\nAlice Martin\nAcme GmbH\nTel. +49 30 2345678\n");

    runAt("2026-12-03T09:30");

    assertThat(blocks()).hasSize(1);
    assertThat(blocks().get(0).description()).contains("+49 30 2345678");
  }

  @Test
  void repeatedCyclesNeverBookTheSameStepTwice() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Hi Alice");
    runAt("2026-12-03T09:30");
    runAt("2026-12-03T10:30");
    runAt("2026-12-04T09:30");
    assertThat(calendar.blocksCreated).isEqualTo(1);
  }

  @Test
  void aReplyCancelsTheFutureBlock() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Hi Alice");
    calendar.createBlock(new CallbackBlock("busy", new TimeRange(at("2026-12-03T09:00"), at("2026-12-03T17:00")),
        "Off-site", "", null));
    runAt("2026-12-03T09:30");
    assertThat(blocks()).extracting(CalendarEvent::uid).contains("busy").hasSize(2);

    mail.add(MailFolder.INBOX, MailMessage.builder("r1@acme.de", at("2026-12-03T12:00")).from(ALICE).to(DANA)
        .subject("Re: Proposal").inReplyTo("p1@northwind.example"), "Yes, let's talk.");
    CycleReport report = runAt("2026-12-03T13:00");

    assertThat(blocks()).extracting(CalendarEvent::uid).containsExactly("busy");
    assertThat(report.actions(Action.Kind.CLEANED_UP)).extracting(Action::detail)
        .anyMatch(d -> d.contains("callback block"));
  }

  @Test
  void aPromisedCallIsBookedAtThePromisedTimeInsteadOfTheCadence() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE,
        "Hi Alice,\n\nhere is the proposal. I'll call you on Thursday at 3pm to talk it through.\n\nBest, Dana");

    runAt("2026-11-30T11:00");

    assertThat(blocks()).hasSize(1);
    assertThat(blocks().get(0).time().start()).isEqualTo(at("2026-12-03T15:00"));
    runAt("2026-12-03T09:30");
    assertThat(blocks()).hasSize(1);
    assertThat(mail.drafts).hasSize(1);
  }

  @Test
  void theDailyLimitOfBlocksMovesTheRestToTheNextBusinessDay() {
    contacts = Map.of(
        "a@acme.de", new ContactCard("A", "089 1234561", null),
        "b@acme.de", new ContactCard("B", "089 1234562", null),
        "c@acme.de", new ContactCard("C", "089 1234563", null),
        "d@acme.de", new ContactCard("D", "089 1234564", null));
    for (String who : List.of("a", "b", "c", "d")) {
      outreach(who + "1@northwind.example", "2026-11-30T10:00", who + "@acme.de", "Hi");
    }
    runAt("2026-12-03T09:30");

    List<Instant> starts = blocks().stream().map(e -> e.time().start()).sorted().toList();
    assertThat(starts).containsExactly(at("2026-12-03T13:00"), at("2026-12-03T13:15"), at("2026-12-03T13:30"),
        at("2026-12-04T09:00"));
  }

  @Test
  void aDryRunShowsTheSlotButBooksNothing() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Hi Alice");
    clock.set(at("2026-12-03T09:30"));
    EngineSettings s = settings();
    Templates templates = Templates.load(null, ZONE, clock, Locale.ENGLISH);
    CycleReport report = new Cycle(s, mail, mail, store, new FollowUpWriter(s, templates, new DraftComposer()),
        new DigestComposer(), clock, new Cycle.CalendarSide(calendar, new BlockWriter(s, templates), guard)).dryRun();

    assertThat(report.actions(Action.Kind.BOOKED)).singleElement()
        .satisfies(a -> assertThat(a.at()).isEqualTo(at("2026-12-03T13:00")));
    assertThat(blocks()).isEmpty();
  }

  @Test
  void anUnreachableCalendarDoesNotStopDraftingAndIsRetriedLater() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Hi Alice");
    gateway = new Unreachable(calendar);

    CycleReport report = runAt("2026-12-03T09:30");

    assertThat(mail.drafts).hasSize(1);
    assertThat(report.calendarFailure()).isPresent();
    assertThat(blocks()).isEmpty();

    gateway = calendar;
    runAt("2026-12-03T09:30:10");
    assertThat(blocks()).as("still backing off").isEmpty();
    runAt("2026-12-03T09:31");
    assertThat(blocks()).hasSize(1);
  }

  @Test
  void theDigestListsTheBookedCall() throws Exception {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Hi Alice");
    runAt("2026-12-03T09:30");
    String digest = mail.inboxDeliveries.get(0).getContent().toString();
    assertThat(digest).contains("Call").contains("alice@acme.de")
        .contains("booked for Thu 3 Dec 13:00 at +49 89 1234567, follow-up 1");
  }

  @Test
  void statusShowsTheNextCallNotOneThatIsOver() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Hi Alice");
    runAt("2026-12-03T09:30");
    String c = store.conversations().get(0).id();
    store.saveCallback(new io.secondcall.port.CallbackRecord(c + ".later", c, null,
        new TimeRange(at("2026-12-10T11:00"), at("2026-12-10T11:15")), null,
        io.secondcall.port.CallbackRecord.State.BOOKED, at("2026-12-03T09:30")));

    clock.set(at("2026-12-04T12:00"));

    assertThat(new StatusView(store, settings(), clock).rows()).singleElement()
        .satisfies(r -> assertThat(r.call()).isEqualTo(at("2026-12-10T11:00")));
  }

  @Test
  void statusShowsTheBookedBlock() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Hi Alice");
    runAt("2026-12-03T09:30");
    assertThat(new StatusView(store, settings(), clock).rows()).singleElement()
        .satisfies(r -> assertThat(r.call()).isEqualTo(at("2026-12-03T13:00")));
    assertThat(store.conversations().get(0).status()).isEqualTo(Conversation.Status.ACTIVE);
  }

  @Test
  void aProspectInNewYorkIsCalledInTheirBusinessHoursAndTheDraftNamesTheCall() throws Exception {
    contacts = Map.of("tom@globex.example", new ContactCard("Tom Baker", "+1 212 555 0147", "Globex"));
    outreach("p1@northwind.example", "2026-11-30T10:00", "tom@globex.example", "Hi Tom, here is the proposal.");

    runAt("2026-12-03T09:00");

    // 15:00 in Berlin is 09:00 in New York; 13:00 would be 07:00 there.
    assertThat(blocks()).singleElement().satisfies(b -> {
      assertThat(b.time().start()).isEqualTo(at("2026-12-03T15:00"));
      assertThat(b.description()).contains("Their time: Thu 09:00 in New York");
    });
    String draft = mail.drafts.values().iterator().next().getContent().toString();
    assertThat(draft).contains("I will also try to reach you by phone on");
    assertThat(mail.inboxDeliveries.get(0).getContent().toString())
        .contains("booked for Thu 3 Dec 15:00 (Thu 09:00 in New York)");
  }

  @Test
  void aProspectWithNoHoursInCommonIsToldInTheDigestAndNotCalled() throws Exception {
    contacts = Map.of("kylie@wombat.example", new ContactCard("Kylie", "+61 2 9876 5432", "Wombat"));
    outreach("p1@northwind.example", "2026-11-30T10:00", "kylie@wombat.example", "Hi Kylie");

    runAt("2026-12-03T09:00");

    assertThat(blocks()).isEmpty();
    assertThat(mail.inboxDeliveries.get(0).getContent().toString())
        .contains("not booked yet").contains("09:00-18:00 in Sydney");
  }

  /** A calendar server that is down. */
  record Unreachable(CalendarGateway inner) implements CalendarGateway {
    static ServerAccessException down() {
      return new ServerAccessException("caldav 127.0.0.1:1: connection refused", "127.0.0.1", 1, true, null);
    }

    @Override public List<TimeRange> busy(TimeRange range) { throw down(); }
    @Override public boolean createBlock(CallbackBlock block) { throw down(); }
    @Override public void deleteBlock(String blockId) { throw down(); }
    @Override public List<String> blockIds(TimeRange range) { throw down(); }
    @Override public List<CalendarEvent> events(TimeRange range) { throw down(); }
  }
}
