package io.secondcall.cli;

import io.secondcall.app.Application;
import io.secondcall.config.Config;
import io.secondcall.config.ConfigException;
import io.secondcall.config.ImapSettings;
import io.secondcall.config.Secret;
import io.secondcall.core.MailMessage;
import io.secondcall.mail.gmail.GmailMailbox;
import io.secondcall.mail.imap.FolderInfo;
import io.secondcall.mail.imap.ImapMailbox;
import io.secondcall.port.MailFolder;
import io.secondcall.port.ServerAccessException;
import io.secondcall.port.SyncCursor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The lines of {@code check} on the mailbox: the login, then each folder secondcall reads or
 * writes, with what it holds. A folder that is missing or read-only fails here rather than in
 * the first cycle, where Sent would look empty and a draft would have nowhere to go.
 */
final class MailboxCheck {

  private final Checklist list;
  private final Config config;
  private final Clock clock;

  MailboxCheck(Checklist list, Config config, Clock clock) {
    this.clock = clock;
    this.list = list;
    this.config = config;
  }

  void run() {
    ImapSettings imap = config.mail().imap();
    if (imap == null) {
      list.check("gmail", "Gmail API at " + config.google().api(), () -> {
        try (GmailMailbox mailbox = GmailMailbox.on(Application.openGoogle(config), config.primaryAddress(),
            config.followUp().stopFolder())) {
          return mailbox.describe();
        }
      });
      return;
    }
    String what = imap.host() + ":" + imap.port() + " (" + imap.security().name().toLowerCase(Locale.ROOT) + ") as "
        + imap.username();
    try (ImapMailbox mailbox = new ImapMailbox(Application.imapAccount(config))) {
      boolean in = list.check("imap", what, () -> {
        login(mailbox, imap.password());
        return "Sent is \"" + mailbox.requireSentFolder() + "\", Drafts is \""
            + mailbox.folderName(MailFolder.DRAFTS) + "\"" + idle(mailbox);
      });
      if (in) {
        folder(mailbox, MailFolder.SENT, "mail.imap.sent_folder", imap.sentFolder());
        folder(mailbox, MailFolder.DRAFTS, "mail.imap.drafts_folder", imap.draftsFolder());
        folder(mailbox, MailFolder.INBOX, "mail.imap.inbox_folder", imap.inboxFolder());
        stopFolder(mailbox);
      }
    }
  }

  private static String idle(ImapMailbox mailbox) {
    if (!mailbox.supportsIdle()) {
      return "";
    }
    return ", IDLE supported" + mailbox.idleNote().map(note -> " (Cyrus: at once only where idled runs)").orElse("");
  }

  private static void login(ImapMailbox mailbox, Secret password) {
    try {
      mailbox.connect();
    } catch (ServerAccessException e) {
      throw namingSecret(e, password);
    }
  }

  /**
   * A refused login says where the password came from: a stale file or an unset variable in the
   * service's environment is the usual cause, and the wrong one is easily edited.
   */
  static ServerAccessException namingSecret(ServerAccessException e, Secret password) {
    if (e.isTransient()) {
      return e;
    }
    return new ServerAccessException(e.getMessage() + " (password from " + password.source() + ")", e.host(),
        e.port(), false, e);
  }

  /**
   * A folder named in the config must exist: a typo would otherwise read nothing or file drafts
   * where the user never looks. One found by its flag or usual name may be missing yet: the first
   * draft creates Drafts, and a mailbox that never sent anything has no Sent.
   */
  private void folder(ImapMailbox mailbox, MailFolder role, String key, String configured) {
    String part = role.name().toLowerCase(Locale.ROOT);
    String what = "folder \"" + name(mailbox, role) + "\"";
    try {
      FolderInfo info = mailbox.inspect(role);
      boolean written = role != MailFolder.SENT;
      if (info.exists()) {
        if (written && !info.writable()) {
          throw new ConfigException(config.source(), key, "the server lets secondcall only read \"" + info.name()
              + "\", and " + (role == MailFolder.DRAFTS ? "drafts" : "the digest") + " go there: name a folder it can write to");
        }
        String sent = role == MailFolder.SENT && info.messages() > 0 ? ", " + sentByMe(mailbox, info) : "";
        list.note(part, what, "ok, " + info.messages() + " messages" + (written ? ", writable" : "") + sent);
      } else if (configured != null) {
        throw missing(mailbox, info, key, configured);
      } else if (role == MailFolder.DRAFTS) {
        list.note(part, what, "ok, not there yet; the first draft creates it");
      } else {
        list.warn(part, what, "not there", "nothing is followed up until your mail client creates it; if your sent"
            + " mail is in another folder, set " + key + " to it (the server has: " + String.join(", ", mailbox.folders())
            + ")");
      }
    } catch (RuntimeException e) {
      list.failed(part, what, e);
    }
  }

  /**
   * What of the look-back window the user sent, so that scan follows it up. A Sent folder whose
   * recent mail is all from other addresses (another account's, a shared folder) or an address
   * missing from me.addresses would be read for ever and followed up never.
   */
  private String sentByMe(ImapMailbox mailbox, FolderInfo info) {
    int days = config.followUp().lookbackDays();
    List<MailMessage> window = mailbox.changes(MailFolder.SENT, SyncCursor.NONE,
        clock.instant().minus(Duration.ofDays(days))).messages();
    long mine = window.stream().filter(m -> m.from() != null && config.identity().isMe(m.from())).count();
    if (!window.isEmpty() && mine == 0) {
      throw new ConfigException(config.source(), "me.addresses", "none of the " + window.size()
          + " messages of the last " + days + " days in \"" + info.name() + "\" is from "
          + String.join(", ", config.identity().addresses()) + ": add the address you send from to me.addresses,"
          + " or set mail.imap.sent_folder to the folder your mail client keeps your sent mail in");
    }
    return mine + " from you in the last " + days + " days";
  }

  private ConfigException missing(ImapMailbox mailbox, FolderInfo info, String key, String configured) {
    String choices = String.join(", ", mailbox.folders());
    if (configured != null) {
      return ConfigException.expected(config.source(), key, "an existing folder (the server has: " + choices + ")",
          "\"" + info.name() + "\"");
    }
    return new ConfigException(config.source(), key, "unset, and the server has no folder flagged \\"
        + (info.role() == MailFolder.SENT ? "Sent" : "Drafts") + " nor one named \"" + info.name()
        + "\": set it to one of: " + choices);
  }

  /** The folder's name; should the server fail to list its folders, the check below says why. */
  private String name(ImapMailbox mailbox, MailFolder role) {
    try {
      return mailbox.folderName(role);
    } catch (ServerAccessException e) {
      return role == MailFolder.STOP ? config.followUp().stopFolder() : role.name();
    }
  }

  /** Optional by design: the user creates it to stop a conversation by moving it there. */
  private void stopFolder(ImapMailbox mailbox) {
    String what = "folder \"" + name(mailbox, MailFolder.STOP) + "\"";
    try {
      FolderInfo info = mailbox.inspect(MailFolder.STOP);
      list.note("stop", what, info.exists()
          ? "ok, " + info.messages() + " messages"
          : "ok, not there yet; create it to end a sequence by moving its conversation there");
    } catch (RuntimeException e) {
      list.failed("stop", what, e);
    }
  }
}
