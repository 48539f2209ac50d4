package io.secondcall.mail.gmail;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Gmail quota units a cycle spent, by method, at Google's published price per call (15,000
 * units a minute per user). Every call counts, retries and calls inside a batch included, as
 * Google counts them. Not thread-safe: the mailbox serialises its calls.
 */
final class Quota {

  /**
   * The methods secondcall calls, with their cost in quota units and whether calling one twice
   * does no harm. It never calls messages.send or drafts.send.
   */
  enum Method {
    GET_PROFILE("getProfile", 1, true),
    LABELS_LIST("labels.list", 1, true),
    HISTORY_LIST("history.list", 2, true),
    MESSAGES_LIST("messages.list", 5, true),
    MESSAGES_GET("messages.get", 5, true),
    DRAFTS_LIST("drafts.list", 5, true),
    DRAFTS_CREATE("drafts.create", 10, false),
    DRAFTS_DELETE("drafts.delete", 10, true),
    MESSAGES_INSERT("messages.insert", 25, false);

    final String apiName;
    final int units;
    /** A repeat of a call whose first try may have landed creates nothing twice. */
    final boolean idempotent;

    Method(String apiName, int units, boolean idempotent) {
      this.apiName = apiName;
      this.units = units;
      this.idempotent = idempotent;
    }
  }

  private final Map<Method, Integer> calls = new EnumMap<>(Method.class);

  void spend(Method method) {
    calls.merge(method, 1, Integer::sum);
  }

  int units() {
    return calls.entrySet().stream().mapToInt(e -> e.getKey().units * e.getValue()).sum();
  }

  int calls(Method method) {
    return calls.getOrDefault(method, 0);
  }

  /** "12 units (history.list 1, messages.get 2)", or "no calls". */
  String summary() {
    if (calls.isEmpty()) {
      return "no calls";
    }
    return units() + " units (" + calls.entrySet().stream()
        .map(e -> e.getKey().apiName + " " + e.getValue())
        .collect(Collectors.joining(", ")) + ")";
  }

  void reset() {
    calls.clear();
  }
}
