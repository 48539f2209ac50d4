package io.secondcall.corpus;

import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every message secondcall wrote (drafts, digests) has headers that nothing from mail could
 * forge or garble (SPEC section 6): 7-bit bytes only, no bare CR or LF, only the header names
 * secondcall writes, values that decode (RFC 2047) to text without controls, line breaks, bidi
 * controls or literal encoded words, strict address lists, Message-ID lists, and a body a MIME
 * parser reads. A draft also threads: its In-Reply-To names a message in Sent.
 */
final class HeaderRules {

  static final Set<String> DRAFT_HEADERS = Set.of("message-id", "from", "to", "cc", "subject", "in-reply-to",
      "references", "x-secondcall-id", "date", "mime-version", "content-type", "content-transfer-encoding");
  static final Set<String> DIGEST_HEADERS = Set.of("message-id", "from", "to", "subject", "x-secondcall-id",
      "auto-submitted", "date", "mime-version", "content-type", "content-transfer-encoding");
  private static final Set<String> ADDRESS_HEADERS = Set.of("from", "to", "cc", "reply-to", "sender", "bcc");
  private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=");
  private static final Pattern MESSAGE_IDS = Pattern.compile("\\s*(?:<[^<>\\s]+>\\s*)+");
  private static final Session SESSION = Session.getInstance(new Properties());

  final Violations unsafe = new Violations(
      "drafts and digests have clean headers (no CR/LF/control/bidi or literal encoded word from mail), parse and thread",
      "header problem(s)");

  HeaderRules(MailboxView view) {
    for (Mail draft : view.drafts) {
      check(draft, "draft", DRAFT_HEADERS);
      if (!Threading.ids(draft.stored().first("In-Reply-To")).isEmpty() && view.followedUp(draft).isEmpty()) {
        unsafe.add(to(draft), draft.subject(), "draft's In-Reply-To names no message in Sent");
      }
    }
    for (Mail digest : view.digests) {
      check(digest, "digest", DIGEST_HEADERS);
    }
  }

  private void check(Mail m, String what, Set<String> names) {
    byte[] raw = m.stored().raw();
    int end = headerEnd(raw);
    for (int i = 0; i < end; i++) {
      int b = raw[i] & 0xff;
      boolean crlf = b == '\r' && i + 1 < raw.length && raw[i + 1] == '\n' || b == '\n' && i > 0 && raw[i - 1] == '\r';
      if (b >= 0x80 || (b < 0x20 && b != '\t' && !crlf) || b == 0x7f) {
        unsafe.add(to(m), m.subject(), what + " header block has byte 0x" + Integer.toHexString(b) + " in \""
            + lineAround(raw, i) + "\"");
        return;
      }
    }
    String head = new String(raw, 0, end, StandardCharsets.US_ASCII).replaceAll("\r\n(?=[ \t])", "");
    for (String line : head.split("\r\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      String name = colon <= 0 ? "" : line.substring(0, colon).toLowerCase(Locale.ROOT);
      if (!names.contains(name)) {
        unsafe.add(to(m), m.subject(), what + " has a header secondcall does not write: \"" + line + "\"");
        continue;
      }
      value(m, what, name, line.substring(colon + 1).strip()).ifPresent(why -> unsafe.add(to(m), m.subject(), why));
    }
    if (m.secondcallId().isEmpty()) {
      unsafe.add(to(m), m.subject(), what + " has no X-Secondcall-Id");
    }
    try {
      new MimeMessage(SESSION, new ByteArrayInputStream(raw)).getContent();
    } catch (Exception e) {
      unsafe.add(to(m), m.subject(), what + " does not parse: " + e);
    }
  }

  /** What is wrong with one header value, if anything. */
  private static Optional<String> value(Mail m, String what, String name, String value) {
    String where = what + " " + name + ": ";
    if (name.equals("in-reply-to") || name.equals("references") || name.equals("message-id")) {
      return MESSAGE_IDS.matcher(value).matches() ? Optional.empty()
          : Optional.of(where + "not a list of Message-IDs: \"" + value + "\"");
    }
    if (ADDRESS_HEADERS.contains(name)) {
      InternetAddress[] addresses;
      try {
        addresses = InternetAddress.parseHeader(value, true);
      } catch (AddressException e) {
        return Optional.of(where + "not a strict address list (" + e.getMessage() + "): \"" + value + "\"");
      }
      for (InternetAddress a : addresses) {
        if (a.getAddress().toLowerCase(Locale.ROOT).endsWith("evil.example")) {
          return Optional.of(where + "an address injected from mail: " + a.getAddress());
        }
        Optional<String> bad = text(a.getPersonal());
        if (bad.isPresent()) {
          return Optional.of(where + "display name " + bad.get());
        }
      }
      return Optional.empty();
    }
    if (name.equals("subject") || name.equals("x-secondcall-id")) {
      try {
        return text(MimeUtility.decodeText(value)).map(bad -> where + bad);
      } catch (Exception e) {
        return Optional.of(where + "does not decode (" + e + "): \"" + value + "\"");
      }
    }
    return Optional.empty();
  }

  /** A decoded value that still holds a control, line break, bidi control or an encoded word. */
  private static Optional<String> text(String decoded) {
    if (decoded == null) {
      return Optional.empty();
    }
    Optional<String> unsafe = Printable.unsafe(decoded);
    if (unsafe.isPresent()) {
      return Optional.of("decodes to " + unsafe.get());
    }
    if (ENCODED_WORD.matcher(decoded).find()) {
      return Optional.of("decodes to a literal encoded word: \"" + decoded + "\"");
    }
    return Optional.empty();
  }

  private static String to(Mail m) {
    List<String> to = m.recipients();
    return to.isEmpty() ? Mail.unfold(m.stored().first("To")) : String.join(", ", to);
  }

  private static int headerEnd(byte[] raw) {
    for (int i = 0; i + 3 < raw.length; i++) {
      if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
        return i + 2;
      }
    }
    return raw.length;
  }

  private static String lineAround(byte[] raw, int i) {
    int from = i;
    while (from > 0 && raw[from - 1] != '\n') {
      from--;
    }
    int to = i;
    while (to < raw.length && raw[to] != '\n') {
      to++;
    }
    return Printable.of(new String(raw, from, to - from, StandardCharsets.UTF_8));
  }
}
