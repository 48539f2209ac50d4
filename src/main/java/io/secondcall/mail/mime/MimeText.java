package io.secondcall.mail.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Turns the raw bytes of a (possibly truncated) body part into text. Mail in the wild carries
 * unknown charsets, wrong transfer encodings and cut-off base64; none of that may throw.
 */
public final class MimeText {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private MimeText() {}

  /** Decodes the transfer encoding, then the charset, falling back to UTF-8 or ISO-8859-1. */
  public static String decode(byte[] raw, String transferEncoding, String charset) {
    return toString(decodeTransfer(raw, transferEncoding), charset);
  }

  /** Reads at most {@code max} bytes; a stream that breaks part-way gives what came before. */
  public static byte[] readAtMost(InputStream in, int max) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while (out.size() < max && (n = in.read(buf, 0, Math.min(buf.length, max - out.size()))) > 0) {
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      // A damaged or cut-off part: keep what was readable.
    }
    return out.toByteArray();
  }

  public static byte[] decodeTransfer(byte[] raw, String transferEncoding) {
    String enc = transferEncoding == null ? "" : transferEncoding.strip().toLowerCase(Locale.ROOT);
    switch (enc) {
      case "", "7bit", "8bit", "binary":
        return raw;
      case "base64":
        return base64(raw);
      case "quoted-printable":
        return quotedPrintable(raw);
      default:
        try {
          return readAtMost(MimeUtility.decode(new ByteArrayInputStream(raw), enc), Integer.MAX_VALUE);
        } catch (MessagingException e) {
          return raw;
        }
    }
  }

  /** Cut-off base64 is decoded up to its last whole group of four characters. */
  private static byte[] base64(byte[] raw) {
    StringBuilder clean = new StringBuilder(raw.length);
    for (byte b : raw) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
        clean.append(c);
      } else if (c == '=') {
        break;
      }
    }
    clean.setLength(clean.length() - clean.length() % 4);
    try {
      return Base64.getDecoder().decode(clean.toString());
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  private static byte[] quotedPrintable(byte[] raw) {
    int end = raw.length;
    // A part cut inside "=XX" would fail to decode: drop the incomplete escape.
    for (int i = Math.max(0, end - 2); i < end; i++) {
      if (raw[i] == '=') {
        end = i;
        break;
      }
    }
    try {
      InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw, 0, end), "quoted-printable");
      return readAtMost(in, Integer.MAX_VALUE);
    } catch (MessagingException e) {
      return raw;
    }
  }

  /**
   * Charset by MIME name; unknown or missing gives UTF-8 when the bytes are valid UTF-8, else
   * windows-1252: what 8-bit mail without a (known) charset means in practice, and unlike
   * ISO-8859-1 it reads bytes 0x80-0x9F as the quotes and dashes they are, not as C1 controls.
   */
  public static String toString(byte[] bytes, String charset) {
    Charset cs = charset(charset);
    if (cs == null) {
      cs = isUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }
    return new String(bytes, cs);
  }

  public static Charset charset(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Charset.forName(MimeUtility.javaCharset(name.strip()));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
