package io.secondcall.calendar.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The events of the fake Google calendars, kept as the JSON the API speaks. Like Google: client
 * ids must be base32hex of 5-1024 characters and stay taken after a delete (the event stays as
 * status "cancelled"); all-day dates are read in UTC (the fake calendars' zone); recurring events
 * support {@code RRULE:FREQ=DAILY|WEEKLY;COUNT=n}. Every change takes the next number of one
 * counter; a sync token names the number it was issued at, and the changes since it are the
 * events changed later plus the instances that vanished later (a series shortened or moved).
 */
final class FakeCalendarStore {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VALID_ID = Pattern.compile("[a-v0-9]{5,1024}");
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  /** An API error the server turns into Google's error JSON. */
  static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String domain;
    final String reason;

    ApiError(int status, String reason, String message) {
      this(status, "global", reason, message);
    }

    ApiError(int status, String domain, String reason, String message) {
      super(message);
      this.status = status;
      this.domain = domain;
      this.reason = reason;
    }
  }

  private final Map<String, Map<String, ObjectNode>> calendars = new LinkedHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  /** calendar -> event id -> the change number of its last change */
  private final Map<String, Map<String, Long>> changedAt = new LinkedHashMap<>();
  /** calendar -> id of an instance no longer there -> the change number that removed it */
  private final Map<String, Map<String, Long>> vanished = new LinkedHashMap<>();
  /** Sync tokens of an earlier epoch are no longer valid. */
  private long epoch;

  private Map<String, ObjectNode> calendar(String calendarId) {
    return calendars.computeIfAbsent(calendarId, k -> new LinkedHashMap<>());
  }

  /** events.insert */
  synchronized ObjectNode insert(String calendarId, ObjectNode event) {
    String id = event.path("id").asText(null);
    if (id == null) {
      id = EventIds.base32hex(("generated-" + sequence.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
    } else if (!VALID_ID.matcher(id).matches()) {
      throw new ApiError(400, "invalid", "Invalid resource id value.");
    }
    if (calendar(calendarId).containsKey(id)) {
      throw new ApiError(409, "duplicate", "The requested identifier already exists.");
    }
    ObjectNode stored = event.deepCopy();
    stored.put("id", id);
    stored.put("kind", "calendar#event");
    stored.put("created", Instant.now().toString());
    stored.put("iCalUID", id + "@google.com");
    if (!stored.has("status")) {
      stored.put("status", "confirmed");
    }
    if (!stored.has("organizer")) {
      stored.putObject("organizer").put("email", calendarId.equals("primary") ? "dana@example.com" : calendarId)
          .put("self", true);
    }
    return stamp(calendarId, stored);
  }

  /** Puts an event as another calendar app would, keeping its id whatever it is. */
  synchronized void put(String calendarId, ObjectNode event) {
    stamp(calendarId, event.deepCopy());
  }

  private ObjectNode stamp(String calendarId, ObjectNode event) {
    long change = sequence.incrementAndGet();
    String id = event.get("id").asText();
    event.put("updated", Instant.now().toString());
    event.put("etag", "\"" + change + "\"");
    ObjectNode old = calendar(calendarId).put(id, event);
    changedAt.computeIfAbsent(calendarId, k -> new LinkedHashMap<>()).put(id, change);
    if (old != null) {
      Set<String> current = new HashSet<>();
      FakeRecurrence.expand(event).forEach(i -> current.add(i.get("id").asText()));
      for (ObjectNode instance : FakeRecurrence.expand(old)) {
        if (!current.contains(instance.get("id").asText())) {
          vanished.computeIfAbsent(calendarId, k -> new LinkedHashMap<>()).put(instance.get("id").asText(), change);
        }
      }
    }
    return event.deepCopy();
  }

  /** The number of the latest change, for a sync token. */
  synchronized long lastChange() {
    return sequence.get();
  }

  /** A sync token for the state after change {@code upTo}. */
  synchronized String syncToken(long upTo) {
    return "fakesync-" + epoch + "-" + upTo;
  }

  /** Every sync token issued so far stops working (410), as when Google expires them. */
  synchronized void expireSyncTokens() {
    epoch++;
  }

  /** The change number a sync token was issued at; 410 fullSyncRequired for an expired or unknown token. */
  synchronized long changeOf(String syncToken) {
    String prefix = "fakesync-" + epoch + "-";
    if (syncToken.startsWith(prefix)) {
      try {
        long change = Long.parseLong(syncToken.substring(prefix.length()));
        if (change >= 0 && change <= sequence.get()) {
          return change;
        }
      } catch (NumberFormatException e) {
        // falls through to the refusal below
      }
    }
    throw new ApiError(410, "calendar", "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
  }

  /**
   * events.list with a sync token, without paging: what changed after change {@code since} up to
   * change {@code upTo}, deleted events included. Vanished instances come first, with their id and
   * status only, so a later entry for the same id wins.
   */
  synchronized List<ObjectNode> changes(String calendarId, long since, long upTo, boolean singleEvents) {
    List<ObjectNode> out = new ArrayList<>();
    vanished.getOrDefault(calendarId, Map.of()).forEach((id, change) -> {
      if (singleEvents && change > since && change <= upTo) {
        out.add(JSON.createObjectNode().put("kind", "calendar#event").put("id", id).put("status", "cancelled"));
      }
    });
    Map<String, Long> changes = changedAt.getOrDefault(calendarId, Map.of());
    for (ObjectNode event : calendar(calendarId).values()) {
      long change = changes.get(event.get("id").asText());
      if (change > since && change <= upTo) {
        out.addAll(singleEvents ? FakeRecurrence.expand(event) : List.of(event.deepCopy()));
      }
    }
    return out;
  }

  /** events.get: deleted events are still there, as cancelled. */
  synchronized ObjectNode get(String calendarId, String id) {
    ObjectNode e = calendar(calendarId).get(id);
    if (e == null) {
      throw new ApiError(404, "notFound", "Not Found");
    }
    return e.deepCopy();
  }

  /** events.update (replace) and events.patch (merge). */
  synchronized ObjectNode update(String calendarId, String id, ObjectNode body, boolean patch) {
    ObjectNode old = calendar(calendarId).get(id);
    if (old == null) {
      throw new ApiError(404, "notFound", "Not Found");
    }
    ObjectNode updated = patch ? old.deepCopy() : body.deepCopy();
    if (patch) {
      updated.setAll(body);
    }
    for (String kept : List.of("id", "kind", "created", "iCalUID", "organizer")) {
      if (old.has(kept)) {
        updated.set(kept, old.get(kept));
      }
    }
    if (!updated.has("status")) {
      updated.put("status", "confirmed");
    }
    return stamp(calendarId, updated);
  }

  /** events.delete: 410 for an event deleted before. */
  synchronized void delete(String calendarId, String id) {
    ObjectNode e = calendar(calendarId).get(id);
    if (e == null) {
      throw new ApiError(404, "notFound", "Not Found");
    }
    if ("cancelled".equals(e.path("status").asText())) {
      throw new ApiError(410, "deleted", "Resource has been deleted");
    }
    e.put("status", "cancelled");
    stamp(calendarId, e);
  }

  /** All stored events of a calendar, deleted ones included, unexpanded. */
  synchronized List<ObjectNode> all(String calendarId) {
    return calendar(calendarId).values().stream().map(ObjectNode::deepCopy).toList();
  }

  /**
   * events.list without paging: events whose end is after {@code timeMin} and whose start is
   * before {@code timeMax} (both optional), expanded when {@code singleEvents}.
   */
  synchronized List<ObjectNode> list(String calendarId, Instant timeMin, Instant timeMax, boolean singleEvents,
      boolean showDeleted, boolean orderByStart, Map<String, String> privateProperties) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode event : calendar(calendarId).values()) {
      if (!showDeleted && "cancelled".equals(event.path("status").asText())) {
        continue;
      }
      if (!hasProperties(event, privateProperties)) {
        continue;
      }
      List<ObjectNode> instances = FakeRecurrence.expand(event);
      List<ObjectNode> overlapping = instances.stream().filter(i -> overlaps(i, timeMin, timeMax)).toList();
      if (singleEvents) {
        out.addAll(overlapping);
      } else if (!overlapping.isEmpty()) {
        out.add(event.deepCopy());
      }
    }
    if (orderByStart) {
      out.sort(Comparator.comparing(e -> instant(e.get("start"))));
    }
    return out;
  }

  private static boolean hasProperties(ObjectNode event, Map<String, String> wanted) {
    JsonNode props = event.path("extendedProperties").path("private");
    return wanted.entrySet().stream().allMatch(w -> w.getValue().equals(props.path(w.getKey()).asText(null)));
  }

  private static boolean overlaps(ObjectNode event, Instant timeMin, Instant timeMax) {
    Instant start = instant(event.get("start"));
    Instant end = event.has("end") ? instant(event.get("end")) : start;
    return (timeMin == null || end.isAfter(timeMin)) && (timeMax == null || start.isBefore(timeMax));
  }

  /** As Google writes times: seconds always, no fraction, the offset. */
  static String rfc3339(OffsetDateTime time) {
    return RFC3339.format(time);
  }

  /** An event time; dates are midnight UTC, the fake calendars' zone. */
  static Instant instant(JsonNode time) {
    if (time.has("date")) {
      return LocalDate.parse(time.get("date").asText()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return OffsetDateTime.parse(time.get("dateTime").asText()).toInstant();
  }
}
