package io.secondcall.corpus;

import java.util.regex.Pattern;

/** Addresses nobody reads answers to: no-reply, do-not-reply, mailer-daemon, postmaster (SPEC section 3). */
final class NoReply {

  private static final Pattern LOCAL_PART = Pattern.compile(
      "(?:.*[-_.+])?(?:no[-_.]?reply|do[-_.]?not[-_.]?reply)(?:[-_.+].*)?|mailer[-_.]?daemon|postmaster",
      Pattern.CASE_INSENSITIVE);

  private NoReply() {}

  static boolean matches(String address) {
    return LOCAL_PART.matcher(ListEvidence.localPart(address)).matches();
  }
}
