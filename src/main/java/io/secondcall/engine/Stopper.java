package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.port.StateStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * {@code secondcall stop ADDRESS|ID}: ends the matching active sequences in the state store. Their
 * unsent drafts are removed by the next cycle's clean-up, so stopping works while the mail server
 * is unreachable too.
 */
public final class Stopper {

  private final StateStore store;

  public Stopper(StateStore store) {
    this.store = store;
  }

  /** The conversations that were stopped; empty when nothing active matched. */
  public List<Conversation> stop(String addressOrId, Instant now) {
    return change(addressOrId, Conversation::isActive, c -> c.ended(Conversation.Status.STOPPED, "stopped by you", now));
  }

  /** Undoes a stop: the conversations go on from where they were; empty when nothing stopped matched. */
  public List<Conversation> resume(String addressOrId) {
    return change(addressOrId, c -> c.status() == Conversation.Status.STOPPED, Conversation::resumed);
  }

  /**
   * Snoozes the matching active conversations: no step falls due before {@code until} (the first
   * business day from then on), as after an out-of-office reply; empty when nothing active matched.
   */
  public List<Conversation> snooze(String addressOrId, LocalDate until) {
    return change(addressOrId, Conversation::isActive, c -> c.pausedUntil(until.minusDays(1)));
  }

  /**
   * Reads and writes in one transaction, so that a cycle running meanwhile can neither undo the
   * change nor be undone by it: whoever writes second reads the other's row first.
   */
  private List<Conversation> change(String addressOrId, Predicate<Conversation> applies,
      UnaryOperator<Conversation> how) {
    String key = addressOrId.strip().toLowerCase(Locale.ROOT);
    List<Conversation> changed = new ArrayList<>();
    store.inTransaction(() -> {
      changed.clear();
      for (Conversation c : store.conversations()) {
        boolean matches = c.id().equals(key) || c.contacts().stream().map(EmailAddress::address).anyMatch(key::equals);
        if (matches && applies.test(c)) {
          changed.add(store.save(how.apply(c)));
        }
      }
    });
    return changed;
  }
}
