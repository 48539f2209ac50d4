package io.secondcall.corpus;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first digest tells the owner what secondcall started doing, not the history of his mailbox:
 * at the first scan every answer in the INBOX is older than secondcall, so a "sequence ended"
 * line for an answered conversation there reports a sequence that never ran (the issue counted
 * 88 of 106 such lines).
 */
final class DigestRules {

  private static final Pattern ENDED_SECTION = Pattern.compile("(?m)^Sequences ended \\(\\d+\\):\\R((?:  - .*\\R?)*)");
  private static final Pattern LINE = Pattern.compile("  - (.*)");
  private static final Pattern SUBJECT = Pattern.compile("\"(.*)\"");

  final Violations staleEndings = new Violations(
      "the first digest lists no sequence as ended by an answer that came before the first scan", "digest line(s)");

  DigestRules(MailboxView view, Instant firstScan) throws Exception {
    Optional<Mail> first = view.digests.stream().filter(d -> d.date() != null).min(Comparator.comparing(Mail::date));
    if (first.isEmpty() || first.get().date().isAfter(firstScan.plusSeconds(60))) {
      return; // no digest at the first scan: nothing stale in it
    }
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(first.get().stored().raw()));
    String body = String.valueOf(m.getContent());
    Matcher section = ENDED_SECTION.matcher(body);
    if (!section.find()) {
      return;
    }
    for (String line : section.group(1).lines().toList()) {
      Matcher l = LINE.matcher(line);
      if (!l.matches() || !l.group(1).contains("answered")) {
        continue;
      }
      List<String> addresses = ListEvidence.addresses(l.group(1));
      Matcher subject = SUBJECT.matcher(l.group(1));
      staleEndings.add(addresses.isEmpty() ? "" : addresses.get(0), subject.find() ? subject.group(1) : "",
          "listed in the digest of the first scan as \"" + l.group(1) + "\"");
    }
  }
}
