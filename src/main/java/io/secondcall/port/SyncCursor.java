package io.secondcall.port;

/**
 * How far a folder has been read: IMAP UIDVALIDITY and the highest UID seen. A different
 * UIDVALIDITY on the server means the UIDs were renumbered and the folder is read afresh.
 */
public record SyncCursor(long uidValidity, long lastUid) {

  /** Never synced. */
  public static final SyncCursor NONE = new SyncCursor(0, 0);

  public boolean isNone() {
    return uidValidity == 0;
  }
}
