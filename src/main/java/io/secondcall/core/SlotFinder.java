package io.secondcall.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds free time for a callback block (SPEC sections 5 and 7): inside working hours of a
 * business day, clear of busy time and of our other blocks, at most so many blocks a day, and
 * next to a block already booked that day where possible, so that the user phones in one go.
 * All day boundaries are local, so DST changes and odd offsets never push a block out of hours.
 */
public final class SlotFinder {

  /** Candidate starts lie on this local grid, so blocks start at 10:05, not at 10:03:17. */
  private static final int GRID_MINUTES = 5;

  private final BusinessCalendar calendar;

  public SlotFinder(BusinessCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /**
   * The first free slot of {@code length} starting on or after {@code notBefore}.
   *
   * <p>On a day that already holds some of our blocks, the slot right after the last of them and
   * then the one right before the first are tried before the day is scanned from its start.
   * Starts lie on a 5-minute local grid, except right at the end of a busy range or block.
   *
   * @param busy busy time in the calendar (may include our blocks again)
   * @param alreadyBooked our callback blocks; they count against {@code perDay} on their local day
   * @param perDay most of our blocks on one local day
   * @param searchBusinessDays how many business days to look at, the day of {@code notBefore} first
   * @return empty when nothing fits within that many business days
   */
  public Optional<TimeRange> find(Instant notBefore, Duration length, List<TimeRange> busy,
      List<TimeRange> alreadyBooked, int perDay, int searchBusinessDays) {
    return find(notBefore, length, busy, alreadyBooked, perDay, searchBusinessDays, List.of());
  }

  /**
   * As {@link #find(Instant, Duration, List, List, int, int)}, and inside the prospect's own
   * business hours too: on a business day of theirs, within their hours in their zone (SPEC
   * section 5), so that nobody is phoned at 06:00 in New York.
   *
   * @param prospect the prospect's business days and hours, one calendar for each zone they may be
   *     in (a slot must suit every one); empty when unknown
   */
  public Optional<TimeRange> find(Instant notBefore, Duration length, List<TimeRange> busy,
      List<TimeRange> alreadyBooked, int perDay, int searchBusinessDays, List<BusinessCalendar> prospect) {
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(length, "length");
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("a block needs a positive length: " + length);
    }
    if (perDay < 1 || searchBusinessDays < 1) {
      throw new IllegalArgumentException("perDay and searchBusinessDays must be at least 1");
    }
    List<TimeRange> obstacles = new ArrayList<>(busy);
    obstacles.addAll(alreadyBooked);
    LocalDate day = calendar.localDate(notBefore);
    // Weekends and holidays do not count; the bound only stops a holiday source that says "always".
    int calendarDays = searchBusinessDays * 7 + 60;
    for (int examined = 0, seen = 0; seen < searchBusinessDays && examined < calendarDays; examined++, day = day.plusDays(1)) {
      if (!calendar.isBusinessDay(day)) {
        continue;
      }
      seen++;
      for (TimeRange window : windows(day, notBefore, prospect)) {
        Optional<TimeRange> slot = inWindow(window, length, obstacles, ours(day, alreadyBooked), perDay);
        if (slot.isPresent()) {
          return slot;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The user's working hours on {@code day} from {@code notBefore} on, cut to the business hours
   * the prospect has in each of their zones: none, one or (across a date line) two windows,
   * earliest first.
   */
  private List<TimeRange> windows(LocalDate day, Instant notBefore, List<BusinessCalendar> prospect) {
    Instant open = max(calendar.startOfWork(day), notBefore);
    Instant close = calendar.endOfWork(day);
    List<TimeRange> windows = open.isBefore(close) ? List.of(new TimeRange(open, close)) : List.of();
    for (BusinessCalendar theirs : prospect) {
      List<TimeRange> cut = new ArrayList<>();
      for (TimeRange w : windows) {
        cut.addAll(within(w, theirs));
      }
      windows = cut;
    }
    return windows;
  }

  /** The parts of {@code window} in business hours of {@code theirs}. */
  private static List<TimeRange> within(TimeRange window, BusinessCalendar theirs) {
    List<TimeRange> parts = new ArrayList<>();
    for (LocalDate d = theirs.localDate(window.start()).minusDays(1); !d.isAfter(theirs.localDate(window.end()));
        d = d.plusDays(1)) {
      if (!theirs.isBusinessDay(d)) {
        continue;
      }
      Instant from = max(window.start(), theirs.startOfWork(d));
      Instant to = min(window.end(), theirs.endOfWork(d));
      if (from.isBefore(to)) {
        parts.add(new TimeRange(from, to));
      }
    }
    return parts;
  }

  private Optional<TimeRange> inWindow(TimeRange window, Duration length, List<TimeRange> obstacles,
      List<TimeRange> ours, int perDay) {
    if (ours.size() >= perDay) {
      return Optional.empty();
    }
    Instant open = window.start();
    Instant close = window.end();
    if (!ours.isEmpty()) {
      Instant afterLast = ours.stream().map(TimeRange::end).max(Comparator.naturalOrder()).orElseThrow();
      Instant beforeFirst = ours.get(0).start().minus(length);
      for (Instant start : List.of(afterLast, beforeFirst)) {
        TimeRange candidate = new TimeRange(start, start.plus(length));
        if (!start.isBefore(open) && !candidate.end().isAfter(close) && blockedUntil(candidate, obstacles) == null) {
          return Optional.of(candidate);
        }
      }
    }
    Instant start = ceilToGrid(open);
    while (!start.plus(length).isAfter(close)) {
      TimeRange candidate = new TimeRange(start, start.plus(length));
      Instant blockedUntil = blockedUntil(candidate, obstacles);
      if (blockedUntil == null) {
        return Optional.of(candidate);
      }
      // Every start before the end of what is in the way overlaps it too; the end itself may be off-grid.
      start = blockedUntil;
    }
    return Optional.empty();
  }

  /** Our blocks that start on {@code day} (local), earliest first. */
  private List<TimeRange> ours(LocalDate day, List<TimeRange> alreadyBooked) {
    return alreadyBooked.stream()
        .filter(b -> calendar.localDate(b.start()).equals(day))
        .sorted(Comparator.comparing(TimeRange::start))
        .toList();
  }

  /** The latest end among the ranges that overlap {@code candidate}, or null when none does. */
  private static Instant blockedUntil(TimeRange candidate, List<TimeRange> obstacles) {
    Instant until = null;
    for (TimeRange o : obstacles) {
      if (candidate.overlaps(o) && (until == null || o.end().isAfter(until))) {
        until = o.end();
      }
    }
    return until;
  }

  private Instant ceilToGrid(Instant instant) {
    ZonedDateTime local = instant.atZone(calendar.zone());
    ZonedDateTime minute = local.truncatedTo(ChronoUnit.MINUTES);
    int past = minute.getMinute() % GRID_MINUTES;
    if (past == 0 && minute.equals(local)) {
      return instant;
    }
    return minute.plusMinutes(GRID_MINUTES - past).toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
