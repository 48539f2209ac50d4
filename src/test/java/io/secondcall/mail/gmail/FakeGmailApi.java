package io.secondcall.mail.gmail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Gmail v1 methods of the fake, one call at a time: what {@code /gmail/v1/users/me/...}
 * answers, whether it came alone or inside a batch. Lists page by {@link #pageSize}, newest
 * first as Gmail lists them.
 */
final class FakeGmailApi {

  /** An answer: status and JSON (null for an empty body). */
  record Reply(int status, String json) {
    static Reply ok(JsonNode json) {
      return new Reply(200, json.toString());
    }
  }

  /** A failed call, written as Google's error JSON. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String reason;

    Failure(int status, String reason, String message) {
      super(message);
      this.status = status;
      this.reason = reason;
    }
  }

  private final FakeGmailStore store;
  private volatile int pageSize = 100;

  FakeGmailApi(FakeGmailStore store) {
    this.store = store;
  }

  void pageSize(int size) {
    pageSize = size;
  }

  /** The Gmail method a call is, as the quota table names it ("messages.get"), or null for none. */
  static String methodOf(String httpMethod, String[] path) {
    String resource = path.length > 0 ? path[0] : "";
    boolean one = path.length > 1;
    return switch (resource + ":" + httpMethod) {
      case "profile:GET" -> "getProfile";
      case "labels:GET" -> "labels.list";
      case "history:GET" -> "history.list";
      case "messages:GET" -> one ? "messages.get" : "messages.list";
      case "messages:POST" -> one ? "messages." + path[1] : "messages.insert";
      case "drafts:GET" -> one ? "drafts.get" : "drafts.list";
      case "drafts:POST" -> one ? "drafts." + path[1] : "drafts.create";
      case "drafts:DELETE" -> "drafts.delete";
      default -> null;
    };
  }

  /** @param path the parts after {@code /gmail/v1/users/me/} */
  Reply answer(String method, String[] path, Map<String, List<String>> query, byte[] body, Instant now) {
    String name = methodOf(method, path);
    if (name == null) {
      throw new Failure(404, "notFound", "Not Found");
    }
    return switch (name) {
      case "getProfile" -> Reply.ok(FakeGmailStore.JSON.createObjectNode().put("emailAddress", "dana@example.com")
          .put("messagesTotal", store.all().size()).put("historyId", Long.toString(store.historyId())));
      case "labels.list" -> labels();
      case "history.list" -> history(query);
      case "messages.list" -> list(query, now);
      case "messages.get" -> Reply.ok(FakeGmailView.message(stored(path[1]), first(query, "format", "full"),
          query.get("metadataHeaders")));
      case "messages.insert" -> insert(json(body), now);
      case "drafts.list" -> drafts(query);
      case "drafts.create" -> createDraft(json(body), now);
      case "drafts.get" -> Reply.ok(draft(path[1]));
      case "drafts.delete" -> {
        draft(path[1]);
        store.deleteDraft(path[1]);
        yield new Reply(204, null);
      }
      // messages.send, drafts.send and the rest: secondcall must never call them.
      default -> throw new Failure(403, "forbidden", "the fake refuses " + name);
    };
  }

  private Reply labels() {
    ObjectNode answer = FakeGmailStore.JSON.createObjectNode();
    ArrayNode list = answer.putArray("labels");
    store.labels().forEach((id, name) -> list.addObject().put("id", id).put("name", name)
        .put("type", FakeGmailStore.SYSTEM_LABELS.contains(id) ? "system" : "user"));
    return Reply.ok(answer);
  }

  private Reply history(Map<String, List<String>> query) {
    long start = Long.parseLong(first(query, "startHistoryId", "0"));
    if (store.historyExpired(start)) {
      throw new Failure(404, "notFound", "Requested entity was not found.");
    }
    List<ObjectNode> records = store.historyAfter(start);
    ObjectNode answer = page(records, query, "history");
    answer.put("historyId", Long.toString(store.historyId()));
    return Reply.ok(answer);
  }

  private Reply list(Map<String, List<String>> query, Instant now) {
    List<String> labels = query.getOrDefault("labelIds", List.of());
    Predicate<FakeGmailStore.Stored> matches;
    try {
      matches = FakeGmailQuery.parse(first(query, "q", null), now);
    } catch (IllegalArgumentException e) {
      throw new Failure(400, "invalidArgument", e.getMessage());
    }
    List<ObjectNode> found = store.all().stream()
        .filter(m -> m.labels.containsAll(labels))
        .filter(m -> !m.labels.contains("DRAFT") || labels.contains("DRAFT"))
        .filter(matches)
        .sorted(Comparator.comparing((FakeGmailStore.Stored m) -> m.id).reversed())
        .map(m -> FakeGmailStore.JSON.createObjectNode().put("id", m.id).put("threadId", m.threadId))
        .toList();
    ObjectNode answer = page(found, query, "messages");
    answer.put("resultSizeEstimate", found.size());
    return Reply.ok(answer);
  }

  private Reply insert(JsonNode body, Instant now) {
    List<String> labels = FakeGmailStore.JSON.convertValue(body.path("labelIds"),
        FakeGmailStore.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    FakeGmailStore.Stored m = store.add(raw(body), labels, body.path("threadId").asText(null), now.toEpochMilli());
    return Reply.ok(FakeGmailView.message(m, "minimal", null));
  }

  private Reply drafts(Map<String, List<String>> query) {
    List<ObjectNode> drafts = store.drafts().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> draftRef(e.getKey(), store.get(e.getValue())))
        .toList();
    return Reply.ok(page(drafts, query, "drafts"));
  }

  private Reply createDraft(JsonNode body, Instant now) {
    JsonNode message = body.path("message");
    String draftId = store.createDraft(raw(message), message.path("threadId").asText(null), now.toEpochMilli());
    return Reply.ok(draft(draftId));
  }

  private ObjectNode draft(String draftId) {
    String messageId = store.drafts().get(draftId);
    if (messageId == null) {
      throw new Failure(404, "notFound", "Requested entity was not found.");
    }
    return draftRef(draftId, store.get(messageId));
  }

  private static ObjectNode draftRef(String draftId, FakeGmailStore.Stored m) {
    ObjectNode d = FakeGmailStore.JSON.createObjectNode().put("id", draftId);
    d.set("message", FakeGmailView.message(m, "minimal", null));
    return d;
  }

  private FakeGmailStore.Stored stored(String id) {
    FakeGmailStore.Stored m = store.get(id);
    if (m == null) {
      throw new Failure(404, "notFound", "Requested entity was not found.");
    }
    return m;
  }

  /** One page of a list, the page token being the offset of the next page. */
  private ObjectNode page(List<ObjectNode> all, Map<String, List<String>> query, String field) {
    int from = Integer.parseInt(first(query, "pageToken", "0"));
    int max = Math.min(pageSize, Integer.parseInt(first(query, "maxResults", "100")));
    ObjectNode answer = FakeGmailStore.JSON.createObjectNode();
    ArrayNode items = answer.putArray(field);
    all.subList(Math.min(from, all.size()), Math.min(all.size(), from + max)).forEach(items::add);
    if (from + max < all.size()) {
      answer.put("nextPageToken", Integer.toString(from + max));
    }
    return answer;
  }

  private static byte[] raw(JsonNode message) {
    String raw = message.path("raw").asText(null);
    if (raw == null) {
      throw new Failure(400, "invalidArgument", "raw is required");
    }
    return Base64.getUrlDecoder().decode(raw.replace("=", ""));
  }

  private static JsonNode json(byte[] body) {
    try {
      return FakeGmailStore.JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new Failure(400, "parseError", "Parse Error");
    }
  }

  static String first(Map<String, List<String>> query, String key, String fallback) {
    List<String> values = query.get(key);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }
}
