package io.secondcall.mail.gmail;

import com.google.api.services.gmail.model.Draft;
import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.HistoryLabelAdded;
import com.google.api.services.gmail.model.HistoryLabelRemoved;
import com.google.api.services.gmail.model.HistoryMessageAdded;
import com.google.api.services.gmail.model.HistoryMessageDeleted;
import com.google.api.services.gmail.model.ListDraftsResponse;
import com.google.api.services.gmail.model.Message;
import io.secondcall.mail.gmail.Quota.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The drafts secondcall wrote that are still drafts, found by their {@code X-Secondcall-Id}
 * header. Built from drafts.list once (and the header of each draft not known yet), then kept
 * current from the history the cycle reads anyway: a draft deleted, or sent (its DRAFT label
 * gone), leaves; a draft added that is not ours (the user's own, or one they edited, which
 * Gmail stores as a new message) makes the next question list the drafts again. So a cycle in
 * which no draft changed asks Gmail nothing about drafts.
 */
final class DraftIndex {

  /** One of our drafts: Gmail's draft id (for drafts.delete), its current message, our id. */
  record Entry(String draftId, String messageId, String secondcallId) {}

  private static final long PAGE_SIZE = 500;
  private static final String DRAFT = "DRAFT";

  private final GmailCalls calls;
  private final MessageReader reader;
  /** By Gmail message id. */
  private final Map<String, Entry> ours = new HashMap<>();
  /** Message ids of drafts known not to be ours. */
  private final Set<String> others = new HashSet<>();
  private boolean current;

  DraftIndex(GmailCalls calls, MessageReader reader) {
    this.calls = calls;
    this.reader = reader;
  }

  Set<String> secondcallIds() {
    refresh();
    return ours.values().stream().map(Entry::secondcallId).collect(Collectors.toSet());
  }

  /** Our drafts carrying any of these ids. */
  List<Entry> withIds(Collection<String> secondcallIds) {
    refresh();
    return ours.values().stream().filter(e -> secondcallIds.contains(e.secondcallId())).toList();
  }

  void created(Draft draft, String secondcallId) {
    if (draft.getMessage() != null) {
      ours.put(draft.getMessage().getId(), new Entry(draft.getId(), draft.getMessage().getId(), secondcallId));
    }
  }

  void removed(Entry entry) {
    ours.remove(entry.messageId());
  }

  /** The history could not be read: what the drafts are now is unknown. */
  void forget() {
    current = false;
  }

  /** Follows one round of history: removals are facts; a draft not known yet is to be looked at. */
  void apply(HistoryRounds.Round round) {
    if (round.expired()) {
      forget();
      return;
    }
    for (History h : round.records()) {
      for (HistoryMessageDeleted d : HistoryRounds.nonNull(h.getMessagesDeleted())) {
        gone(d.getMessage());
      }
      for (HistoryLabelRemoved r : HistoryRounds.nonNull(h.getLabelsRemoved())) {
        if (r.getLabelIds() != null && r.getLabelIds().contains(DRAFT)) {
          gone(r.getMessage());
        }
      }
      for (HistoryMessageAdded a : HistoryRounds.nonNull(h.getMessagesAdded())) {
        if (HistoryRounds.has(a.getMessage(), DRAFT)) {
          added(a.getMessage());
        }
      }
      for (HistoryLabelAdded a : HistoryRounds.nonNull(h.getLabelsAdded())) {
        if (a.getLabelIds() != null && a.getLabelIds().contains(DRAFT)) {
          added(a.getMessage());
        }
      }
    }
  }

  private void gone(Message m) {
    if (m != null) {
      ours.remove(m.getId());
      others.remove(m.getId());
    }
  }

  private void added(Message m) {
    if (m != null && !ours.containsKey(m.getId()) && !others.contains(m.getId())) {
      current = false;
    }
  }

  /** Lists the drafts and reads the header of each one not known yet. */
  private void refresh() {
    if (current) {
      return;
    }
    Map<String, String> draftIds = new HashMap<>();
    String page = null;
    do {
      String token = page;
      ListDraftsResponse answer = calls.call(Method.DRAFTS_LIST,
          users -> users.drafts().list("me").setMaxResults(PAGE_SIZE).setPageToken(token));
      for (Draft d : HistoryRounds.nonNull(answer.getDrafts())) {
        if (d.getMessage() != null) {
          draftIds.put(d.getMessage().getId(), d.getId());
        }
      }
      page = answer.getNextPageToken();
    } while (page != null);
    ours.keySet().retainAll(draftIds.keySet());
    others.retainAll(draftIds.keySet());
    List<String> unknown = new ArrayList<>(draftIds.keySet());
    unknown.removeIf(id -> ours.containsKey(id) || others.contains(id));
    Map<String, String> headers = reader.secondcallIds(unknown);
    headers.forEach((id, secondcallId) -> {
      if (secondcallId.isEmpty()) {
        others.add(id);
      } else {
        ours.put(id, new Entry(draftIds.get(id), id, secondcallId));
      }
    });
    current = true;
  }
}
