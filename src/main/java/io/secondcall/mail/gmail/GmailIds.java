package io.secondcall.mail.gmail;

import io.secondcall.port.SyncCursor;
import java.math.BigInteger;

/**
 * The numbers the ports speak in, for Gmail. A message id is 16 hex digits that grow with time:
 * read as an unsigned number it is the message's UID. A cursor holds a history id where IMAP
 * holds the last UID, and a UIDVALIDITY no IMAP server can have (above 32 bits), so that state
 * kept while the account was read over IMAP is read again from scratch.
 */
final class GmailIds {

  /** The UIDVALIDITY of every Gmail cursor. */
  static final long VALIDITY = 1L << 32;

  private GmailIds() {}

  /** @throws NumberFormatException for an id that is no hex number of at most 16 digits */
  static long uid(String messageId) {
    return Long.parseUnsignedLong(messageId, 16);
  }

  static String messageId(long uid) {
    return Long.toHexString(uid);
  }

  /** Whether a cursor was made here (not by IMAP, not {@link SyncCursor#NONE}). */
  static boolean isOurs(SyncCursor cursor) {
    return cursor.uidValidity() == VALIDITY;
  }

  static SyncCursor cursor(BigInteger historyId) {
    return new SyncCursor(VALIDITY, historyId.longValue());
  }

  static BigInteger historyId(SyncCursor cursor) {
    return new BigInteger(Long.toUnsignedString(cursor.lastUid()));
  }
}
