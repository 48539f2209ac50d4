package io.secondcall.store;

import io.secondcall.core.Conversation;
import java.time.Instant;

/**
 * Keeps the state small (SPEC section 9, {@code state.keep_days}): the rows of old ended
 * conversations go, their Message-ID links stay as the record of mail already handled. Callers
 * hold the store's monitor and run this in a transaction.
 */
final class ArchiveTables {

  private static final String OLD_ENDED = "SELECT id FROM conversation WHERE status <> ? AND ended_at < ?"
      + " AND last_touch_at < ? AND started_at < ?";

  private final Sql sql;

  ArchiveTables(Sql sql) {
    this.sql = sql;
  }

  int archiveEndedBefore(Instant cutoff) {
    long at = Millis.ceil(cutoff);
    Object[] params = {Conversation.Status.ACTIVE.name(), at, at, at};
    for (String table : new String[] {"step", "callback", "touch", "auto_reply", "conversation_contact"}) {
      sql.update("archive " + table, "DELETE FROM " + table + " WHERE conversation_id IN (" + OLD_ENDED + ")",
          params);
    }
    // Entries still pending belong to the digest being sent; only delivered ones go.
    sql.update("archive digest entries", "DELETE FROM digest_entry WHERE digest_id IS NOT NULL"
        + " AND conversation_id IN (" + OLD_ENDED + ")", params);
    return sql.update("archive conversations", "DELETE FROM conversation WHERE id IN (" + OLD_ENDED + ")", params);
  }
}
