package io.secondcall.template;

import io.secondcall.core.EmailAddress;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Header values built from mail content, made safe to write (RFC 5322, RFC 2047). Content that
 * arrived as encoded-words may decode to CR/LF; written back raw it would start a new header
 * ("header injection"), so every value goes through {@link #clean} first.
 */
public final class HeaderValues {

  /** RFC 5322 section 2.1.1: a line must not exceed 998 characters. */
  public static final int MAX_LENGTH = 998;

  /** Message-IDs longer than this are not real ones; dropping them keeps References sane. */
  static final int MAX_MESSAGE_ID = 500;

  // C0 and C1 controls (CR, LF, TAB, NUL, NEL...) and the Unicode line/paragraph separators.
  private static final Pattern CONTROLS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");
  private static final Pattern MESSAGE_ID_CHARS = Pattern.compile("[\\x21-\\x7E&&[^<>]]+");

  private HeaderValues() {}

  /**
   * A decoded header value with every run of control characters (CR, LF among them) replaced by
   * one space, trimmed, and capped at {@link #MAX_LENGTH} characters; null gives "".
   */
  public static String clean(String decoded) {
    if (decoded == null) {
      return "";
    }
    String s = CONTROLS.matcher(decoded).replaceAll(" ").strip();
    if (s.length() > MAX_LENGTH) {
      int end = Character.isLowSurrogate(s.charAt(MAX_LENGTH)) ? MAX_LENGTH - 1 : MAX_LENGTH;
      s = s.substring(0, end).strip();
    }
    return s;
  }

  /** The cleaned value, RFC 2047 encoded (UTF-8, Q or B as shorter) when it is not plain ASCII. */
  public static String encode(String value) {
    String s = clean(value);
    if (StandardCharsets.US_ASCII.newEncoder().canEncode(s)) {
      return s;
    }
    try {
      return MimeUtility.encodeText(s, "UTF-8", null);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is part of every JDK", e);
    }
  }

  /**
   * An address for From/To/Cc with its display name cleaned and encoded as UTF-8 when needed.
   *
   * @throws IllegalArgumentException when the address itself is not a valid mailbox (it would
   *     otherwise be written raw)
   */
  public static InternetAddress address(EmailAddress a) {
    String name = a.name() == null ? null : clean(a.name());
    try {
      InternetAddress ia = new InternetAddress(a.address(), name == null || name.isEmpty() ? null : name, "UTF-8");
      ia.validate();
      return ia;
    } catch (AddressException e) {
      throw new IllegalArgumentException("not a valid mailbox: " + clean(a.address()), e);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is part of every JDK", e);
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
