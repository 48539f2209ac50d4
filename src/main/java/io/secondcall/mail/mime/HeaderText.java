package io.secondcall.mail.mime;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A raw header value as Angus hands it over, turned into text exactly once: unfolded, its 8-bit
 * bytes read as UTF-8, its RFC 2047 encoded words decoded.
 *
 * <p>Modern mail writes non-ASCII headers as raw UTF-8 (RFC 6532), but without the server's
 * UTF8=ACCEPT (Dovecot 2.3 and GreenMail have none) Angus reads header and envelope strings one
 * char per byte. Those bytes are read here as UTF-8 when they are valid UTF-8, else as
 * windows-1252, what legacy 8-bit mail means. Encoded words are decoded once: a word that
 * decodes to another encoded word stays that text, and a word in a charset the JDK does not
 * know is decoded by the same fallback instead of being left as {@code =?x-evil?b?...?=}.
 */
public final class HeaderText {

  // charset (optionally *language, RFC 2231), B or Q, the encoded text.
  private static final Pattern WORD = Pattern.compile("=\\?([^?\\s*]+)(?:\\*[^?\\s]*)?\\?([BbQq])\\?([^?\\s]*)\\?=");

  private HeaderText() {}

  /** The header value as text; null stays null. */
  public static String decode(String raw) {
    if (raw == null) {
      return null;
    }
    return decodeWords(octets(MimeUtility.unfold(raw)).strip());
  }

  /**
   * A header value that is text already (the Gmail API hands headers over as Unicode): unfolded
   * and its encoded words decoded once, but its characters not read again as bytes.
   */
  public static String decodeText(String value) {
    if (value == null) {
      return null;
    }
    return decodeWords(MimeUtility.unfold(value)).strip();
  }

  /**
   * The string read as bytes, one char per byte, when it is that (no char above U+00FF): as
   * UTF-8 when those bytes are valid UTF-8, else as windows-1252. A string with wider chars was
   * decoded already (a server with UTF8=ACCEPT) and stays as it is.
   */
  public static String octets(String s) {
    boolean eightBit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0xFF) {
        return s;
      }
      eightBit |= c > 0x7F;
    }
    return eightBit ? MimeText.toString(s.getBytes(StandardCharsets.ISO_8859_1), null) : s;
  }

  /**
   * Decodes every encoded word once (RFC 2047). White space between two encoded words is
   * dropped (section 6.2), and adjacent words in one charset are decoded together, so a
   * character whose bytes a sender split across two words comes out whole.
   */
  public static String decodeWords(String s) {
    Matcher m = WORD.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    String pendingCharset = null;
    int last = 0;
    while (m.find()) {
      String between = s.substring(last, m.start());
      String charset = m.group(1).toLowerCase(Locale.ROOT);
      boolean joined = pendingCharset != null && between.isBlank();
      if (!joined || !charset.equals(pendingCharset)) {
        flush(out, pending, pendingCharset);
        pendingCharset = null;
      }
      if (!joined) {
        out.append(between);
      }
      byte[] bytes = "b".equalsIgnoreCase(m.group(2)) ? base64(m.group(3)) : q(m.group(3));
      pending.writeBytes(bytes);
      pendingCharset = charset;
      last = m.end();
    }
    flush(out, pending, pendingCharset);
    return out.append(s, last, s.length()).toString();
  }

  private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
    if (charset != null) {
      out.append(MimeText.toString(pending.toByteArray(), charset));
    }
    pending.reset();
  }

  /** Lenient base64: characters outside the alphabet are skipped, a cut-off last group is dropped. */
  private static byte[] base64(String text) {
    String clean = text.replaceAll("[^A-Za-z0-9+/]", "");
    // One character of a group holds no whole byte; two or three decode as if padded.
    int usable = clean.length() % 4 == 1 ? clean.length() - 1 : clean.length();
    return Base64.getDecoder().decode(clean.substring(0, usable));
  }

  /** RFC 2047 "Q": {@code _} is a space, {@code =XX} a byte; a broken escape stays as it is. */
  private static byte[] q(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        out.write(' ');
      } else if (c == '=' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
        out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
        i += 2;
      } else {
        out.write(c & 0xFF);
      }
    }
    return out.toByteArray();
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
