package io.secondcall.mail.gmail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;

/** A stored message in the JSON of one of Gmail's formats: minimal, metadata, full or raw. */
final class FakeGmailView {

  private FakeGmailView() {}

  static ObjectNode message(FakeGmailStore.Stored m, String format, List<String> metadataHeaders) {
    ObjectNode json = FakeGmailStore.JSON.createObjectNode().put("id", m.id).put("threadId", m.threadId);
    ArrayNode labels = json.putArray("labelIds");
    m.labels.forEach(labels::add);
    json.put("snippet", "").put("sizeEstimate", m.raw.length).put("historyId", Long.toString(m.historyId))
        .put("internalDate", Long.toString(m.internalDate));
    switch (format) {
      case "metadata" -> json.set("payload", m.parsed.payload(false, metadataHeaders));
      case "full" -> json.set("payload", m.parsed.payload(true, null));
      case "raw" -> json.put("raw", Base64.getUrlEncoder().encodeToString(m.raw));
      default -> { }
    }
    return json;
  }
}
