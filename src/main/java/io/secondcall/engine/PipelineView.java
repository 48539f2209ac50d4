package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.StateStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every conversation as the pipeline page shows it: what {@link StatusView} says comes next, with
 * the touches so far, the booked call and the prospect's time at it, and why it is paused or ended.
 */
public final class PipelineView {

  /** Which rows a filter of the page shows. */
  public enum Filter {
    ALL, WAITING, DUE_THIS_WEEK, ANSWERED, ENDED
  }

  /**
   * One conversation.
   *
   * @param conversation the conversation itself: contact, subject, status, pause, end
   * @param touches when the user touched the contact, oldest first
   * @param next what {@code secondcall status} shows for it
   * @param theirTime the prospect's local time at the booked call, e.g. "Thu 09:30 in New York", or null
   * @param outOfOffice whether an out-of-office reply paused it (else a pause is the user's snooze)
   */
  public record Row(Conversation conversation, List<Instant> touches, StatusView.Row next, String theirTime,
      boolean outOfOffice) {

    public boolean answered() {
      return conversation.status() == Conversation.Status.REPLIED
          || conversation.status() == Conversation.Status.MEETING_BOOKED;
    }

    /** Still following up, and the next thing falls due before {@code endOfWeek}. */
    public boolean dueBy(Instant endOfWeek) {
      return conversation.isActive() && next.nextAt() != null && next.nextAt().isBefore(endOfWeek);
    }
  }

  private static final Comparator<Row> ORDER = Comparator
      .comparing((Row r) -> !r.conversation().isActive())
      .thenComparing(r -> r.conversation().isActive() ? r.next().nextAt() : null,
          Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(r -> r.conversation().lastTouchAt(), Comparator.reverseOrder());

  private final StateStore store;
  private final EngineSettings settings;
  private final StatusView status;
  private final ProspectHours prospects;
  private final Clock clock;

  public PipelineView(StateStore store, EngineSettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.status = new StatusView(store, settings, clock);
    this.prospects = new ProspectHours(settings);
    this.clock = clock;
  }

  /**
   * The conversations whose contact's name, address or domain contains {@code search}: those
   * still followed up first, soonest next step first, then the ended ones, latest touch first.
   */
  public List<Row> rows(String search) {
    Map<String, StatusView.Row> next = status.rows().stream()
        .collect(Collectors.toMap(StatusView.Row::id, Function.identity(), (a, b) -> a));
    String term = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
    List<Row> rows = new ArrayList<>();
    for (Conversation c : store.conversations()) {
      StatusView.Row n = next.get(c.id());
      if (n != null && matches(c, term)) {
        rows.add(new Row(c, store.touchTimes(c.id()), n, theirTime(c, n.call()), !store.autoReplies(c.id()).isEmpty()));
      }
    }
    rows.sort(ORDER);
    return rows;
  }

  /** Whether the filter lets the row through; "this week" ends on the coming Monday in the user's zone. */
  public boolean shows(Filter filter, Row row) {
    return switch (filter) {
      case ALL -> true;
      case WAITING -> row.conversation().isActive();
      case DUE_THIS_WEEK -> row.dueBy(endOfWeek());
      case ANSWERED -> row.answered();
      case ENDED -> row.conversation().status().isEnded() && !row.answered();
    };
  }

  /** Monday 00:00 after today, in the user's zone. */
  Instant endOfWeek() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), settings.calendar().zone());
    return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(settings.calendar().zone()).toInstant();
  }

  private static boolean matches(Conversation c, String term) {
    return term.isEmpty() || c.contacts().stream().anyMatch(a -> a.address().contains(term)
        || (a.name() != null && a.name().toLowerCase(Locale.ROOT).contains(term)));
  }

  private String theirTime(Conversation c, Instant call) {
    if (call == null) {
      return null;
    }
    String phone = store.callbacks(c.id()).stream()
        .filter(cb -> cb.time().start().equals(call))
        .map(CallbackRecord::phone)
        .filter(p -> p != null)
        .findFirst()
        .orElse(null);
    Optional<String> theirs = prospects.theirTime(prospects.place(c.contact(), phone, call), call);
    return theirs.orElse(null);
  }
}
