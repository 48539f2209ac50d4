package io.secondcall.mail.imap;

import io.secondcall.core.MailMessage;
import io.secondcall.mail.mime.HeaderFields;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import io.secondcall.port.ServerAccessException;
import io.secondcall.port.SyncCursor;
import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what is new in one open folder: after the cursor's UID, or, on a first sync or a
 * UIDVALIDITY change, everything dated inside the look-back window. Headers of the whole batch
 * come in one FETCH; a message that cannot be read is logged and counted, never fatal.
 */
final class ChangeReader {

  private static final Logger log = LoggerFactory.getLogger(ChangeReader.class);

  private final String accountLabel;

  ChangeReader(String accountLabel) {
    this.accountLabel = accountLabel;
  }

  FolderChanges read(IMAPFolder folder, MailFolder role, SyncCursor cursor, Instant notBefore)
      throws MessagingException {
    long validity = folder.getUIDValidity();
    long uidNext = folder.getUIDNext();
    boolean resync = cursor.isNone() || cursor.uidValidity() != validity;
    long after = resync ? 0 : cursor.lastUid();

    Message[] candidates = resync ? sinceWindow(folder, notBefore) : afterUid(folder, after);
    folder.fetch(candidates, profile());
    fetchStructures(folder, candidates);
    SmallParts parts = SmallParts.fetch(folder, candidates);

    MessageMapper mapper = new MessageMapper();
    List<MailMessage> messages = new ArrayList<>();
    long maxUid = Math.max(after, uidNext > 0 ? uidNext - 1 : 0);
    int skipped = 0;
    for (Message candidate : candidates) {
      long uid = folder.getUID(candidate);
      if (uid <= after) {
        // IMAP answers n:* with the last message even when n is beyond it (RFC 3501 6.4.8).
        continue;
      }
      maxUid = Math.max(maxUid, uid);
      try {
        MailMessage message = mapper.map((IMAPMessage) candidate, uid, parts);
        if (!resync || !message.date().isBefore(notBefore)) {
          messages.add(message);
        }
      } catch (Exception e) {
        skipped++;
        log.warn("{} folder {} uid {}: skipped unreadable message: {}",
            accountLabel, folder.getFullName(), uid, ServerAccessException.reason(e));
      }
    }
    messages.sort(Comparator.comparingLong(MailMessage::uid));
    SyncCursor next = new SyncCursor(validity, maxUid);
    return new FolderChanges(role, next, resync, messages, skipped);
  }

  /**
   * Body structures in one more FETCH, only for the messages whose parts the mapper reads
   * (multipart, calendar): the server parses a message to answer BODYSTRUCTURE, and asking it for
   * every message in the window made a first scan cost many times the headers alone.
   */
  private static void fetchStructures(IMAPFolder folder, Message[] candidates) throws MessagingException {
    List<Message> parts = new ArrayList<>();
    for (Message m : candidates) {
      if (MessageMapper.needsStructure(m)) {
        parts.add(m);
      }
    }
    if (!parts.isEmpty()) {
      FetchProfile fp = new FetchProfile();
      fp.add(FetchProfile.Item.CONTENT_INFO);
      folder.fetch(parts.toArray(new Message[0]), fp);
    }
  }

  /**
   * SEARCH SINCE is date-granular and compares the server's internal date, so the window starts
   * a day early and the exact cut happens on the parsed date. SINCE only: SENTSINCE makes
   * Dovecot read the Date header of every message in the folder on a cold cache, and a sent or
   * delivered message's internal date is when it was stored, never before its Date header
   * except for mail imported with its dates (caught by the day of slack).
   */
  private static Message[] sinceWindow(IMAPFolder folder, Instant notBefore) throws MessagingException {
    Date since = Date.from(notBefore.minus(Duration.ofDays(1)));
    return folder.search(new ReceivedDateTerm(ComparisonTerm.GE, since));
  }

  private static Message[] afterUid(IMAPFolder folder, long lastUid) throws MessagingException {
    return folder.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
  }

  static FetchProfile profile() {
    FetchProfile fp = new FetchProfile();
    fp.add(FetchProfile.Item.ENVELOPE);
    fp.add(UIDFolder.FetchProfileItem.UID);
    for (String header : HeaderFields.FETCHED) {
      fp.add(header);
    }
    return fp;
  }
}
