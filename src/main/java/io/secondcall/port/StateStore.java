package io.secondcall.port;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Everything secondcall remembers between cycles. Writes are durable when
 * {@link #inTransaction} returns, so that a kill -9 at any instant loses no tracked
 * conversation and never repeats a draft, digest entry or calendar block.
 */
public interface StateStore extends AutoCloseable {

  /**
   * Runs {@code work} in one transaction: all its writes land, or none. A call inside another
   * transaction joins it.
   */
  void inTransaction(Runnable work);

  /** Runs {@code work} in a transaction that is always rolled back (for {@code scan --dry-run}). */
  void inDiscardedTransaction(Runnable work);

  /** When secondcall first scanned this mailbox; the look-back window counts from here. */
  Optional<Instant> firstScanAt();

  void setFirstScanAt(Instant at);

  /** {@link SyncCursor#NONE} for a folder never synced. */
  SyncCursor cursor(MailFolder folder);

  void saveCursor(MailFolder folder, SyncCursor cursor);

  /**
   * Inserts the conversation, or replaces the stored one with the same id when that is still the
   * version {@code conversation} was read at ({@link Conversation#version()}).
   *
   * @return the conversation as stored now, with its new version: save that one next time
   * @throws StaleStateException when the stored row changed since (or, for version 0, exists);
   *     nothing is written and the caller's transaction should be rolled back and retried
   */
  Conversation save(Conversation conversation);

  Optional<Conversation> conversation(String id);

  /** All conversations, active and ended, oldest first. */
  List<Conversation> conversations();

  List<Conversation> activeConversations();

  /** The active conversations with a contact at {@code domain}, oldest first. */
  List<Conversation> activeWithDomain(String domain);

  /** The active conversations in this Gmail thread, oldest first. */
  List<Conversation> activeInThread(String threadId);

  /** The conversations, active or ended, with this address among their contacts, oldest first. */
  List<Conversation> conversationsWith(EmailAddress address);

  /**
   * When the user touched the conversation's contact, touch 1 (the outreach) first. {@link #save}
   * records a touch whenever the conversation it saves counts one more than recorded, at its
   * {@link Conversation#lastTouchAt()}; state from before this record began holds the first and
   * the last touch only.
   */
  List<Instant> touchTimes(String conversationId);

  /** Remembers that an auto-reply (out of office) paused the conversation; idempotent. */
  void addAutoReply(String conversationId, Instant at);

  /** When auto-replies paused the conversation, oldest first. */
  List<Instant> autoReplies(String conversationId);

  /** Remembers that a Message-ID belongs to a conversation (idempotent). */
  void linkMessage(String messageId, String conversationId);

  Optional<String> conversationOfMessage(String messageId);

  /** Inserts or replaces the step with the same secondcall id. */
  void saveStep(StepRecord step);

  Optional<StepRecord> step(String secondcallId);

  /** The conversation's steps by number. */
  List<StepRecord> steps(String conversationId);

  List<StepRecord> stepsIn(StepRecord.State state);

  /**
   * Steps in this state last changed ({@code updatedAt}) at or after {@code since}, by due time:
   * what a cycle needs of states that only grow (SENT, SKIPPED), without reading all history.
   */
  List<StepRecord> stepsChangedSince(StepRecord.State state, Instant since);

  /** Steps of any state with {@code preparedAt} in {@code [from, to)}; for the daily draft cap. */
  int countPreparedBetween(Instant from, Instant to);

  /** Inserts or replaces the callback with the same block id. */
  void saveCallback(CallbackRecord callback);

  Optional<CallbackRecord> callback(String blockId);

  /** The conversation's callbacks, by start. */
  List<CallbackRecord> callbacks(String conversationId);

  /** Callbacks in this state, by start. */
  List<CallbackRecord> callbacksIn(CallbackRecord.State state);

  /** Callbacks in this state that start at or after {@code from}, by start. */
  List<CallbackRecord> callbacksIn(CallbackRecord.State state, Instant from);

  /**
   * A count that grows whenever a conversation or a step is saved (by any process), so that a
   * cycle can tell in one read that nothing it decided on has changed since.
   */
  long changes();

  /**
   * Deletes the ended conversations whose start, last touch and end all lie before
   * {@code cutoff}, with their steps, callbacks, touches, auto-replies and delivered digest
   * entries. Their Message-ID links stay, so that mail read again (a resync) is known as
   * handled and never tracked afresh. Call it inside {@link #inTransaction}, so that it is done
   * whole or not at all.
   *
   * @return how many conversations were deleted
   */
  int archiveEndedBefore(Instant cutoff);

  /**
   * Remembers that inbound mail showed {@code address} to be a mailing list (List-Post, List-Id,
   * a list's bounce Sender); such an address is never a contact.
   *
   * @return true when it was not known before
   */
  boolean addMailingList(String address, String evidence, Instant at);

  boolean isMailingList(String address);

  /** Remembers a contact's phone number (E.164) learned from their mail. */
  void savePhone(String address, String e164);

  Optional<String> phone(String address);

  /** Adds the entry unless one with the same key exists. */
  void addDigestEntry(DigestEntry entry);

  /** Entries not yet delivered, oldest first. */
  List<DigestEntry> pendingDigestEntries();

  void markDigestDelivered(Collection<String> keys, String digestId);

  /** The entries marked delivered with this digest id, oldest first (to rebuild a digest after a crash). */
  List<DigestEntry> digestEntries(String digestId);

  /** A small named value (e.g. the digest being delivered), or empty. */
  Optional<String> meta(String key);

  /** Sets a named value; {@code null} removes it. */
  void setMeta(String key, String value);

  @Override
  void close();
}
