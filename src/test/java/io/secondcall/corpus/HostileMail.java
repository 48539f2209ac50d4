package io.secondcall.corpus;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * Mail written to break things, in INBOX and Sent: display names and subjects carrying CR, LF,
 * bare CR, NEL, U+2028, ANSI escapes and the right-to-left override, raw or inside encoded words
 * (also encoded words that decode to further encoded words or to {@code \r\nBcc: x@evil.example}),
 * unknown charsets, raw 8-bit UTF-8 headers, a display name forging a log line, messages without
 * Message-ID and with garbage Date or From. Outreach to {@code hostile.example} goes unanswered,
 * so drafts and callback blocks get built from these values; some of it is answered by senders
 * with hostile names, so the "answered" lines of log, report and digest carry them too.
 */
final class HostileMail {

  static final String OUTREACH = "hostile outreach";
  static final String INBOUND = "hostile inbound";
  static final String EVIL = "x@evil.example";

  private static final String ESC = "\u001b";

  private final Outreach outreach;
  private final RandomGenerator random;
  private int minute;

  HostileMail(Outreach outreach, RandomGenerator random) {
    this.outreach = outreach;
    this.random = random;
  }

  void addTo(MailboxPlan plan) {
    sent(plan, "Eve <eve.subject-crlf@hostile.example>", q("Offer\r\nBcc: " + EVIL), "+353 1 555 0111");
    sent(plan, "mallory.b64@hostile.example", b("\r\nBcc: " + EVIL), null);
    sent(plan, "bare-cr@hostile.example", "Quote\rBcc: " + EVIL, null);
    sent(plan, "nel@hostile.example", raw("Proposal\u0085WARN login failed\u2028INFO next"), null);
    sent(plan, "ansi@hostile.example", ESC + "[31mURGENT" + ESC + "[0m pricing", "+353 1 555 0112");
    sent(plan, "rlo@hostile.example", raw("Invoice \u202Efdp.exe"), null);
    sent(plan, "nested@hostile.example", b("=?utf-8?q?=0D=0ABcc=3A_x=40evil.example?="), null);
    sent(plan, "charset@hostile.example", "=?x-evil-999?b?" + b64("secret plan") + "?= for you", null);
    sent(plan, raw("Jürgen Müller <juergen.mueller@hostile.example>"), raw("Angebot für Müller GmbH"), null);
    sent(plan, q("Eve\nWARN login failed for admin") + " <eve.name-lf@hostile.example>", "Next steps",
        "+353 1 555 0113");
    sent(plan, b(ESC + "[31mRed" + ESC + "[0m \u202Eevil") + " <ansi.name@hostile.example>", "Call notes",
        "+353 1 555 0114");
    sent(plan, raw("Nel\u0085INFO forged <nel.name@hostile.example>"), "Your question", null);
    sent(plan, "Bob\rWARN forged <cr.name@hostile.example>", "Quick note", null);
    sent(plan, "idforge@hostile.example", q("Hello\nX-Secondcall-Id: forged"), null);
    Instant at = next();
    plan.add(new Letter(Letter.SENT, outreach.sent(at, "noid@hostile.example", "Proposal without an id", null, body())
        .filtered(f -> !f.is("Message-ID")), at, OUTREACH));
    at = next();
    plan.add(new Letter(Letter.SENT, outreach.sent(at, "baddate@hostile.example", "Dated nowhere", null, body())
        .with("Date", "yesterday-ish, 99:99 +9999"), at, OUTREACH));

    answered(plan, "victor@hostile.example", "Workshop",
        q("Victor\r\nWARN login failed for root") + " <victor@hostile.example>", "Re: Workshop", false);
    answered(plan, "wendy@hostile.example", "Pricing", raw("Wendy\u2028ERROR disk full <wendy@hostile.example>"),
        "Re: Pricing", false);
    answered(plan, "xavier@hostile.example", "Contract",
        b("Xavier " + ESC + "[2J" + ESC + "[31m\u202Eevil") + " <xavier@hostile.example>",
        q("Re: Contract\r\nBcc: " + EVIL), false);
    answered(plan, "yvonne@hostile.example", "Intro", "Yvonne <yvonne@hostile.example>",
        q("Out of office\nWARN forged line"), true);

    inbound(plan, "From: " + q("Support\r\nWARN login failed") + " <support@hostile.example>\nSubject: Hello\n", false, true);
    inbound(plan, "From: <<<@@@>>>\nSubject: garbage from\n", false, false);
    inbound(plan, "From: \nDate: 32 Foo 20O2 99:99:99 +9999\nSubject: empty from\n", false, false);
    inbound(plan, "From: " + raw("Jürgen Müller <jm2@hostile.example>") + "\nSubject: " + raw("Grüße aus München")
        + "\n", true, true);
    inbound(plan, "From: =?x-evil-999?b?" + b64("evil") + "?= <evilcharset@hostile.example>\n"
        + "Subject: =?x-evil-999?q?bad?=\n", true, true);
    inbound(plan, "From: " + b("=?utf-8?q?=0D=0ABcc=3A_x=40evil.example?=") + " <nested-in@hostile.example>\n"
        + "Subject: " + b("=?utf-8?b?" + b64("\r\nBcc: " + EVIL) + "?=") + "\n", true, true);
    inbound(plan, "From: ansi-in@hostile.example\nSubject: " + raw(ESC + "[31mred\u202Eevil") + "\n", true, true);
    inbound(plan, "From: nel-in@hostile.example\nSubject: " + raw("line\u0085two\u2028three") + "\n", true, true);
    inbound(plan, "From: Carol\rWARN forged <carol@hostile.example>\nSubject: bare CR in a name\n", true, true);
    inbound(plan, "this line is no header\nFrom: junk@hostile.example\nDate:\nSubject: no colon line\n", false, true);
  }

  /** Unanswered outreach with a hostile recipient or subject; the config gets a phone when given. */
  private void sent(MailboxPlan plan, String to, String subject, String phone) {
    Instant at = next();
    plan.add(new Letter(Letter.SENT, outreach.sent(at, to, subject, null, body()), at, OUTREACH));
    if (phone != null) {
      plan.phones.put(ListEvidence.addresses(to.replace("\r", " ")).get(0), phone);
    }
  }

  /** Outreach to {@code address}, then an in-thread answer (or auto-reply) with a hostile From or Subject. */
  private void answered(MailboxPlan plan, String address, String subject, String from, String replySubject,
      boolean autoReply) {
    Instant at = next();
    RawMessage out = outreach.sent(at, address, subject, null, body());
    plan.add(new Letter(Letter.SENT, out, at, OUTREACH));
    Instant answered = at.plus(Duration.ofHours(20));
    String id = out.first("Message-ID").orElseThrow();
    String text = "Date: " + Outreach.date(answered) + "\nFrom: " + from + "\nTo: " + CorpusOwner.PRIMARY
        + "\nSubject: " + replySubject + "\nMessage-ID: <h" + random.nextInt(1_000_000) + "@hostile.example>\n"
        + "In-Reply-To: " + id + "\n" + (autoReply ? "Auto-Submitted: auto-replied\n" : "")
        + "\n" + (autoReply ? "I am back on 18 November.\n" : "Sounds good, talk soon.\n");
    plan.add(new Letter(Letter.INBOX, RawMessage.parse(text.getBytes(StandardCharsets.ISO_8859_1)), answered, INBOUND));
  }

  private void inbound(MailboxPlan plan, String headers, boolean withDate, boolean withMessageId) {
    Instant at = next().plus(Duration.ofHours(24));
    String text = headers + "To: " + CorpusOwner.PRIMARY + "\n"
        + (withDate ? "Date: " + Outreach.date(at) + "\n" : "")
        + (withMessageId ? "Message-ID: <in" + random.nextInt(1_000_000) + "@hostile.example>\n" : "")
        + "\nHello Justin.\n";
    plan.add(new Letter(Letter.INBOX, RawMessage.parse(text.getBytes(StandardCharsets.ISO_8859_1)), at, INBOUND));
  }

  /** Wednesday before the first scan, a minute apart, so step 1 falls due during the scans. */
  private Instant next() {
    return outreach.workTime(5, 11, 0).plus(Duration.ofMinutes(minute++));
  }

  private static String body() {
    return "Hi,\n\nfollowing up on our chat, details below.\n\nJustin\n";
  }

  /** An RFC 2047 Q-encoded word of the UTF-8 text, controls and all. */
  static String q(String text) {
    StringBuilder sb = new StringBuilder("=?utf-8?q?");
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == ' ') {
        sb.append('_');
      } else if (c > 0x20 && c < 0x7f && c != '=' && c != '?' && c != '_') {
        sb.append((char) c);
      } else {
        sb.append(String.format("=%02X", c));
      }
    }
    return sb.append("?=").toString();
  }

  /** An RFC 2047 B-encoded word of the UTF-8 text. */
  static String b(String text) {
    return "=?utf-8?b?" + b64(text) + "?=";
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Raw 8-bit UTF-8, as some clients put it straight into headers. */
  private static String raw(String text) {
    return RawMessage.utf8(text);
  }
}
