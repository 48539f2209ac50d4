package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.calendar.InMemoryCalendarGateway;
import io.secondcall.calendar.ics.IcsCalendarGateway;
import io.secondcall.core.Backoff;
import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.ContactCard;
import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Identity;
import io.secondcall.core.MailMessage;
import io.secondcall.core.WorkingHours;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.CallbackRecord.State;
import io.secondcall.port.MailFolder;
import io.secondcall.core.TimeRange;
import io.secondcall.store.InMemoryStateStore;
import io.secondcall.template.DigestComposer;
import io.secondcall.template.DraftComposer;
import io.secondcall.template.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC sections 7 and 10 for callback blocks: a crash just before or just after the calendar
 * write leaves the callback recorded as BOOKING; the next cycle leaves exactly one block and the
 * record BOOKED, or, when the conversation ended meanwhile, no block and the record CANCELLED.
 * Run on the in-memory calendar and on a real calendar file.
 */
class CallbackCrashTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final String DANA = "dana@northwind.example";
  static final String ALICE = "alice@acme.de";
  static final TimeRange WINTER = new TimeRange(at("2026-11-01T00:00"), at("2027-02-01T00:00"));

  /** The calendars the crash is tried on. */
  enum Calendars {
    IN_MEMORY((dir, clock) -> new InMemoryCalendarGateway()),
    ICS_FILE((dir, clock) -> new IcsCalendarGateway(emptyCalendarFile(dir), ZONE, clock));

    final BiFunction<Path, MutableClock, CalendarGateway> open;

    Calendars(BiFunction<Path, MutableClock, CalendarGateway> open) {
      this.open = open;
    }
  }

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(at("2026-11-30T08:00"));
  final FakeMailbox mail = new FakeMailbox();
  final InMemoryStateStore store = new InMemoryStateStore();
  final CalendarGuard guard = new CalendarGuard(new Backoff(() -> 0));
  CrashingCalendar calendar;

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant();
  }

  static Path emptyCalendarFile(Path dir) {
    try {
      return Files.writeString(dir.resolve("calendar.ics"),
          "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void runAt(String local) {
    clock.set(at(local));
    Identity me = new Identity("Dana Weber", Set.of(DANA), Set.of("northwind.example"), Set.of(), Set.of());
    EngineSettings s = new EngineSettings(me, new EmailAddress(DANA, "Dana Weber"), FollowUpRules.defaults(),
        new BusinessCalendar(ZONE, WorkingHours.DEFAULT, d -> false), "Dana",
        Map.of(ALICE, new ContactCard("Alice Martin", "089 1234567", "Acme")), 3, Duration.ofMinutes(15), "DE");
    Templates templates = Templates.load(null, ZONE, clock, Locale.ENGLISH);
    new Cycle(s, mail, mail, store, new FollowUpWriter(s, templates, new DraftComposer()), new DigestComposer(),
        clock, new Cycle.CalendarSide(calendar, new BlockWriter(s, templates), guard)).run();
  }

  /** Outreach to Alice, whose number is known; the cycle that drafts follow-up 1 crashes at its block. */
  void crashAtTheBlock(Calendars which, boolean afterWrite) {
    calendar = new CrashingCalendar(which.open.apply(dir, clock));
    mail.add(MailFolder.SENT, MailMessage.builder("p1@northwind.example", at("2026-11-30T10:00")).from(DANA)
        .to(ALICE).subject("Proposal"), "Hi Alice, here is the proposal.");
    calendar.crashBeforeNextBlock = !afterWrite;
    calendar.crashAfterNextBlock = afterWrite;
    assertThatThrownBy(() -> runAt("2026-12-03T09:30")).isInstanceOf(SimulatedCrash.class);

    assertThat(store.callbacksIn(State.BOOKING)).as("premise: the slot is recorded before the write").hasSize(1);
    assertThat(blocks()).as("premise: the write did or did not land").hasSize(afterWrite ? 1 : 0);
  }

  void aliceAnswers() {
    mail.add(MailFolder.INBOX, MailMessage.builder("r1@acme.de", at("2026-12-03T09:40")).from(ALICE).to(DANA)
        .subject("Re: Proposal").inReplyTo("p1@northwind.example").references("p1@northwind.example"),
        "Thanks, let's talk next week.");
  }

  List<String> blocks() {
    return calendar.blockIds(WINTER);
  }

  CallbackRecord only() {
    List<CallbackRecord> all = store.callbacks(store.conversations().get(0).id());
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @ParameterizedTest
  @EnumSource(Calendars.class)
  void aCrashJustBeforeTheWriteIsBookedOnceByTheNextCycle(Calendars which) {
    crashAtTheBlock(which, false);

    runAt("2026-12-03T09:35");
    runAt("2026-12-03T09:45");

    assertThat(blocks()).containsExactly(only().blockId());
    assertThat(only().state()).isEqualTo(State.BOOKED);
    assertThat(calendar.blocksCreated).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Calendars.class)
  void aCrashJustAfterTheWriteLeavesTheOneBlockAndRecordsItBooked(Calendars which) {
    crashAtTheBlock(which, true);

    runAt("2026-12-03T09:35");
    runAt("2026-12-03T09:45");

    assertThat(blocks()).containsExactly(only().blockId());
    assertThat(only().state()).isEqualTo(State.BOOKED);
    assertThat(calendar.blocksCreated).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Calendars.class)
  void aCrashJustBeforeTheWriteThenAnAnswerLeavesNoBlock(Calendars which) {
    crashAtTheBlock(which, false);
    aliceAnswers();

    runAt("2026-12-03T10:00");
    runAt("2026-12-03T10:10");

    assertThat(store.conversations().get(0).status()).isEqualTo(Conversation.Status.REPLIED);
    assertThat(blocks()).isEmpty();
    assertThat(only().state()).isEqualTo(State.CANCELLED);
    assertThat(calendar.blocksCreated).isZero();
    mail.inboxDeliveries.forEach(m -> { try { System.out.println("DIGEST>>> " + m.getContent()); } catch (Exception e) { throw new RuntimeException(e); } });
  }

  @ParameterizedTest
  @EnumSource(Calendars.class)
  void aCrashJustAfterTheWriteThenAnAnswerRemovesTheBlock(Calendars which) {
    crashAtTheBlock(which, true);
    aliceAnswers();

    runAt("2026-12-03T10:00");
    runAt("2026-12-03T10:10");

    assertThat(store.conversations().get(0).status()).isEqualTo(Conversation.Status.REPLIED);
    assertThat(blocks()).isEmpty();
    assertThat(only().state()).isEqualTo(State.CANCELLED);
  }
}
