package io.secondcall.calendar.google;

import static io.secondcall.calendar.google.FakeGoogleCalendar.first;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secondcall.calendar.google.FakeCalendarStore.ApiError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * events.list of the fake: full listings with {@code timeMin}/{@code timeMax}, and incremental
 * ones with a {@code syncToken}, paged, with the parameters Google refuses alongside a token
 * refused. Counts what was asked and how many events went out.
 */
final class FakeEventsList {

  /** What events.list refuses together with a syncToken, as the API reference lists it. */
  private static final List<String> REFUSED_WITH_SYNC_TOKEN = List.of("iCalUID", "orderBy", "privateExtendedProperty",
      "q", "sharedExtendedProperty", "timeMin", "timeMax", "updatedMin");

  private final FakeCalendarStore store;
  private final AtomicInteger fullLists = new AtomicInteger();
  private final AtomicInteger syncLists = new AtomicInteger();
  private final AtomicInteger eventsListed = new AtomicInteger();
  private volatile int pageSize = 250;

  FakeEventsList(FakeCalendarStore store) {
    this.store = store;
  }

  void pageSize(int size) {
    pageSize = size;
  }

  int fullLists() {
    return fullLists.get();
  }

  int syncLists() {
    return syncLists.get();
  }

  int eventsListed() {
    return eventsListed.get();
  }

  /**
   * The answer to events.list. A page token carries the offset and the change number of the first page, so
   * every page of one listing shows the same state and the last page's nextSyncToken misses
   * nothing changed while paging.
   */
  ObjectNode answer(String calendar, Map<String, List<String>> q) {
    boolean single = "true".equals(first(q, "singleEvents"));
    boolean byStart = "startTime".equals(first(q, "orderBy"));
    if (byStart && !single) {
      throw new ApiError(400, "invalid", "The requested ordering is not available for the particular query.");
    }
    String[] page = q.containsKey("pageToken") ? first(q, "pageToken").split(":") : null;
    int from = page == null ? 0 : Integer.parseInt(page[0]);
    long upTo = page == null ? store.lastChange() : Long.parseLong(page[1]);
    String syncToken = first(q, "syncToken");
    List<ObjectNode> all;
    if (syncToken != null) {
      syncLists.incrementAndGet();
      for (String refused : REFUSED_WITH_SYNC_TOKEN) {
        if (q.containsKey(refused)) {
          throw new ApiError(400, "invalid", "Parameter " + refused + " cannot be used together with syncToken.");
        }
      }
      if ("false".equals(first(q, "showDeleted"))) {
        throw new ApiError(400, "invalid", "showDeleted cannot be false together with syncToken.");
      }
      all = store.changes(calendar, store.changeOf(syncToken), upTo, single);
    } else {
      Map<String, String> properties = new LinkedHashMap<>();
      for (String p : q.getOrDefault("privateExtendedProperty", List.of())) {
        properties.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
      }
      all = store.list(calendar, time(first(q, "timeMin")), time(first(q, "timeMax")), single,
          "true".equals(first(q, "showDeleted")), byStart, properties);
      fullLists.incrementAndGet();
    }
    int size = Math.min(pageSize, q.containsKey("maxResults") ? Integer.parseInt(first(q, "maxResults")) : 250);
    ObjectNode answer = FakeCalendarStore.JSON.createObjectNode().put("kind", "calendar#events")
        .put("summary", calendar).put("timeZone", "UTC");
    ArrayNode items = answer.putArray("items");
    all.subList(Math.min(from, all.size()), Math.min(all.size(), from + size)).forEach(items::add);
    eventsListed.addAndGet(items.size());
    if (from + size < all.size()) {
      answer.put("nextPageToken", (from + size) + ":" + upTo);
    } else {
      answer.put("nextSyncToken", store.syncToken(upTo));
    }
    return answer;
  }

  private static Instant time(String rfc3339) {
    return rfc3339 == null ? null : OffsetDateTime.parse(rfc3339).toInstant();
  }
}
