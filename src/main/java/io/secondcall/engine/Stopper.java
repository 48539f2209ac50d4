package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.port.StateStore;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

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
    String key = addressOrId.strip().toLowerCase(Locale.ROOT);
    List<Conversation> matching = store.activeConversations().stream()
        .filter(c -> c.id().equals(key) || c.contacts().stream().map(EmailAddress::address).anyMatch(key::equals))
        .toList();
    store.inTransaction(() -> {
      for (Conversation c : matching) {
        Conversation ended = c.ended(Conversation.Status.STOPPED, "stopped by you", now);
        store.save(ended);
      }
    });
    return matching;
  }
}
