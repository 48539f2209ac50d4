package io.secondcall.core;

import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a personal message is a genuine reply to a conversation (SPEC section 4),
 * according to {@code followup.reply_match}.
 */
public final class ReplyMatcher {

  /**
   * Mailbox providers shared by millions of unrelated people: a colleague of a contact at
   * gmail.com is no colleague, so {@code domain} matching falls back to the contact here.
   */
  private static final Set<String> FREE_MAIL = Set.of(
      "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com",
      "icloud.com", "me.com", "mac.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de", "t-online.de",
      "aol.com", "proton.me", "protonmail.com", "pm.me", "mail.com", "yandex.ru", "yandex.com", "orange.fr",
      "free.fr", "laposte.net", "wanadoo.fr", "sfr.fr", "libero.it", "qq.com", "163.com", "mail.ru",
      "zoho.com", "fastmail.com", "posteo.de", "mailbox.org", "freenet.de", "hotmail.de", "hotmail.fr",
      "yahoo.de", "yahoo.fr", "yahoo.es", "outlook.de", "outlook.fr", "hotmail.es", "live.de", "live.fr",
      "hotmail.co.uk", "yahoo.co.uk", "btinternet.com");

  private final Identity identity;
  private final FollowUpRules.ReplyMatch match;

  public ReplyMatcher(Identity identity, FollowUpRules.ReplyMatch match) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.match = Objects.requireNonNull(match, "match");
  }

  /** Whether {@code domain} is a public mailbox provider where a domain says nothing about a company. */
  public static boolean isFreeMail(String domain) {
    return domain != null && FREE_MAIL.contains(domain.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Whether {@code personal} answers {@code c}: dated after the last touch, not from the user,
   * and in the conversation (a referenced Message-ID or the same Gmail thread) or, depending on
   * the reply match, from a contact or from a contact's company domain.
   *
   * @param conversationMessageIds every Message-ID known to belong to the conversation
   */
  public boolean answers(MailMessage personal, Conversation c, Set<String> conversationMessageIds) {
    return answers(personal, c, conversationMessageIds, false);
  }

  /**
   * As {@link #answers(MailMessage, Conversation, Set)}; with {@code listMail} (the message carries
   * list or bulk headers) only the thread or the contact themselves count, never a colleague: a
   * company newsletter is no answer, but a contact's answer sent through a CRM is.
   */
  public boolean answers(MailMessage personal, Conversation c, Set<String> conversationMessageIds, boolean listMail) {
    EmailAddress from = personal.from();
    if (from == null || identity.isMe(from) || !personal.date().isAfter(c.lastTouchAt())) {
      return false;
    }
    if (personal.referencedIds().stream().anyMatch(conversationMessageIds::contains)) {
      return true;
    }
    if (personal.threadId() != null && personal.threadId().equals(c.threadId())) {
      return true;
    }
    if (match == FollowUpRules.ReplyMatch.THREAD) {
      return false;
    }
    if (c.contacts().stream().anyMatch(contact -> sameMailbox(contact, from))) {
      return true;
    }
    return !listMail && match == FollowUpRules.ReplyMatch.DOMAIN
        && !isFreeMail(from.domain())
        && c.contacts().stream().anyMatch(contact -> contact.domain().equals(from.domain()));
  }

  /** {@code alice+sales@x} is Alice's mailbox too. */
  private static boolean sameMailbox(EmailAddress a, EmailAddress b) {
    return a.address().equals(b.address()) || a.baseAddress().equals(b.baseAddress());
  }
}
