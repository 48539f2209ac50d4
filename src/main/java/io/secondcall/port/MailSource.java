package io.secondcall.port;

import io.secondcall.core.MailMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the user's mailbox. Implementations batch their round trips: one read per folder per
 * call, never one per message.
 */
public interface MailSource {

  /**
   * New messages in {@code folder} after {@code cursor}. With {@link SyncCursor#NONE}, or when
   * the folder's UIDVALIDITY differs from the cursor's, the folder is read from scratch but only
   * messages dated on or after {@code notBefore} are returned (the look-back window). A folder
   * that does not exist (e.g. no stop folder yet) has no changes.
   *
   * @throws ServerAccessException when the server cannot be reached or refuses the login
   */
  FolderChanges changes(MailFolder folder, SyncCursor cursor, Instant notBefore);

  /**
   * Plain-text bodies of the given messages (by UID), each capped to a few tens of KiB, in one
   * round trip. Messages without a readable text part map to an empty string; UIDs that no
   * longer exist are absent from the result.
   */
  Map<Long, String> texts(MailFolder folder, long uidValidity, Collection<Long> uids);

  /**
   * The {@code X-Secondcall-Id} values of all messages now in {@code folder}.
   *
   * @throws FolderMissingException when the folder does not exist, which must not be mistaken
   *     for a folder whose messages the user deleted
   */
  Set<String> secondcallIds(MailFolder folder);

  /**
   * A token that changes whenever anything in {@code folder} changes: a message added or
   * removed, or its flags changed. Lets the engine skip reading a folder it has already seen in
   * that state. Empty when the server cannot say so cheaply (IMAP without CONDSTORE cannot see
   * a flag change without reading the folder), and then the folder must be read.
   */
  default Optional<String> version(MailFolder folder) {
    return Optional.empty();
  }

  /**
   * The cycle that read through this source is over: where an adapter counts what a cycle cost
   * (Gmail quota units) or keeps per-cycle caches, this is where it logs and forgets. Nothing by
   * default.
   */
  default void cycleEnded() {}
}
