package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.port.StateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where to look for the active conversations a message may concern: by contact domain and by
 * Gmail thread. Holds ids only; the conversations themselves are read from the store when used,
 * so that a decision is always made on the current row.
 */
final class ActiveIndex {

  private final StateStore store;
  private final Map<String, Set<String>> byDomain = new HashMap<>();
  private final Map<String, Set<String>> byThread = new HashMap<>();

  ActiveIndex(StateStore store) {
    this.store = store;
    store.activeConversations().forEach(this::add);
  }

  /** A conversation that became active in this cycle. */
  void add(Conversation c) {
    for (EmailAddress contact : c.contacts()) {
      byDomain.computeIfAbsent(contact.domain(), k -> new LinkedHashSet<>()).add(c.id());
    }
    if (c.threadId() != null) {
      byThread.computeIfAbsent(c.threadId(), k -> new LinkedHashSet<>()).add(c.id());
    }
  }

  /** Whether some active conversation has a contact at {@code domain}. */
  boolean knowsDomain(String domain) {
    return byDomain.containsKey(domain);
  }

  /** The active conversations with a contact at {@code domain}, read now. */
  List<Conversation> withDomain(String domain) {
    return read(byDomain.getOrDefault(domain, Set.of()));
  }

  /** The active conversations in this Gmail thread, read now. */
  List<Conversation> inThread(String threadId) {
    return threadId == null ? List.of() : read(byThread.getOrDefault(threadId, Set.of()));
  }

  /** The active conversations with {@code address} among their contacts, read now. */
  List<Conversation> withContact(EmailAddress address) {
    return withDomain(address.domain()).stream().filter(c -> c.hasContact(address)).toList();
  }

  private List<Conversation> read(Set<String> ids) {
    List<Conversation> out = new ArrayList<>();
    for (String id : ids) {
      Optional<Conversation> c = store.conversation(id);
      c.filter(Conversation::isActive).ifPresent(out::add);
    }
    return out;
  }
}
