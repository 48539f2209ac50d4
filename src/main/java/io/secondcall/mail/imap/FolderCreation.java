package io.secondcall.mail.imap;

import io.secondcall.port.MailboxSetupException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Creates a folder and subscribes to it, keeping the server's own words when it refuses.
 * {@code Folder.create} only answers false to a NO ("Permission denied", "Invalid mailbox
 * name"), and the user needs those words to fix the server or the config.
 */
final class FolderCreation {

  private FolderCreation() {}

  /**
   * @param key the config key that names the folder, for the message
   * @throws MailboxSetupException when the server answers NO: a config or server problem that
   *     a retry will not fix
   * @throws MessagingException when the connection fails
   */
  static void create(IMAPFolder folder, String name, String key) throws MessagingException {
    try {
      folder.doCommand(protocol -> {
        protocol.create(name);
        return null;
      });
    } catch (MessagingException e) {
      if (!(e.getCause() instanceof CommandFailedException refused)) {
        throw e;
      }
      throw new MailboxSetupException(key, "the server refused to create the folder \""
          + name + "\" (" + key + "): " + serverWords(refused), e);
    }
    folder.setSubscribed(true);
  }

  /** The text of the server's NO, without the tag and the status word. */
  static String serverWords(CommandFailedException refused) {
    String rest = refused.getResponse() == null ? null : refused.getResponse().getRest();
    return rest == null || rest.isBlank() ? refused.getMessage() : rest.strip();
  }
}
