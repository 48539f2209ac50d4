package io.secondcall.mail.imap;

import io.secondcall.port.MailboxSetupException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link ImapMailbox} writes into a folder and finds there again: messages tagged with an
 * {@code X-Secondcall-Id} header. Appends drafts, reads the ids present, removes drafts by id.
 * The mailbox opens and closes the folders, holds its monitor and maps the exceptions.
 */
final class TaggedMessages {

  private static final Logger log = LoggerFactory.getLogger(TaggedMessages.class);
  private static final String ID_HEADER = "X-Secondcall-Id";
  private static final String DRAFTS_KEY = "mail.imap.drafts_folder";

  private final String label;

  /** @param label the account, as log lines start with it */
  TaggedMessages(String label) {
    this.label = label;
  }

  /** The ids of those of {@code messages} (of the open {@code folder}) that are tagged and not \Deleted, by UID. */
  Map<Long, String> idsByUid(IMAPFolder folder, Message[] messages) throws MessagingException {
    Map<Long, String> ids = new HashMap<>();
    for (Message m : tagged(folder, messages)) {
      ids.put(folder.getUID(m), idOf(m));
    }
    return ids;
  }

  /**
   * Appends {@code draft} flagged \Draft and \Seen to {@code folder}, named {@code name},
   * creating and subscribing the folder when it is missing.
   */
  void appendDraft(IMAPFolder folder, String name, MimeMessage draft) throws MessagingException {
    if (!folder.exists()) {
      FolderCreation.create(folder, name, DRAFTS_KEY);
      log.info("{} created drafts folder '{}'", label, name);
    }
    draft.setFlag(Flags.Flag.DRAFT, true);
    draft.setFlag(Flags.Flag.SEEN, true);
    try {
      folder.appendMessages(new Message[] {draft});
    } catch (MessagingException e) {
      if (!(e.getCause() instanceof CommandFailedException refused)) {
        throw e;
      }
      // A NO (no right to insert, over quota) is the server's or the config's to fix, not an
      // outage to wait out: said once, in the server's words, naming the key.
      throw new MailboxSetupException(DRAFTS_KEY, "the server refused to store a draft in \"" + name + "\" ("
          + DRAFTS_KEY + "): " + FolderCreation.serverWords(refused), e);
    }
  }

  /**
   * Removes the tagged messages with these ids from {@code folder}, named {@code name} and open
   * read-write: with UID EXPUNGE where the server has UIDPLUS, so that only ours go, not what
   * the user marked deleted.
   */
  void remove(IMAPFolder folder, String name, Collection<String> secondcallIds)
      throws MessagingException {
    List<Message> doomed = new ArrayList<>();
    for (Message m : tagged(folder, folder.getMessages())) {
      if (secondcallIds.contains(idOf(m))) {
        doomed.add(m);
      }
    }
    if (doomed.isEmpty()) {
      return;
    }
    Message[] batch = doomed.toArray(new Message[0]);
    folder.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
    // Asked on the folder's own connection: the store's hasCapability wants a connection of its
    // own while the folder holds one, which costs a second login.
    if ((Boolean) folder.doCommand(p -> p.hasCapability("UIDPLUS"))) {
      folder.expunge(batch);
    } else {
      folder.expunge();
    }
    log.debug("{} removed {} draft(s) from '{}'", label, batch.length, name);
  }

  /** Those of {@code all} with an X-Secondcall-Id and without \Deleted, their header and flags fetched in one FETCH. */
  private static List<Message> tagged(IMAPFolder folder, Message[] all) throws MessagingException {
    List<Message> out = new ArrayList<>();
    if (all.length == 0) {
      return out;
    }
    FetchProfile fp = new FetchProfile();
    fp.add(ID_HEADER);
    fp.add(FetchProfile.Item.FLAGS);
    fp.add(UIDFolder.FetchProfileItem.UID);
    folder.fetch(all, fp);
    for (Message m : all) {
      if (idOf(m) != null && !m.isSet(Flags.Flag.DELETED)) {
        out.add(m);
      }
    }
    return out;
  }

  private static String idOf(Message m) {
    String value = MessageMapper.header(m, ID_HEADER);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
