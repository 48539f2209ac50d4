package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.port.StateStore;
import java.util.List;

/**
 * Where to look for the active conversations a message may concern: by contact domain and by
 * Gmail thread. Each question is one indexed read of the store, so that a message costs the same
 * however many conversations there are, and a decision is always made on the current rows
 * (those saved earlier in the cycle included).
 */
final class ActiveIndex {

  private final StateStore store;

  ActiveIndex(StateStore store) {
    this.store = store;
  }

  /** Whether some active conversation has a contact at {@code domain}. */
  boolean knowsDomain(String domain) {
    return !store.activeWithDomain(domain).isEmpty();
  }

  /** The active conversations with a contact at {@code domain}, read now. */
  List<Conversation> withDomain(String domain) {
    return store.activeWithDomain(domain);
  }

  /** The active conversations in this Gmail thread, read now. */
  List<Conversation> inThread(String threadId) {
    return threadId == null ? List.of() : store.activeInThread(threadId);
  }

  /** The active conversations with {@code address} among their contacts, read now. */
  List<Conversation> withContact(EmailAddress address) {
    return withDomain(address.domain()).stream().filter(c -> c.hasContact(address)).toList();
  }
}
