package io.secondcall.report;

import io.secondcall.core.Conversation;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Computes the persistence report from the user's history: pure, the time from the clock.
 *
 * <p>A touch counts in a rate once it is settled: another touch followed it, the conversation
 * ended, or {@link #SETTLE} has passed since. Otherwise outreach sent this morning would count as
 * unanswered and pull every rate down.
 */
public final class Persistence {

  /** How long a touch may wait for its answer before it counts as unanswered. */
  public static final Duration SETTLE = Duration.ofDays(14);

  private final ZoneId zone;
  private final Clock clock;

  public Persistence(ZoneId zone, Clock clock) {
    this.zone = zone;
    this.clock = clock;
  }

  public Figures figures(List<History> history) {
    List<History> counted = history.stream()
        .filter(h -> h.conversation().status() != Conversation.Status.IGNORED)
        .toList();
    int maxTouch = counted.stream().mapToInt(h -> h.touches().size()).max().orElse(0);
    int[][] touch = new int[2][maxTouch];
    int[][] weekday = new int[2][7];
    int[][] hour = new int[2][24];
    List<Duration> waits = new ArrayList<>();
    Instant now = clock.instant();
    for (History h : counted) {
      int answeredTouch = h.answered() ? h.answeredTouch() : 0;
      for (int i = 0; i < h.touches().size(); i++) {
        Instant at = h.touches().get(i);
        boolean isAnswered = i + 1 == answeredTouch;
        if (!isAnswered && !settled(h, i, now)) {
          continue;
        }
        ZonedDateTime local = at.atZone(zone);
        count(touch, i, isAnswered);
        count(weekday, local.getDayOfWeek().getValue() - 1, isAnswered);
        count(hour, local.getHour(), isAnswered);
      }
      if (answeredTouch > 0 && h.conversation().endedAt() != null) {
        waits.add(Duration.between(h.touches().get(answeredTouch - 1), h.conversation().endedAt()));
      }
    }
    int answered = (int) counted.stream().filter(History::answered).count();
    return new Figures(counted.size(), answered, buckets(touch, i -> Integer.toString(i + 1)),
        buckets(weekday, i -> DayOfWeek.of(i + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH)),
        buckets(hour, i -> String.format(Locale.ROOT, "%02d", i)), median(waits),
        share(counted, h -> !h.autoReplies().isEmpty()),
        share(counted, h -> h.conversation().status() == Conversation.Status.BOUNCED),
        share(counted, Persistence::meeting),
        share(counted.stream().filter(Persistence::meeting).toList(), h -> h.answeredTouch() >= 2));
  }

  private boolean settled(History h, int index, Instant now) {
    return index + 1 < h.touches().size()
        || h.conversation().status().isEnded()
        || !h.touches().get(index).plus(SETTLE).isAfter(now);
  }

  private static boolean meeting(History h) {
    return h.conversation().status() == Conversation.Status.MEETING_BOOKED;
  }

  private static void count(int[][] table, int index, boolean answered) {
    table[0][index]++;
    if (answered) {
      table[1][index]++;
    }
  }

  private static List<Bucket> buckets(int[][] table, java.util.function.IntFunction<String> label) {
    List<Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < table[0].length; i++) {
      buckets.add(new Bucket(label.apply(i), table[0][i], table[1][i]));
    }
    return buckets;
  }

  private static Share share(List<History> whole, java.util.function.Predicate<History> part) {
    return new Share((int) whole.stream().filter(part).count(), whole.size());
  }

  /** The middle wait, or the mean of the two middle ones; null for none. */
  static Duration median(List<Duration> waits) {
    if (waits.isEmpty()) {
      return null;
    }
    List<Duration> sorted = waits.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
  }
}
