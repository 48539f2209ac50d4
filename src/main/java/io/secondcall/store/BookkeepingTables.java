package io.secondcall.store;

import io.secondcall.port.DigestEntry;
import io.secondcall.port.MailFolder;
import io.secondcall.port.SyncCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tables of {@link SqliteStateStore} that keep the books of the mailbox rather than of one
 * conversation: {@code digest_entry}, the sync {@code cursor} of each folder, {@code meta} (the
 * first scan among other named values) and the {@code mailing_list} addresses learned from mail.
 * Callers hold the store's monitor.
 */
final class BookkeepingTables {

  private static final String FIRST_SCAN_AT = "first_scan_at";
  /** Meta key of {@link io.secondcall.port.StateStore#changes()}. */
  static final String CHANGES = "state.changes";

  private final Sql sql;

  BookkeepingTables(Sql sql) {
    this.sql = sql;
  }

  Optional<Instant> firstScanAt() {
    return sql.queryOne("read first_scan_at", "SELECT value FROM meta WHERE key = ?",
        rs -> Instant.ofEpochMilli(Long.parseLong(rs.getString(1))), FIRST_SCAN_AT);
  }

  void setFirstScanAt(Instant at) {
    sql.update("save first_scan_at",
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        FIRST_SCAN_AT, Long.toString(at.toEpochMilli()));
  }

  long changes() {
    return sql.queryOne("read the change count", "SELECT value FROM meta WHERE key = ?",
        rs -> Long.parseLong(rs.getString(1)), CHANGES).orElse(0L);
  }

  SyncCursor cursor(MailFolder folder) {
    return sql.queryOne("read cursor", "SELECT uid_validity, last_uid FROM cursor WHERE folder = ?",
            rs -> new SyncCursor(rs.getLong(1), rs.getLong(2)), folder.name())
        .orElse(SyncCursor.NONE);
  }

  void saveCursor(MailFolder folder, SyncCursor cursor) {
    sql.update("save cursor",
        "INSERT INTO cursor (folder, uid_validity, last_uid) VALUES (?, ?, ?) ON CONFLICT (folder)"
            + " DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid",
        folder.name(), cursor.uidValidity(), cursor.lastUid());
  }

  void addDigestEntry(DigestEntry entry) {
    sql.update("add digest entry " + entry.key(),
        "INSERT INTO digest_entry (" + Rows.DIGEST_COLUMNS + ") VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (key) DO NOTHING",
        Rows.params(entry));
  }

  List<DigestEntry> pendingDigestEntries() {
    return sql.query("read pending digest entries",
        "SELECT " + Rows.DIGEST_COLUMNS + " FROM digest_entry WHERE digest_id IS NULL"
            + " ORDER BY created_at, rowid",
        Rows::digestEntry);
  }

  void markDigestDelivered(Collection<String> keys, String digestId) {
    Objects.requireNonNull(digestId, "digestId");
    List<Object[]> rows = new ArrayList<>();
    for (String key : keys) {
      rows.add(new Object[] {digestId, key});
    }
    sql.updateBatch("mark digest " + digestId + " delivered",
        "UPDATE digest_entry SET digest_id = ? WHERE key = ? AND digest_id IS NULL", rows);
  }

  List<DigestEntry> digestEntries(String digestId) {
    return sql.query("read digest " + digestId,
        "SELECT " + Rows.DIGEST_COLUMNS + " FROM digest_entry WHERE digest_id = ? ORDER BY created_at, rowid",
        Rows::digestEntry, digestId);
  }

  boolean addMailingList(String address, String evidence, Instant at) {
    return sql.update("remember mailing list " + address,
        "INSERT INTO mailing_list (address, evidence, learned_at) VALUES (?, ?, ?) ON CONFLICT (address) DO NOTHING",
        address, evidence, Rows.millis(at)) == 1;
  }

  boolean isMailingList(String address) {
    return sql.queryOne("read mailing list " + address, "SELECT 1 FROM mailing_list WHERE address = ?",
        rs -> true, address).isPresent();
  }

  Optional<String> meta(String key) {
    return sql.queryOne("read " + key, "SELECT value FROM meta WHERE key = ?", rs -> rs.getString(1), key);
  }

  void setMeta(String key, String value) {
    if (value == null) {
      sql.update("clear " + key, "DELETE FROM meta WHERE key = ?", key);
    } else {
      sql.update("save " + key,
          "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          key, value);
    }
  }
}
