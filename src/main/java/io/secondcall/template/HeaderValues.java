package io.secondcall.template;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.SafeText;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Header values built from mail content, made safe to write (RFC 5322, RFC 2047). Content that
 * arrived as encoded-words may decode to CR/LF; written back raw it would start a new header
 * ("header injection"), so every value goes through {@link SafeText#header} first. A value is
 * written as it is only when it is plain ASCII holding no {@code =?}: anything else is encoded
 * here, so text that merely looks like an encoded word (a subject that decoded to one) reaches
 * the reader as that text and is never decoded a second time into something else.
 */
public final class HeaderValues {

  /** RFC 5322 section 2.1.1: a line must not exceed 998 characters. */
  public static final int MAX_LENGTH = SafeText.MAX_HEADER;

  /** Message-IDs longer than this are not real ones; dropping them keeps References sane. */
  static final int MAX_MESSAGE_ID = 500;

  /** UTF-8 bytes per encoded word: "=?UTF-8?B?" + 60 base64 characters + "?=" is 72, under RFC 2047's 75. */
  private static final int WORD_BYTES = 45;

  private static final Pattern MESSAGE_ID_CHARS = Pattern.compile("[\\x21-\\x7E&&[^<>]]+");

  private HeaderValues() {}

  /** A decoded header value as {@link SafeText#header} makes it: one line, no controls, capped; null gives "". */
  public static String clean(String decoded) {
    return SafeText.header(decoded);
  }

  /**
   * The cleaned value, ready to write unfolded: as it is when it is plain ASCII without
   * {@code =?}, else RFC 2047 encoded words (UTF-8, B encoding) separated by spaces.
   */
  public static String encode(String value) {
    String s = clean(value);
    return needsEncoding(s) ? encodedWords(s) : s;
  }

  /** {@link #encode}d and folded for a header of that name (RFC 5322 section 2.2.3). */
  public static String folded(String headerName, String value) {
    return MimeUtility.fold(headerName.length() + 2, encode(value));
  }

  /**
   * An address for From/To/Cc with its display name cleaned and encoded as {@link #encode}
   * does.
   *
   * @throws IllegalArgumentException when the address itself is not a valid mailbox (it would
   *     otherwise be written raw)
   */
  public static InternetAddress address(EmailAddress a) {
    String name = a.name() == null ? "" : clean(a.name());
    // Angus folds only between addresses: a long name is folded between its encoded words.
    String phrase = name.isEmpty() ? null : encode(name).replace("?= =?", "?=\r\n =?");
    InternetAddress ia = new EncodedAddress(a.address(), phrase);
    try {
      ia.validate();
    } catch (AddressException e) {
      throw new IllegalArgumentException("not a valid mailbox: " + clean(a.address()), e);
    }
    return ia;
  }

  private static boolean needsEncoding(String s) {
    return s.contains("=?") || !StandardCharsets.US_ASCII.newEncoder().canEncode(s);
  }

  /** Whole characters per word, so that a reader decoding word by word never sees half of one. */
  private static String encodedWords(String s) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (from < s.length()) {
      int to = from;
      int bytes = 0;
      while (to < s.length()) {
        int cp = s.codePointAt(to);
        int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        if (bytes + size > WORD_BYTES && to > from) {
          break;
        }
        bytes += size;
        to += Character.charCount(cp);
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append("=?UTF-8?B?")
          .append(Base64.getEncoder().encodeToString(s.substring(from, to).getBytes(StandardCharsets.UTF_8)))
          .append("?=");
      from = to;
    }
    return out.toString();
  }

  /**
   * An address whose display name is written exactly as {@link #encode} made it. Angus would
   * write an ASCII name that looks like an encoded word as it is, so the phrase is set here.
   */
  private static final class EncodedAddress extends InternetAddress {

    private static final long serialVersionUID = 1L;

    EncodedAddress(String address, String encodedName) {
      this.address = address;
      this.encodedPersonal = encodedName;
    }
  }

  /**
   * A Message-ID in angle brackets, or empty when it is not one that is safe to write: only
   * printable ASCII without whitespace or angle brackets inside. Accepts the id with or without
   * its brackets.
   */
  public static Optional<String> messageId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String bare = id;
    if (bare.length() >= 2 && bare.startsWith("<") && bare.endsWith(">")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    if (bare.isEmpty() || bare.length() > MAX_MESSAGE_ID || !MESSAGE_ID_CHARS.matcher(bare).matches()) {
      return Optional.empty();
    }
    return Optional.of("<" + bare + ">");
  }
}
