package io.secondcall.mail.gmail;

import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.HistoryLabelAdded;
import com.google.api.services.gmail.model.HistoryMessageAdded;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.Message;
import io.secondcall.mail.gmail.Quota.Method;
import io.secondcall.port.MailFolder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What changed in the mailbox since a history id, read with one history.list per cycle and
 * shared by the folders (labels) the cycle reads: a quiet cycle costs its 2 units and no more.
 * A folder asking a second time means a new cycle, and so does {@link #endCycle()}. A folder
 * whose cursor lies inside the round already read is served from it, so that cursors that
 * started apart (one folder read from scratch later) come together after one cycle.
 */
final class HistoryRounds {

  /** The changes after {@code start} up to {@code end}; expired when Gmail no longer has {@code start} (404). */
  record Round(BigInteger start, BigInteger end, List<History> records, boolean expired) {

    /** The ids of messages that came into the label: added with it, or given it later. */
    Set<String> addedTo(String labelId) {
      Set<String> ids = new LinkedHashSet<>();
      for (History h : records) {
        for (HistoryMessageAdded added : nonNull(h.getMessagesAdded())) {
          if (has(added.getMessage(), labelId)) {
            ids.add(added.getMessage().getId());
          }
        }
        for (HistoryLabelAdded added : nonNull(h.getLabelsAdded())) {
          if (added.getLabelIds() != null && added.getLabelIds().contains(labelId) && added.getMessage() != null) {
            ids.add(added.getMessage().getId());
          }
        }
      }
      return ids;
    }

    private Round after(BigInteger from) {
      if (from.equals(start)) {
        return this;
      }
      return new Round(from, end, records.stream().filter(h -> h.getId() != null && h.getId().compareTo(from) > 0)
          .toList(), expired);
    }

    private boolean covers(BigInteger from) {
      return from.compareTo(start) >= 0 && (expired ? from.equals(start) : from.compareTo(end) <= 0);
    }
  }

  private static final long PAGE_SIZE = 500;

  private final GmailCalls calls;
  private final Consumer<Round> onRead;
  private Round round;
  private final Set<MailFolder> served = EnumSet.noneOf(MailFolder.class);

  /** @param onRead told of every round read from Gmail (not of those served again), e.g. to keep the drafts current */
  HistoryRounds(GmailCalls calls, Consumer<Round> onRead) {
    this.calls = calls;
    this.onRead = onRead;
  }

  /** The changes after {@code start} for {@code folder}: from this cycle's round, or read now. */
  Round since(MailFolder folder, BigInteger start) {
    if (round != null && !served.contains(folder) && round.covers(start)) {
      served.add(folder);
      return round.after(start);
    }
    served.clear();
    served.add(folder);
    round = read(start);
    onRead.accept(round);
    return round;
  }

  void endCycle() {
    round = null;
    served.clear();
  }

  private Round read(BigInteger start) {
    List<History> records = new ArrayList<>();
    String page = null;
    BigInteger end = start;
    do {
      String token = page;
      Optional<ListHistoryResponse> answer = calls.find(Method.HISTORY_LIST, users -> users.history().list("me")
          .setStartHistoryId(start).setMaxResults(PAGE_SIZE).setPageToken(token));
      if (answer.isEmpty()) {
        return new Round(start, start, List.of(), true);
      }
      records.addAll(nonNull(answer.get().getHistory()));
      if (answer.get().getHistoryId() != null) {
        end = end.max(answer.get().getHistoryId());
      }
      page = answer.get().getNextPageToken();
    } while (page != null);
    return new Round(start, end, List.copyOf(records), false);
  }

  static boolean has(Message m, String labelId) {
    return m != null && m.getLabelIds() != null && m.getLabelIds().contains(labelId);
  }

  static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
