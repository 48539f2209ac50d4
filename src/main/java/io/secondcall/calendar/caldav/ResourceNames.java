package io.secondcall.calendar.caldav;

import io.secondcall.calendar.ical.BlockEvent;
import java.nio.charset.StandardCharsets;

/**
 * Names of our blocks in the collection. A name follows from the block id alone, so a retry
 * after a crash addresses the same resource and {@code If-None-Match: *} turns a second creation
 * into a harmless 412.
 */
final class ResourceNames {

  private static final String SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-";

  private ResourceNames() {}

  /**
   * The block's resource name: its UID plus {@code .ics}. Characters outside {@code [A-Za-z0-9.-]}
   * become {@code _xx} (UTF-8 bytes in hex), and so does a leading dot, which would hide the file
   * on a server that stores resources as files: distinct ids keep distinct names, safe in a URL
   * path and in the server's file system.
   */
  static String ofBlock(String blockId) {
    StringBuilder name = new StringBuilder();
    for (byte b : blockId.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (b >= 0 && SAFE.indexOf(c) >= 0 && !(c == '.' && name.length() == 0)) {
        name.append(c);
      } else {
        name.append('_').append(String.format("%02x", b & 0xff));
      }
    }
    return BlockEvent.uid(name.toString()) + ".ics";
  }
}
