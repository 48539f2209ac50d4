package io.secondcall.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.StepKind;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.DigestEntry;
import io.secondcall.core.TimeRange;
import io.secondcall.port.StepRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Column values of the schema to records and back: instants as epoch milliseconds, dates as
 * ISO text, lists as JSON arrays (display names may hold any character, so no ad-hoc separator).
 * The column lists are compile-time constants spliced into SQL; values are always bound.
 */
final class Rows {

  static final String CONVERSATION_COLUMNS =
      "id, contacts, subject, root_message_id, thread_id, started_at, last_touch_at, last_message_id,"
          + " last_references, last_text, touches, steps_done, first_step_days, paused_until, status,"
          + " end_reason, ended_at, me, version";
  static final String STEP_COLUMNS =
      "secondcall_id, conversation_id, number, kind, due_at, state, prepared_at, updated_at";
  static final String DIGEST_COLUMNS = "key, conversation_id, kind, text, created_at";
  static final String CALLBACK_COLUMNS =
      "block_id, conversation_id, step_id, start_at, end_at, phone, state, updated_at";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Rows() {}

  /** Parameters in {@link #CONVERSATION_COLUMNS} order; the version is the one the row gets. */
  static Object[] params(Conversation c) {
    return new Object[] {
      c.id(), contactsJson(c.contacts()), c.subject(), c.rootMessageId(), c.threadId(),
      millis(c.startedAt()), millis(c.lastTouchAt()), c.lastMessageId(),
      stringsJson(c.lastReferences()), c.lastText(), c.touches(), c.stepsDone(), c.firstStepDays(),
      c.pausedUntil() == null ? null : c.pausedUntil().toString(), c.status().name(), c.endReason(),
      millis(c.endedAt()), c.me() == null ? null : contactsJson(List.of(c.me())), c.version() + 1
    };
  }

  static Conversation conversation(ResultSet rs) throws SQLException {
    String pausedUntil = rs.getString("paused_until");
    return new Conversation(
        rs.getString("id"),
        contacts(rs.getString("contacts")),
        rs.getString("subject"),
        rs.getString("root_message_id"),
        rs.getString("thread_id"),
        instant(rs, "started_at"),
        instant(rs, "last_touch_at"),
        rs.getString("last_message_id"),
        strings(rs.getString("last_references")),
        rs.getString("last_text"),
        rs.getInt("touches"),
        rs.getInt("steps_done"),
        rs.getInt("first_step_days"),
        pausedUntil == null ? null : LocalDate.parse(pausedUntil),
        Conversation.Status.valueOf(rs.getString("status")),
        rs.getString("end_reason"),
        instant(rs, "ended_at"),
        me(rs.getString("me")),
        rs.getLong("version"));
  }

  private static EmailAddress me(String json) throws SQLException {
    if (json == null) {
      return null;
    }
    List<EmailAddress> one = contacts(json);
    return one.isEmpty() ? null : one.get(0);
  }

  /** Parameters in {@link #STEP_COLUMNS} order. */
  static Object[] params(StepRecord s) {
    return new Object[] {
      s.secondcallId(), s.conversationId(), s.number(), s.kind().name(), millis(s.dueAt()),
      s.state().name(), millis(s.preparedAt()), millis(s.updatedAt())
    };
  }

  static StepRecord step(ResultSet rs) throws SQLException {
    return new StepRecord(
        rs.getString("secondcall_id"),
        rs.getString("conversation_id"),
        rs.getInt("number"),
        StepKind.valueOf(rs.getString("kind")),
        instant(rs, "due_at"),
        StepRecord.State.valueOf(rs.getString("state")),
        instant(rs, "prepared_at"),
        instant(rs, "updated_at"));
  }

  /** Parameters in {@link #DIGEST_COLUMNS} order. */
  static Object[] params(DigestEntry e) {
    return new Object[] {e.key(), e.conversationId(), e.kind(), e.text(), millis(e.createdAt())};
  }

  static DigestEntry digestEntry(ResultSet rs) throws SQLException {
    return new DigestEntry(rs.getString("key"), rs.getString("conversation_id"),
        rs.getString("kind"), rs.getString("text"), instant(rs, "created_at"));
  }

  /** Parameters in {@link #CALLBACK_COLUMNS} order. */
  static Object[] params(CallbackRecord c) {
    return new Object[] {
      c.blockId(), c.conversationId(), c.stepId(), millis(c.time().start()), millis(c.time().end()), c.phone(),
      c.state().name(), millis(c.updatedAt())
    };
  }

  static CallbackRecord callback(ResultSet rs) throws SQLException {
    return new CallbackRecord(
        rs.getString("block_id"),
        rs.getString("conversation_id"),
        rs.getString("step_id"),
        new TimeRange(instant(rs, "start_at"), instant(rs, "end_at")),
        rs.getString("phone"),
        CallbackRecord.State.valueOf(rs.getString("state")),
        instant(rs, "updated_at"));
  }

  static Long millis(Instant at) {
    return at == null ? null : at.toEpochMilli();
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  private static String contactsJson(List<EmailAddress> contacts) {
    ArrayNode array = JSON.createArrayNode();
    for (EmailAddress contact : contacts) {
      ObjectNode node = array.addObject().put("address", contact.address());
      if (contact.name() != null) {
        node.put("name", contact.name());
      }
    }
    return array.toString();
  }

  private static List<EmailAddress> contacts(String json) throws SQLException {
    List<EmailAddress> contacts = new ArrayList<>();
    for (JsonNode node : parse(json)) {
      JsonNode name = node.get("name");
      contacts.add(new EmailAddress(node.path("address").asText(), name == null ? null : name.asText()));
    }
    return contacts;
  }

  private static String stringsJson(List<String> values) {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array.toString();
  }

  private static List<String> strings(String json) throws SQLException {
    List<String> values = new ArrayList<>();
    parse(json).forEach(node -> values.add(node.asText()));
    return values;
  }

  private static JsonNode parse(String json) throws SQLException {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isArray()) {
        throw new SQLException("expected a JSON array, found: " + json);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable JSON column: " + json, e);
    }
  }
}
