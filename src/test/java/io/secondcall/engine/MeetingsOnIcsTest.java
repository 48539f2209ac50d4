package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.calendar.ics.IcsCalendarGateway;
import io.secondcall.core.Backoff;
import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Identity;
import io.secondcall.core.WorkingHours;
import io.secondcall.store.InMemoryStateStore;
import io.secondcall.template.DigestComposer;
import io.secondcall.template.DraftComposer;
import io.secondcall.template.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meetings read from a real calendar file: recurrences, time zones and all-day events as a calendar app writes them. */
class MeetingsOnIcsTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final String DANA = "dana@northwind.example";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.EPOCH);
  final FakeMailbox mail = new FakeMailbox();
  final InMemoryStateStore store = new InMemoryStateStore();

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant();
  }

  void runAt(String local, Path ics) {
    clock.set(at(local));
    Identity me = new Identity("Dana Weber", Set.of(DANA), Set.of("northwind.example"), Set.of(), Set.of());
    EngineSettings s = new EngineSettings(me, new EmailAddress(DANA, "Dana Weber"), FollowUpRules.defaults(),
        new BusinessCalendar(ZONE, WorkingHours.DEFAULT, d -> false), "Dana", Map.of(), 3, Duration.ofMinutes(15), "DE");
    Templates templates = Templates.load(null, ZONE, clock, Locale.ENGLISH);
    new Cycle(s, mail, mail, store, new FollowUpWriter(s, templates, new DraftComposer()), new DigestComposer(), clock,
        new Cycle.CalendarSide(new IcsCalendarGateway(ics, ZONE, clock), new BlockWriter(s, templates),
            new CalendarGuard(new Backoff(() -> 0)))).run();
  }

  Path calendar(String... events) throws Exception {
    Path file = dir.resolve("cal.ics");
    Files.writeString(file, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + String.join("", events)
        + "END:VCALENDAR\r\n");
    return file;
  }

  static String event(String uid, String rrule, String start, String end, String attendee) {
    return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\n"
        + "DTSTART;TZID=Europe/Berlin:" + start + "\r\nDTEND;TZID=Europe/Berlin:" + end + "\r\n"
        + (rrule == null ? "" : "RRULE:" + rrule + "\r\n")
        + "SUMMARY:Weekly sync\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:" + DANA + "\r\n"
        + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:" + attendee + "\r\nEND:VEVENT\r\n";
  }

  @Test
  void aRecurringSeriesWithInstancesAheadProducesNoRecap() throws Exception {
    Path ics = calendar(event("weekly", "FREQ=WEEKLY;COUNT=6", "20261126T100000", "20261126T103000",
        "alice@acme.de"));
    runAt("2026-12-04T09:30", ics);
    assertThat(store.conversations()).isEmpty();
  }

  @Test
  void afterTheLastInstanceOfASeriesTheRecapFollows() throws Exception {
    Path ics = calendar(event("weekly", "FREQ=WEEKLY;COUNT=2", "20261126T100000", "20261126T103000",
        "alice@acme.de"));

    runAt("2026-12-04T09:30", ics);

    assertThat(store.conversations()).singleElement().satisfies(c -> {
      assertThat(c.startedWithMeeting()).isTrue();
      assertThat(c.startedAt()).isEqualTo(at("2026-12-03T10:00"));
      assertThat(c.status()).isEqualTo(Conversation.Status.ACTIVE);
    });
    assertThat(mail.drafts).hasSize(1);
  }

  @Test
  void allDayEventsWithAContactAreNotMeetings() throws Exception {
    Path ics = calendar("BEGIN:VEVENT\r\nUID:fair\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261202\r\n"
        + "DTEND;VALUE=DATE:20261203\r\nSUMMARY:Trade fair\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:alice@acme.de\r\n"
        + "END:VEVENT\r\n");
    runAt("2026-12-04T09:30", ics);
    assertThat(store.conversations()).isEmpty();
  }
}
