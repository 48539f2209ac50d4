package io.secondcall.port;

import jakarta.mail.internet.MimeMessage;
import java.util.Collection;

/**
 * Writes what secondcall prepares: drafts and the digest. Every message carries an
 * {@code X-Secondcall-Id} header so that it is found again after a crash.
 */
public interface DraftSink {

  /** Saves a draft in the drafts folder with the {@code \Draft} flag. */
  void saveDraft(MimeMessage draft);

  /** Removes unsent drafts carrying these {@code X-Secondcall-Id}s; ids not found are ignored. */
  void deleteDrafts(Collection<String> secondcallIds);

  /** Puts a message (the digest) into the user's inbox, unread. */
  void deliverToInbox(MimeMessage message);
}
