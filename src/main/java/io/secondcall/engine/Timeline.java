package io.secondcall.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A cycle's new messages of all folders and its calendar events, applied in order of time (SPEC
 * section 4, "one timeline"), so that the outcome never depends on how often cycles ran: a reply
 * followed by the user's answer reads the same whether both arrived in one cycle or in two.
 */
final class Timeline {

  /** Where an event comes from; at the same instant the user's own message goes first. */
  enum Source { SENT, INBOX, CALENDAR, STOP }

  /**
   * One thing that happened.
   *
   * @param seq the order within its source at the same instant (the UID for mail)
   * @param what names the event in a log line when it has to be skipped
   */
  record Event(Instant at, Source source, long seq, String what, Runnable apply) {}

  private static final Comparator<Event> ORDER = Comparator.comparing(Event::at)
      .thenComparing(Event::source)
      .thenComparingLong(Event::seq);

  private final List<Event> events = new ArrayList<>();

  void add(Event event) {
    events.add(event);
  }

  void addAll(List<Event> more) {
    events.addAll(more);
  }

  /**
   * How many events share one commit. Each commit waits for the disk (synchronous=FULL), so a
   * first scan of a thousand messages would otherwise spend most of its time committing; the
   * bound keeps the write lock short for a {@code stop} run meanwhile.
   */
  static final int BATCH = 200;

  /**
   * Applies every event in order of time, {@link #BATCH} at a time in one transaction; when one
   * of them fails, its batch is applied again each event in a guarded transaction of its own.
   */
  void apply(CycleRun run) {
    List<Event> ordered = new ArrayList<>(events);
    ordered.sort(ORDER);
    for (int from = 0; from < ordered.size(); from += BATCH) {
      run.together(ordered.subList(from, Math.min(ordered.size(), from + BATCH)));
    }
  }
}
