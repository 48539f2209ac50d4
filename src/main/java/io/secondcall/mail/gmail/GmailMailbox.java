package io.secondcall.mail.gmail;

import com.google.api.client.util.Sleeper;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Profile;
import io.secondcall.google.GoogleConnection;
import io.secondcall.google.GoogleFailures;
import io.secondcall.mail.gmail.Quota.Method;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.FolderMissingException;
import io.secondcall.port.MailFolder;
import io.secondcall.port.Mailbox;
import io.secondcall.port.ServerAccessException;
import io.secondcall.port.SyncCursor;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's mailbox through the Gmail API: everything the IMAP adapter does, behind the same
 * ports. Folders are labels (SENT, INBOX, DRAFT, and {@code followup.stop_folder} as a label
 * name); a message's UID is its Gmail id read as a number, and a cursor holds a history id.
 * Reads are batched; a quiet cycle costs one history.list (2 quota units); the units each cycle
 * spent are logged when it ends. Drafts go in with drafts.create in the thread they answer, the
 * digest with messages.insert. Nothing is ever sent.
 *
 * <p>Every failure to reach or talk to Gmail is a {@link ServerAccessException}: transient for
 * network trouble, 429 and 5xx (after retries), not transient for a refused authorisation.
 * Calls are serialised.
 */
public final class GmailMailbox implements Mailbox {

  private static final Logger log = LoggerFactory.getLogger(GmailMailbox.class);
  /** Above this a cycle's quota is worth an info line: a full read, or many drafts. */
  private static final int NOTABLE_UNITS = 1_000;

  private final String label;
  private final GmailCalls calls;
  private final Labels labels;
  private final MessageReader reader;
  private final DraftIndex drafts;
  private final HistoryRounds history;
  private final FolderReader folders;
  private final Outbox outbox;

  /**
   * @param account the user's address, as log lines start with it
   * @param stopLabel {@code followup.stop_folder}: the label that stops a conversation
   * @param sleeper waits between retries of a call; random the jitter of those waits, in [0, 1)
   */
  GmailMailbox(Gmail client, String account, String stopLabel, GoogleFailures failures, Sleeper sleeper,
      DoubleSupplier random) {
    this.label = Objects.requireNonNull(account, "account");
    this.calls = new GmailCalls(client, account, failures, sleeper, random);
    this.labels = new Labels(calls);
    this.reader = new MessageReader(calls, labels, account);
    this.drafts = new DraftIndex(calls, reader);
    this.history = new HistoryRounds(calls, this::followed);
    this.folders = new FolderReader(calls, labels, reader, history, Objects.requireNonNull(stopLabel, "stopLabel"),
        account);
    this.outbox = new Outbox(calls, reader, drafts, account);
  }

  /** The mailbox on a shared connection (one credential for Gmail and Calendar, one token writer). */
  public static GmailMailbox on(GoogleConnection connection, String account, String stopLabel) {
    return on(connection, account, stopLabel, Sleeper.DEFAULT, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** As {@link #on(GoogleConnection, String, String)}, with the waits between retries injected. */
  public static GmailMailbox on(GoogleConnection connection, String account, String stopLabel, Sleeper sleeper,
      DoubleSupplier random) {
    Gmail client = new Gmail.Builder(connection.transport(), connection.jsonFactory(), connection.initializer())
        .setRootUrl(connection.rootUrl())
        .setApplicationName("secondcall")
        .build();
    return new GmailMailbox(client, account, stopLabel, connection.failures(), sleeper, random);
  }

  /** The account's address and size, from getProfile: what {@code secondcall check} shows. */
  public synchronized String describe() {
    Profile p = calls.call(Method.GET_PROFILE, users -> users.getProfile("me"));
    return p.getEmailAddress() + ", " + p.getMessagesTotal() + " messages";
  }

  @Override
  public synchronized FolderChanges changes(MailFolder folder, SyncCursor cursor, Instant notBefore) {
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(notBefore, "notBefore");
    return folders.changes(folder, cursor, notBefore);
  }

  @Override
  public synchronized Map<Long, String> texts(MailFolder folder, long uidValidity, Collection<Long> uids) {
    // Gmail ids hold across labels; a UID of another validity is no Gmail id (a cursor from IMAP days).
    if (uids.isEmpty() || uidValidity != GmailIds.VALIDITY) {
      return Map.of();
    }
    return reader.texts(uids);
  }

  @Override
  public synchronized Set<String> secondcallIds(MailFolder folder) {
    if (folder == MailFolder.DRAFTS) {
      return drafts.secondcallIds();
    }
    Optional<String> labelId = folders.labelId(folder);
    if (labelId.isEmpty()) {
      throw new FolderMissingException(folder, folders.labelName(folder));
    }
    // In the inbox only the digests are ours, and their subject finds them.
    String query = folder == MailFolder.INBOX ? "subject:secondcall" : null;
    Set<String> ids = new java.util.HashSet<>(reader.secondcallIds(reader.list(labelId.get(), query)).values());
    ids.remove("");
    return ids;
  }

  @Override
  public synchronized void saveDraft(MimeMessage draft) {
    outbox.saveDraft(draft);
  }

  @Override
  public synchronized void deleteDrafts(Collection<String> secondcallIds) {
    if (!secondcallIds.isEmpty()) {
      outbox.deleteDrafts(secondcallIds);
    }
  }

  @Override
  public synchronized void deliverToInbox(MimeMessage message) {
    outbox.deliverToInbox(message);
  }

  /** Logs what the cycle cost and forgets what was kept for it. */
  @Override
  public synchronized void cycleEnded() {
    logQuota("this cycle");
    history.endCycle();
    labels.newCycle();
    reader.forgetTexts();
  }

  /** The quota units spent since the last cycle ended (for tests and {@code check}). */
  synchronized Quota quota() {
    return calls.quota();
  }

  @Override
  public synchronized void close() {
    if (calls.quota().units() > 0) {
      logQuota("since the last cycle");
    }
  }

  private void followed(HistoryRounds.Round round) {
    drafts.apply(round);
    round.records().forEach(h -> {
      HistoryRounds.nonNull(h.getMessagesAdded()).forEach(a -> labels.seen(a.getMessage() == null ? null : a.getMessage().getLabelIds()));
      HistoryRounds.nonNull(h.getLabelsAdded()).forEach(a -> labels.seen(a.getLabelIds()));
    });
  }

  private void logQuota(String when) {
    Quota quota = calls.quota();
    if (quota.units() >= NOTABLE_UNITS) {
      log.info("{} Gmail quota {}: {}", label, when, quota.summary());
    } else {
      log.debug("{} Gmail quota {}: {}", label, when, quota.summary());
    }
    quota.reset();
  }
}
