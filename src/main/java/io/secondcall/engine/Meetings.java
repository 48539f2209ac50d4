package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.RecapNotes;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.Ids;
import io.secondcall.phone.PhoneNumbers;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackRecord;
import io.secondcall.core.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the calendar as an input (SPEC sections 4 and 5): a meeting booked with a contact ends
 * their sequence like a reply; a meeting held with a contact, with nothing booked after it and no
 * mail since, starts the "second call": a recap draft the next business morning and a callback
 * {@code followup.after_meeting_days} business days after it.
 */
final class Meetings {

  /** How far ahead booked meetings are looked for. */
  static final Duration AHEAD = Duration.ofDays(90);
  /** How far back held meetings are looked for at least, whatever {@code followup.lookback_days} says. */
  static final int BEHIND_DAYS = 14;

  private static final PhoneNumbers PHONES = new PhoneNumbers();

  /** A calendar event that counts as a meeting, with its external attendees. */
  record Meeting(CalendarEvent event, List<EmailAddress> contacts) {

    String root() {
      return Conversation.MEETING_ROOT + event.uid() + "/" + event.time().start();
    }

    boolean with(Conversation c) {
      return contacts.stream().anyMatch(c::hasContact);
    }

    Optional<CalendarEvent.Attendee.Status> answerOf(Conversation c) {
      return event.attendees().stream().filter(a -> c.hasContact(a.address())).map(CalendarEvent.Attendee::status)
          .findFirst();
    }
  }

  private final CycleRun run;
  private final CalendarGateway calendar;
  private final Set<String> contactDomains = new HashSet<>();
  private final Instant notBefore;

  /**
   * @param notBefore nothing before this is read (the look-back before the first scan); the
   *     window also starts no earlier than {@link #behindDays} before now, so that it does not
   *     grow with every day since installation
   */
  Meetings(CycleRun run, CalendarGateway calendar, Instant notBefore) {
    this.run = run;
    this.calendar = calendar;
    Instant recent = run.now.minus(Duration.ofDays(behindDays(run.settings)));
    this.notBefore = notBefore.isAfter(recent) ? notBefore : recent;
  }

  /** How many days back held meetings are read: the look-back, at least {@link #BEHIND_DAYS}. */
  static int behindDays(EngineSettings settings) {
    return Math.max(settings.rules().lookbackDays(), BEHIND_DAYS);
  }

  /**
   * The calendar's meetings as events of the cycle's timeline: a meeting booked by the contact at
   * the time it was created, a meeting held at its end, and, last, a look at the meetings whose
   * booking time the calendar does not tell (an accepted invitation).
   */
  List<Timeline.Event> events() {
    List<Meeting> meetings = meetings(calendar.events(new TimeRange(notBefore, run.now.plus(AHEAD))));
    meetings.forEach(m -> m.contacts().forEach(a -> contactDomains.add(a.domain())));
    List<Timeline.Event> events = new ArrayList<>();
    long seq = 0;
    for (Meeting m : meetings) {
      Instant created = m.event().created();
      if (created != null && !created.isAfter(run.now)) {
        events.add(new Timeline.Event(created, Timeline.Source.CALENDAR, seq++, "meeting " + m.event().uid(),
            () -> endAnswered(List.of(m))));
      }
      Instant end = m.event().time().end();
      if (!end.isAfter(run.now)) {
        events.add(new Timeline.Event(end, Timeline.Source.CALENDAR, seq++, "meeting " + m.event().uid(),
            () -> afterMeeting(m, meetings)));
      }
    }
    events.add(new Timeline.Event(run.now, Timeline.Source.CALENDAR, seq, "meetings", () -> endAnswered(meetings)));
    return events;
  }

  /** The domains of the meetings' contacts, after {@link #events()}: their mail may concern a meeting. */
  Set<String> contactDomains() {
    return contactDomains;
  }

  /**
   * Meetings: timed events (not all-day, not cancelled, not our callback blocks) with at least
   * one external attendee, which the user did not decline.
   */
  List<Meeting> meetings(List<CalendarEvent> events) {
    List<Meeting> out = new ArrayList<>();
    for (CalendarEvent e : events) {
      if (e.secondcallId() != null || e.allDay() || e.cancelled() || declinedByMe(e)) {
        continue;
      }
      List<EmailAddress> contacts = new ArrayList<>();
      for (CalendarEvent.Attendee a : e.attendees()) {
        if (run.settings.identity().isExternal(a.address()) && !contacts.contains(a.address())) {
          contacts.add(a.address());
        }
      }
      if (e.organizer() != null && run.settings.identity().isExternal(e.organizer())
          && contacts.stream().noneMatch(x -> x.address().equals(e.organizer().address()))) {
        contacts.add(e.organizer());
      }
      if (!contacts.isEmpty() && contacts.size() <= run.settings.rules().maxRecipients()) {
        out.add(new Meeting(e, contacts));
      }
    }
    out.sort(Comparator.comparing(m -> m.event().time().start()));
    return out;
  }

  private boolean declinedByMe(CalendarEvent e) {
    return e.attendees().stream().anyMatch(a -> run.settings.identity().isMe(a.address())
        && a.status() == CalendarEvent.Attendee.Status.DECLINED);
  }

  /** A meeting the contact booked or accepted after the outreach is an answer: the sequence ends. */
  private void endAnswered(List<Meeting> meetings) {
    Map<String, Conversation> concerned = new LinkedHashMap<>();
    for (Meeting m : meetings) {
      m.contacts().forEach(a -> run.active().withContact(a).forEach(c -> concerned.putIfAbsent(c.id(), c)));
    }
    for (Conversation c : concerned.values()) {
      for (Meeting m : meetings) {
        if (m.with(c) && answers(m, c)) {
          end(c, "meeting booked: \"" + m.event().title() + "\" on " + run.when(m.event().time().start()));
          break;
        }
      }
    }
  }

  private boolean answers(Meeting m, Conversation c) {
    if (m.root().equals(c.rootMessageId())) {
      return false;
    }
    Instant start = m.event().time().start();
    if (c.startedWithMeeting()) {
      return !start.isBefore(c.lastTouchAt());
    }
    boolean createdAfter = m.event().created() != null && m.event().created().isAfter(c.startedAt());
    boolean accepted = m.answerOf(c).orElse(null) == CalendarEvent.Attendee.Status.ACCEPTED
        && start.isAfter(c.startedAt());
    return createdAfter || accepted;
  }

  private Conversation end(Conversation c, String reason) {
    Conversation ended = run.store.save(c.ended(Conversation.Status.MEETING_BOOKED, reason, run.now));
    run.record(Action.Kind.REPLIED, ended, reason, run.now);
    run.digest("meeting:" + c.id(), ended, "ended", CycleRun.describe(ended) + ": " + reason + ", sequence ended");
    return ended;
  }

  /**
   * A held meeting with nothing booked after it and no mail from its contacts since starts the
   * second call, threaded into the mail conversation with the same contact where there is one.
   */
  private void afterMeeting(Meeting m, List<Meeting> all) {
    String id = Ids.conversationId(m.root());
    CalendarEvent e = m.event();
    if (run.store.conversation(id).isPresent() || bookedAfter(m, all) || mailSince(m)) {
      return;
    }
    // The conversations with the meeting's people, found by address rather than by reading them all.
    Map<String, Conversation> with = new LinkedHashMap<>();
    m.contacts().forEach(a -> run.store.conversationsWith(a).forEach(c -> with.putIfAbsent(c.id(), c)));
    Optional<Conversation> thread = with.values().stream()
        .sorted(Comparator.comparing(Conversation::startedAt))
        .filter(c -> c.startedAt().isBefore(e.time().end()))
        .max(Comparator.comparing(Conversation::lastTouchAt));
    thread.filter(Conversation::isActive)
        .ifPresent(c -> end(c, "met in \"" + e.title() + "\" on " + run.when(e.time().start())));
    Conversation c = new Conversation(id, m.contacts(), e.title().isBlank() ? "our meeting" : e.title(), m.root(),
        thread.map(Conversation::threadId).orElse(null), e.time().start(), e.time().end(),
        thread.map(Conversation::lastMessageId).orElse(m.root()),
        thread.map(Conversation::lastReferences).orElse(List.of()), RecapNotes.kept(e.description()),
        thread.map(t -> t.touches() + 1).orElse(1), 0, 1, null, Conversation.Status.ACTIVE, null, null,
        thread.map(Conversation::me).orElse(null), 0);
    c = run.store.save(c);
    Instant call = run.settings.calendar().dueAfter(e.time().end(), run.settings.rules().afterMeetingDays());
    run.store.saveCallback(new CallbackRecord(callId(c), id, null,
        new TimeRange(call, call.plus(run.settings.callbackLength())), null, CallbackRecord.State.REQUESTED, run.now));
    learnPhone(m);
    run.record(Action.Kind.TRACKED, c, "met on " + run.when(e.time().start()) + ": recap draft next business morning,"
        + " call from " + run.when(call), e.time().end());
  }

  /**
   * Whether a later meeting with the same people was already booked when {@code m} ended. One
   * booked afterwards is a meeting booked with the after-meeting conversation, and ends it at
   * its own time in the timeline; one whose booking time is unknown counts as booked before.
   */
  /** The block of the second call after the meeting a conversation began with. */
  static String callId(Conversation c) {
    return c.id() + ".meeting";
  }

  private static boolean bookedAfter(Meeting m, List<Meeting> all) {
    Instant ended = m.event().time().end();
    return all.stream().anyMatch(other -> other != m
        && other.event().time().start().isAfter(m.event().time().start())
        && (other.event().created() == null || !other.event().created().isAfter(ended))
        && other.contacts().stream().anyMatch(x -> m.contacts().stream().anyMatch(y -> y.address().equals(x.address()))));
  }

  /** Mail from the contact, or from the user to the contact, since the meeting ended. */
  private boolean mailSince(Meeting m) {
    return m.contacts().stream().anyMatch(a -> Stream.of(InboundMail.SEEN, SentMail.WROTE)
        .anyMatch(prefix -> run.store.meta(prefix + a.address())
            .map(Long::parseLong).map(Instant::ofEpochMilli)
            .filter(seen -> seen.isAfter(m.event().time().end()))
            .isPresent()));
  }

  /** A number in the meeting's description (a dial-in line aside) is the contact's when they are the only one. */
  private void learnPhone(Meeting m) {
    if (m.contacts().size() != 1 || m.event().description().isBlank()) {
      return;
    }
    EmailAddress contact = m.contacts().get(0);
    String region = PHONES.regionFor(contact.domain(), run.settings.phoneRegion());
    for (String line : m.event().description().lines().toList()) {
      if (line.chars().filter(Character::isDigit).count() >= 6) {
        PHONES.parse(line.replaceAll("^[^+0-9(]*", ""), region)
            .ifPresent(p -> run.store.savePhone(contact.address(), p.e164()));
      }
    }
  }
}
