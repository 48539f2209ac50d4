package io.secondcall.engine;

import io.secondcall.core.ContactCard;
import io.secondcall.core.Conversation;
import io.secondcall.core.SlotFinder;
import io.secondcall.phone.Phone;
import io.secondcall.phone.PhoneNumbers;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackBlock;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.CallbackRecord.State;
import io.secondcall.port.StepRecord;
import io.secondcall.core.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Books callback blocks (SPEC section 7): for each step drafted for a contact whose number is
 * known, and for each call the user promised in their own mail, the first free slot in working
 * hours; removes future blocks when the sequence ends first.
 *
 * <p>Crash safety: the slot is recorded as BOOKING before the calendar write, and the write is
 * idempotent by block id, so a retry never books twice.
 */
final class Callbacks {

  private static final PhoneNumbers PHONES = new PhoneNumbers();

  /** How far ahead a slot is searched. */
  static final int SEARCH_BUSINESS_DAYS = 10;
  /** A step drafted longer ago than this gets no block any more (e.g. after a long calendar outage). */
  static final Duration STALE = Duration.ofDays(3);
  /** Longer than any block (even one booked under an older, longer {@code callbacks.duration_minutes}). */
  static final Duration LONGEST_BLOCK = Duration.ofDays(1);

  private final CycleRun run;
  private final CalendarGateway calendar;
  private final BlockWriter writer;
  private final SlotFinder slots;
  private final ProspectHours prospects;
  private List<TimeRange> busy;

  Callbacks(CycleRun run, CalendarGateway calendar, BlockWriter writer) {
    this.run = run;
    this.calendar = calendar;
    this.writer = writer;
    this.slots = new SlotFinder(run.settings.calendar());
    this.prospects = new ProspectHours(run.settings);
  }

  /** Reads the busy time now, so that a calendar that cannot be read fails before drafting starts. */
  void readBusyTime() {
    busy();
  }

  /**
   * The call for a step about to be drafted, so that the draft can name its time: a slot no
   * earlier than the next working half-day (the user sends the draft first), inside the user's
   * hours and the prospect's. Not saved; empty without a known number or a free slot.
   */
  Optional<CallbackRecord> plan(Conversation c, StepRecord step) {
    if (hasPromise(c)) {
      return Optional.empty();
    }
    return phone(c).flatMap(phone -> slot(c, run.settings.calendar().nextHalfDay(step.preparedAt()), phone)
        .map(slot -> new CallbackRecord(blockId(step), c.id(), step.secondcallId(), slot, phone.e164(),
            State.BOOKING, run.now)));
  }

  /** Saves a planned call with its digest line; the block is written by {@link #reconcile()}. */
  void planned(Conversation c, StepRecord step, CallbackRecord cb) {
    run.store.saveCallback(cb);
    busy().add(cb.time());
    digestBooked(c, step, cb);
  }

  /** Finishes bookings a crash interrupted and cancels future blocks of ended sequences. */
  void reconcile() {
    for (CallbackRecord cb : run.store.callbacksIn(State.BOOKING)) {
      Optional<Conversation> c = run.store.conversation(cb.conversationId());
      if (c.isPresent() && c.get().isActive()) {
        write(c.get(), cb);
      } else {
        calendar.deleteBlock(cb.blockId());
        run.transaction(() -> {
          run.store.saveCallback(cb.withState(State.CANCELLED, run.now));
          // Its "booked" line may already be in a digest: say that the call is off again.
          c.ifPresent(x -> run.digest("cancelled:" + cb.blockId(), x, "callback", "Call " + CycleRun.describe(x)
              + " of " + run.when(cb.time().start()) + " removed again: the sequence ended ("
              + x.endReason() + ")"));
        });
      }
    }
    // Only blocks still ahead can be cancelled: the past ones are not read at all.
    List<CallbackRecord> open = new ArrayList<>(run.store.callbacksIn(State.BOOKED, run.now));
    open.addAll(run.store.callbacksIn(State.REQUESTED, run.now));
    for (CallbackRecord cb : open) {
      Optional<Conversation> c = run.store.conversation(cb.conversationId());
      boolean ended = c.map(x -> !x.isActive()).orElse(true);
      if (ended && cb.time().start().isAfter(run.now)) {
        if (cb.state() == State.BOOKED) {
          calendar.deleteBlock(cb.blockId());
        }
        run.store.saveCallback(cb.withState(State.CANCELLED, run.now));
        c.ifPresent(x -> run.record(Action.Kind.CLEANED_UP, x, "removed callback block of "
            + run.when(cb.time().start()), run.now));
      }
    }
  }

  /** Books what is due: promised calls, then steps drafted recently that have no block yet. */
  void bookDue() {
    for (CallbackRecord cb : run.store.callbacksIn(State.REQUESTED)) {
      run.store.conversation(cb.conversationId()).filter(Conversation::isActive)
          .ifPresent(c -> book(c, cb.blockId(), null, cb.time().start(), phone(c).orElse(null)));
    }
    // A step prepared within STALE was changed since then too: older ones are not read at all.
    Instant since = run.now.minus(STALE);
    List<StepRecord> recent = new ArrayList<>(run.store.stepsChangedSince(StepRecord.State.DRAFTED, since));
    recent.addAll(run.store.stepsChangedSince(StepRecord.State.SENT, since));
    for (StepRecord step : recent) {
      String blockId = blockId(step);
      if (step.preparedAt().isBefore(run.now.minus(STALE)) || run.store.callback(blockId).isPresent()) {
        continue;
      }
      Optional<Conversation> c = run.store.conversation(step.conversationId()).filter(Conversation::isActive);
      if (c.isEmpty() || hasPromise(c.get())) {
        continue;
      }
      Optional<Phone> phone = phone(c.get());
      if (phone.isPresent()) {
        // The user must have had the chance to send the draft before the phone rings.
        book(c.get(), blockId, step, run.settings.calendar().nextHalfDay(step.preparedAt()), phone.get());
      }
    }
  }

  static String blockId(StepRecord step) {
    return step.secondcallId() + ".call";
  }

  /** A promised call replaces the cadence's calls while it lies ahead (SPEC section 5). */
  private boolean hasPromise(Conversation c) {
    return run.store.callbacks(c.id()).stream()
        .anyMatch(cb -> cb.stepId() == null && cb.state() != State.CANCELLED && cb.time().start().isAfter(run.now));
  }

  private void book(Conversation c, String blockId, StepRecord step, Instant notBefore, Phone phone) {
    Instant from = notBefore.isBefore(run.now) ? run.now : notBefore;
    Optional<TimeRange> slot = slot(c, from, phone);
    if (slot.isEmpty()) {
      String why = "no free " + run.settings.callbackLength().toMinutes() + "-minute slot for a call in the next "
          + SEARCH_BUSINESS_DAYS + " business days" + prospects.place(c.contact(), phone == null ? null : phone.e164(),
              from).map(p -> " inside your hours and 09:00-18:00 in " + ProspectHours.city(p.shown())).orElse("");
      run.record(Action.Kind.DEFERRED, c, why, from);
      run.transaction(() -> run.digest("no-slot:" + blockId, c, "callback", "Call " + CycleRun.describe(c)
          + " not booked yet: " + why + "; it is tried again each cycle"));
      return;
    }
    CallbackRecord cb = new CallbackRecord(blockId, c.id(), step == null ? null : step.secondcallId(), slot.get(),
        phone == null ? null : phone.e164(), State.BOOKING, run.now);
    run.store.inTransaction(() -> {
      run.store.saveCallback(cb);
      digestBooked(c, step, cb);
    });
    busy.add(slot.get());
    write(c, cb);
  }

  private Optional<TimeRange> slot(Conversation c, Instant from, Phone phone) {
    List<io.secondcall.core.BusinessCalendar> theirs = prospects.calendars(
        prospects.place(c.contact(), phone == null ? null : phone.e164(), from));
    return slots.find(from, run.settings.callbackLength(), busy(), booked(), run.settings.callbacksPerDay(),
        SEARCH_BUSINESS_DAYS, theirs);
  }

  private void digestBooked(Conversation c, StepRecord step, CallbackRecord cb) {
    Optional<String> theirTime = prospects.theirTime(
        prospects.place(c.contact(), cb.phone(), cb.time().start()), cb.time().start());
    run.digest(cb.blockId(), c, "callback", "Call " + CycleRun.describe(c) + " booked for "
        + run.when(cb.time().start()) + theirTime.map(t -> " (" + t + ")").orElse("")
        + (cb.phone() == null ? " (number unknown)" : " at " + readable(cb.phone()))
        + ", " + (step == null ? (c.startedWithMeeting() ? "after the meeting" : "the call you promised")
            : Drafts.stepName(step)));
  }

  private void write(Conversation c, CallbackRecord cb) {
    CallbackBlock block = writer.block(c, cb, run.store.step(cb.stepId() == null ? "" : cb.stepId()));
    calendar.createBlock(block);
    run.store.saveCallback(cb.withState(State.BOOKED, run.now));
    run.record(Action.Kind.BOOKED, c, "call " + run.when(cb.time().start())
        + (cb.phone() == null ? ", number unknown" : ", " + readable(cb.phone())), cb.time().start());
  }

  private String readable(String e164) {
    return PHONES.parse(e164, run.settings.phoneRegion()).map(Phone::international).orElse(e164);
  }

  private List<TimeRange> busy() {
    if (busy == null) {
      Instant until = run.now.plus(Duration.ofDays(SEARCH_BUSINESS_DAYS * 2L + 14));
      busy = new ArrayList<>(calendar.busy(new TimeRange(run.now, until)));
    }
    return busy;
  }

  private List<TimeRange> booked() {
    List<TimeRange> ours = new ArrayList<>();
    // Slots are searched from now on, and the daily limit counts today's blocks: earlier days'
    // blocks cannot matter and are not read.
    Instant from = run.settings.calendar().localDate(run.now).atStartOfDay(run.zone()).toInstant()
        .minus(LONGEST_BLOCK);
    for (State s : List.of(State.BOOKING, State.BOOKED)) {
      run.store.callbacksIn(s, from).forEach(cb -> ours.add(cb.time()));
    }
    return ours;
  }

  /** The contact's number: from {@code contacts} in the config, else learned from their mail. */
  Optional<Phone> phone(Conversation c) {
    String region = PHONES.regionFor(c.contact().domain(), run.settings.phoneRegion());
    ContactCard card = run.settings.card(c.contact());
    if (card.phone() != null) {
      Optional<Phone> configured = PHONES.parse(card.phone(), region);
      if (configured.isPresent()) {
        return configured;
      }
    }
    return run.store.phone(c.contact().address()).flatMap(e164 -> PHONES.parse(e164, region));
  }
}
