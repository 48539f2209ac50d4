package io.secondcall.store;

import io.secondcall.port.CallbackRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tables of {@link SqliteStateStore} about calls: {@code callback} (the blocks booked in the
 * calendar) and {@code contact_phone} (the numbers learned from mail). Callers hold the store's
 * monitor.
 */
final class CallbackTables {

  private final Sql sql;

  CallbackTables(Sql sql) {
    this.sql = sql;
  }

  void saveCallback(CallbackRecord c) {
    sql.update("save callback " + c.blockId(),
        "INSERT INTO callback (" + Rows.CALLBACK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (block_id) DO UPDATE SET conversation_id = excluded.conversation_id,"
            + " step_id = excluded.step_id, start_at = excluded.start_at, end_at = excluded.end_at,"
            + " phone = excluded.phone, state = excluded.state, updated_at = excluded.updated_at",
        Rows.params(c));
  }

  Optional<CallbackRecord> callback(String blockId) {
    return sql.queryOne("read callback " + blockId,
        "SELECT " + Rows.CALLBACK_COLUMNS + " FROM callback WHERE block_id = ?", Rows::callback, blockId);
  }

  List<CallbackRecord> callbacks(String conversationId) {
    return sql.query("read callbacks of " + conversationId,
        "SELECT " + Rows.CALLBACK_COLUMNS + " FROM callback WHERE conversation_id = ? ORDER BY start_at, rowid",
        Rows::callback, conversationId);
  }

  List<CallbackRecord> callbacksIn(CallbackRecord.State state) {
    return sql.query("read " + state + " callbacks",
        "SELECT " + Rows.CALLBACK_COLUMNS + " FROM callback WHERE state = ? ORDER BY start_at, rowid",
        Rows::callback, state.name());
  }

  List<CallbackRecord> callbacksIn(CallbackRecord.State state, Instant from) {
    return sql.query("read " + state + " callbacks from " + from,
        "SELECT " + Rows.CALLBACK_COLUMNS + " FROM callback WHERE state = ? AND start_at >= ? ORDER BY start_at, rowid",
        Rows::callback, state.name(), Millis.ceil(from));
  }

  void savePhone(String address, String e164) {
    sql.update("save phone of " + address,
        "INSERT INTO contact_phone (address, e164) VALUES (?, ?) ON CONFLICT (address) DO UPDATE SET e164 = excluded.e164",
        address, e164);
  }

  Optional<String> phone(String address) {
    return sql.queryOne("read phone of " + address, "SELECT e164 FROM contact_phone WHERE address = ?",
        rs -> rs.getString(1), address);
  }
}
