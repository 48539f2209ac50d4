package io.secondcall.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** Wrong passwords of the last {@link #WINDOW}, for all callers together (one user, one password). */
final class Guesses {

  static final int MAX = 20;
  static final Duration WINDOW = Duration.ofMinutes(10);

  private final Deque<Instant> wrong = new ArrayDeque<>();

  synchronized void wrong(Instant at) {
    wrong.addLast(at);
    forgetBefore(at.minus(WINDOW));
  }

  synchronized boolean tooMany(Instant now) {
    forgetBefore(now.minus(WINDOW));
    return wrong.size() >= MAX;
  }

  private void forgetBefore(Instant limit) {
    while (!wrong.isEmpty() && !wrong.peekFirst().isAfter(limit)) {
      wrong.removeFirst();
    }
  }
}
