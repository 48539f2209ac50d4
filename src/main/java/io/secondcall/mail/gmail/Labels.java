package io.secondcall.mail.gmail;

import com.google.api.services.gmail.model.Label;
import com.google.api.services.gmail.model.ListLabelsResponse;
import io.secondcall.mail.gmail.Quota.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's labels, by id and by name. System labels (INBOX, SENT, DRAFT, UNREAD, CATEGORY_...)
 * are their own names; user labels ({@code Label_12}) are listed once, and again only when a
 * message carries one not seen before, at most once a cycle: labels.list costs a unit, and a
 * quiet cycle must cost no more than its history.list.
 */
final class Labels {

  private static final String USER_LABEL = "Label_";

  private final GmailCalls calls;
  private final Map<String, String> names = new HashMap<>();
  private boolean loaded;
  private boolean mayReload;

  Labels(GmailCalls calls) {
    this.calls = calls;
  }

  /** A new cycle: a label seen for the first time may be looked up again. */
  void newCycle() {
    mayReload = true;
  }

  /** The id of the label with this name (case-insensitive), or empty when there is none. */
  Optional<String> idOf(String name) {
    load(false);
    return find(name);
  }

  /**
   * As {@link #idOf}, asking Gmail afresh: for a full read by a user label, which may have been
   * deleted and created again under a new id. Full reads are rare; the unit is well spent.
   */
  Optional<String> currentIdOf(String name) {
    mayReload = true;
    load(true);
    return find(name);
  }

  private Optional<String> find(String name) {
    return names.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(name)).map(Map.Entry::getKey)
        .findFirst();
  }

  /** The names of these label ids; an id that is still unknown after a reload keeps its id. */
  List<String> namesOf(Collection<String> ids) {
    if (ids == null) {
      return List.of();
    }
    if (ids.stream().anyMatch(id -> id.startsWith(USER_LABEL) && !names.containsKey(id))) {
      load(true);
    }
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      out.add(id.startsWith(USER_LABEL) ? names.getOrDefault(id, id) : id);
    }
    return out;
  }

  /** Notes label ids seen in the history: one not known yet (a label created since) means a reload. */
  void seen(Collection<String> ids) {
    if (loaded && ids != null && ids.stream().anyMatch(id -> id.startsWith(USER_LABEL) && !names.containsKey(id))) {
      load(true);
    }
  }

  private void load(boolean again) {
    if (loaded && !(again && mayReload)) {
      return;
    }
    ListLabelsResponse answer = calls.call(Method.LABELS_LIST, users -> users.labels().list("me"));
    names.clear();
    if (answer.getLabels() != null) {
      for (Label label : answer.getLabels()) {
        names.put(label.getId(), label.getName());
      }
    }
    loaded = true;
    mayReload = false;
  }
}
