package io.secondcall.corpus;

import jakarta.mail.internet.MimeUtility;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A message read back from Dovecot, with what the assertions need worked out: sender, date (the
 * Date header, else the INTERNALDATE, as a mail client shows it), the Message-IDs it refers to,
 * and whether it is an auto-reply or bounce (which never counts as an answer; list headers alone
 * do not make a message automatic, SPEC section 4).
 */
record Mail(ServerMailbox.Stored stored, String from, Instant date, String messageId, Set<String> refs,
    boolean automatic, String subject) {

  private static final Pattern OUT_OF_OFFICE = Pattern.compile(
      "out of (?:the )?office|auto(?:matic)?[ -]?reply|autoreply|abwesen|absence|vacation|fuera de la oficina"
          + "|undeliver|delivery (?:status|fail)|returned mail|failure notice",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DAEMON = Pattern.compile("mailer[-_.]?daemon|postmaster", Pattern.CASE_INSENSITIVE);

  static Mail of(ServerMailbox.Stored s) {
    List<String> from = ListEvidence.addresses(s.first("From"));
    Instant date = CorpusDates.parse(unfold(s.first("Date"))).orElse(s.internalDate());
    Set<String> refs = new LinkedHashSet<>();
    s.header("References").forEach(v -> refs.addAll(Threading.ids(v)));
    s.header("In-Reply-To").forEach(v -> refs.addAll(Threading.ids(v)));
    List<String> ids = Threading.ids(s.first("Message-ID"));
    String subject = decoded(s.first("Subject"));
    return new Mail(s, from.isEmpty() ? "" : from.get(0), date, ids.isEmpty() ? "" : ids.get(0), refs,
        automatic(s, from, subject), subject);
  }

  private static boolean automatic(ServerMailbox.Stored s, List<String> from, String subject) {
    String autoSubmitted = unfold(s.first("Auto-Submitted")).toLowerCase(Locale.ROOT);
    return !autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no")
        || !s.header("X-Autoreply").isEmpty()
        || !s.header("X-Autorespond").isEmpty()
        || unfold(s.first("Precedence")).equalsIgnoreCase("auto_reply")
        || unfold(s.first("Content-Type")).toLowerCase(Locale.ROOT).startsWith("multipart/report")
        || !from.isEmpty() && DAEMON.matcher(ListEvidence.localPart(from.get(0))).matches()
        || OUT_OF_OFFICE.matcher(subject).find();
  }

  /** Whether it carries what the issue saw make answers look like newsletters. */
  boolean listHeaders() {
    return !stored.header("List-Id").isEmpty() || !stored.header("List-Unsubscribe").isEmpty()
        || !stored.header("List-Post").isEmpty()
        || unfold(stored.first("Precedence")).matches("(?i)bulk|list|junk");
  }

  Optional<String> secondcallId() {
    String id = unfold(stored.first("X-Secondcall-Id"));
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }

  List<String> recipients() {
    return ListEvidence.addresses(stored::header, "To", "Cc");
  }

  static String unfold(String raw) {
    return raw == null ? "" : raw.replaceAll("\r?\n(?=[ \t])", "").strip();
  }

  /** RFC 2047 decoded for showing in failure messages; as it is when it does not decode. */
  static String decoded(String raw) {
    String unfolded = unfold(raw);
    try {
      return MimeUtility.decodeText(unfolded);
    } catch (Exception e) {
      return unfolded;
    }
  }
}
