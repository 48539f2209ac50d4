package io.secondcall.store;

import io.secondcall.core.Conversation;
import java.time.Instant;
import java.util.List;

/**
 * The tables of {@link SqliteStateStore} about the user's history: {@code touch} (when each touch
 * happened, written whenever a saved conversation counts a touch the table lacks) and
 * {@code auto_reply}. Callers hold the store's monitor.
 */
final class HistoryTables {

  private final Sql sql;

  HistoryTables(Sql sql) {
    this.sql = sql;
  }

  /**
   * Records the conversation's latest touch under its number. Every touch is saved as it happens
   * (the engine saves the conversation with each), so one row per save keeps the whole list; a
   * number already recorded keeps its first time.
   */
  void recordTouch(Conversation c) {
    if (c.touches() < 1) {
      return;
    }
    sql.update("record touch " + c.touches() + " of " + c.id(),
        "INSERT INTO touch (conversation_id, number, at) VALUES (?, ?, ?)"
            + " ON CONFLICT (conversation_id, number) DO NOTHING",
        c.id(), c.touches(), Rows.millis(c.lastTouchAt()));
  }

  List<Instant> touchTimes(String conversationId) {
    return sql.query("read touches of " + conversationId,
        "SELECT at FROM touch WHERE conversation_id = ? ORDER BY number",
        rs -> Instant.ofEpochMilli(rs.getLong(1)), conversationId);
  }

  void addAutoReply(String conversationId, Instant at) {
    sql.update("record auto-reply to " + conversationId,
        "INSERT INTO auto_reply (conversation_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        conversationId, Rows.millis(at));
  }

  List<Instant> autoReplies(String conversationId) {
    return sql.query("read auto-replies to " + conversationId,
        "SELECT at FROM auto_reply WHERE conversation_id = ? ORDER BY at",
        rs -> Instant.ofEpochMilli(rs.getLong(1)), conversationId);
  }
}
