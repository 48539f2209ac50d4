package io.secondcall.calendar.google;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Google event ids for callback blocks. Google lets a client choose the id of a new event when it
 * is base32hex ({@code a-v}, {@code 0-9}, RFC 4648 section 7, lower case) and 5 to 1024
 * characters long. Deriving it from the block id makes a retried insert hit the same event
 * (409) instead of creating a second one.
 */
final class EventIds {

  private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();

  private EventIds() {}

  /**
   * The event id of a block: base32hex of the SHA-256 of the block id, 52 characters. Hashing
   * (instead of encoding the id itself) keeps the length fixed whatever the block id.
   */
  static String forBlock(String blockId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(blockId.getBytes(StandardCharsets.UTF_8));
      return base32hex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Unpadded lower-case base32hex. */
  static String base32hex(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32HEX[(buffer >> (bits - 5)) & 0x1f]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32HEX[(buffer << (5 - bits)) & 0x1f]);
    }
    return out.toString();
  }
}
