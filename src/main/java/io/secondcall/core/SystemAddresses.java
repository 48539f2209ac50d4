package io.secondcall.core;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Addresses no person reads: no-reply senders, mail system accounts, list robots. They are never
 * contacts (nobody there waits for a follow-up) and mail from them is never an answer.
 */
public final class SystemAddresses {

  private static final Pattern LOCAL_PART = Pattern.compile(
      "^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|mailer[-_]?daemon|postmaster|bounces?"
          + "|notifications?|listserv|majordomo|mailman|auto-?reply|autoresponder)(?:[+\\-._].*)?$"
          + "|^.*[-+._](?:bounces?|request|owner|no[-_.]?reply)$|^owner-.+",
      Pattern.CASE_INSENSITIVE);

  private SystemAddresses() {}

  public static boolean isSystem(EmailAddress a) {
    return a != null && LOCAL_PART.matcher(a.localPart().toLowerCase(Locale.ROOT)).matches();
  }
}
