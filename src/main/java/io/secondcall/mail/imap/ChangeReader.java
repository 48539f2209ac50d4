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
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.SentDateTerm;
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
        MailMessage message = mapper.map((IMAPMessage) candidate, uid);
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
   * SEARCH SINCE is date-granular and compares the server's internal date (or, for SENTSINCE,
   * the Date header in the server's reading), so the window starts a day early and the exact
   * cut happens on the parsed date.
   */
  private static Message[] sinceWindow(IMAPFolder folder, Instant notBefore) throws MessagingException {
    Date since = Date.from(notBefore.minus(Duration.ofDays(1)));
    return folder.search(new OrTerm(
        new ReceivedDateTerm(ComparisonTerm.GE, since),
        new SentDateTerm(ComparisonTerm.GE, since)));
  }

  private static Message[] afterUid(IMAPFolder folder, long lastUid) throws MessagingException {
    return folder.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
  }

  static FetchProfile profile() {
    FetchProfile fp = new FetchProfile();
    fp.add(FetchProfile.Item.ENVELOPE);
    fp.add(FetchProfile.Item.CONTENT_INFO);
    fp.add(UIDFolder.FetchProfileItem.UID);
    for (String header : HeaderFields.FETCHED) {
      fp.add(header);
    }
    return fp;
  }
}
