package io.secondcall.port;

import io.secondcall.core.MailMessage;
import java.util.List;

/**
 * New messages in a folder since a cursor.
 *
 * @param cursor where the next read starts; store it once the messages are processed
 * @param resynced true when the folder was read from scratch (first sync or UIDVALIDITY change)
 * @param messages the new messages in UID order, headers only ({@link MailMessage#text()} null)
 * @param skipped messages that could not be parsed and were logged and skipped
 */
public record FolderChanges(MailFolder folder, SyncCursor cursor, boolean resynced, List<MailMessage> messages, int skipped) {

  public FolderChanges {
    messages = List.copyOf(messages);
  }
}
