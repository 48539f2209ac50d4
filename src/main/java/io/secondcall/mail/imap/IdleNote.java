package io.secondcall.mail.imap;

import jakarta.mail.MessagingException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Cyrus IMAP offers IDLE in any case, but reports new mail at once only where its idled daemon
 * runs; without it (a common set-up) imapd looks at the mailbox every {@code imapidlepoll}
 * seconds, 60 by default, and an answer then waits that long to be acted on. Nothing on the
 * wire tells the two apart, so the server's ID (RFC 2971) is asked once and, for Cyrus, the
 * user is told what to expect. The regular poll goes on either way.
 */
final class IdleNote {

  static final String CYRUS = "IDLE on Cyrus IMAP reports new mail at once only where Cyrus's idled runs;"
      + " without it, up to imapidlepoll (60 s by default) later. The regular poll (daemon.poll_seconds) goes on"
      + " either way.";

  private IdleNote() {}

  static Optional<String> of(IMAPStore store) throws MessagingException {
    if (!store.hasCapability("ID")) {
      return Optional.empty();
    }
    Map<String, String> server;
    try {
      server = store.id(Map.of("name", "secondcall"));
    } catch (MessagingException e) {
      // A refused ID changes nothing: it only decides whether there is something to tell.
      return Optional.empty();
    }
    // What the server says about itself is only compared, never shown.
    String name = server == null ? "" : String.valueOf(server.get("name")).toLowerCase(Locale.ROOT);
    return name.contains("cyrus") ? Optional.of(CYRUS) : Optional.empty();
  }
}
