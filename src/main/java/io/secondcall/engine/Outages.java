package io.secondcall.engine;

import io.secondcall.port.StateStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells the user, in the digest, when a server stopped working for secondcall: the calendar as
 * soon as it fails (the mail side still works, so the digest gets through), the mail server once
 * it is back (while it refuses the login, no digest can reach the inbox). Each outage is reported
 * once, however many cycles it lasts.
 */
final class Outages {

  static final String MAIL = "outage.mail";
  static final String CALENDAR = "outage.calendar";

  private Outages() {}

  /** The mail server could not be reached or refused the login; remembered until it works again. */
  static void mailFailed(StateStore store, Instant now, RuntimeException e, boolean refused) {
    if (store.meta(MAIL).isEmpty()) {
      store.setMeta(MAIL, now.toEpochMilli() + " " + (refused ? "refused the login: " : "could not be reached: ")
          + oneLine(e.getMessage()));
    }
  }

  /** Mail works (again): reports an outage that ended, in the digest this cycle sends. */
  static void mailWorks(CycleRun run) {
    Optional<String> outage = run.store.meta(MAIL);
    if (outage.isEmpty()) {
      return;
    }
    String[] parts = outage.get().split(" ", 2);
    Instant since = Instant.ofEpochMilli(Long.parseLong(parts[0]));
    run.transaction(() -> {
      run.digest("mail-outage:" + parts[0], null, "login", "The mail server " + parts[1] + ", from "
          + run.when(since) + " until " + run.when(run.now) + "; nothing was lost, mail of that time is read now");
      run.store.setMeta(MAIL, null);
    });
  }

  /** Calendar work failed: the first failure of an outage goes into the digest. */
  static void calendarFailed(CycleRun run, RuntimeException e) {
    if (run.store.meta(CALENDAR).isPresent()) {
      return;
    }
    run.transaction(() -> {
      run.store.setMeta(CALENDAR, Long.toString(run.now.toEpochMilli()));
      run.digest("calendar-outage:" + run.now.toEpochMilli(), null, "login", "The calendar failed: "
          + oneLine(e.getMessage()) + ". Drafting goes on; callback blocks wait until the calendar works again");
    });
  }

  static void calendarWorks(CycleRun run) {
    if (run.store.meta(CALENDAR).isPresent()) {
      run.store.setMeta(CALENDAR, null);
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }
}
