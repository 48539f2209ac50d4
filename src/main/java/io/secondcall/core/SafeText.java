package io.secondcall.core;

import java.util.regex.Pattern;

/**
 * Text from mail and calendars made safe for each place it is written: one function per
 * destination, so that no call site needs a replace of its own (STYLE.md, "One home for each
 * rule"). Every function takes any string, null included (giving ""), and never throws.
 *
 * <p>What is unsafe everywhere: control characters (C0, DEL and C1, NEL among them) and the
 * Unicode line and paragraph separators, which start a new line in some reader or other and so
 * forge a header, a calendar property, a log line or a digest line; and the invisible format
 * characters (Unicode category Cf: the bidi embeddings, overrides and isolates U+202A-U+202E and
 * U+2066-U+2069, the marks U+200E, U+200F, U+061C, zero-width spaces, BOMs, tag characters),
 * which make text display as something it is not: {@code "Invoice \u202Efdp.exe"} shows as
 * "Invoice exe.pdf". Zero-width (non-)joiners U+200C and U+200D are kept: Persian, Indic
 * scripts and emoji sequences need them and they reorder nothing. An unpaired surrogate, which
 * no UTF-8 writer can write, becomes U+FFFD.
 */
public final class SafeText {

  /** RFC 5322 section 2.1.1: a header line must not exceed 998 characters. */
  public static final int MAX_HEADER = 998;

  // Terminal escape sequences (ECMA-48), 7-bit and 8-bit forms: CSI, the string commands OSC,
  // DCS, SOS, PM and APC up to their terminator (BEL or ST), and any other ESC sequence.
  private static final Pattern ESCAPE_SEQUENCE = Pattern.compile(
      "(?:\u001B\\[|\u009B)[\\x30-\\x3F]*[\\x20-\\x2F]*[\\x40-\\x7E]?"
          + "|(?:\u001B[\\]PX^_]|[\u009D\u0090\u0098\u009E\u009F])(?s:.*?)(?:\u0007|\u001B\\\\|\u009C|$)"
          + "|\u001B[\\x20-\\x2F]*[\\x30-\\x7E]?");

  private SafeText() {}

  /**
   * A mail header value, decoded (before any RFC 2047 encoding): one line, where every run of
   * control characters and line separators becomes one space; format characters removed;
   * stripped; cut to {@link #MAX_HEADER} characters without splitting a character. What still
   * reads as an RFC 2047 encoded word after decoding came from mail that encoded it twice to have
   * a client decode it again: its {@code =?} becomes {@code = ?}, so no reader ever decodes it.
   */
  public static String header(String s) {
    return cut(ENCODED_WORD.matcher(oneLine(s)).replaceAll("= ?$1"), MAX_HEADER);
  }

  /** An RFC 2047 encoded word: {@code =?charset?B|Q?text?=}. */
  private static final java.util.regex.Pattern ENCODED_WORD =
      java.util.regex.Pattern.compile("=\\?([^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=)");

  /** A one-line calendar property such as an event's title (SUMMARY): as {@link #header}, uncut. */
  public static String calendarLine(String s) {
    return oneLine(s);
  }

  /**
   * A multi-line calendar property such as DESCRIPTION: every line break (CRLF, CR, LF, NEL,
   * VT, FF, U+2028, U+2029) becomes LF, the one break every calendar writer escapes; tabs stay;
   * other control and format characters are removed.
   */
  public static String calendarText(String s) {
    return multiLine(s);
  }

  /** One line of the inbox digest: as {@link #calendarLine}, so a value cannot start a line of its own. */
  public static String digestLine(String s) {
    return oneLine(s);
  }

  /** A value written inside a line of a draft's text (a name, a subject, a quote): one line, as {@link #calendarLine}. */
  public static String draftLine(String s) {
    return oneLine(s);
  }

  /** A draft's whole text: as {@link #calendarText}, lines broken by LF only. */
  public static String draftText(String s) {
    return multiLine(s);
  }

  /**
   * A value shown on a terminal: terminal escape sequences (ESC and CSI sequences, OSC and other
   * string commands with their text, 7-bit and 8-bit forms) removed, then one line as
   * {@link #calendarLine}. Nothing from mail can move the cursor, recolour, retitle the window
   * or hide what follows.
   */
  public static String terminal(String s) {
    return s == null ? "" : oneLine(ESCAPE_SEQUENCE.matcher(s).replaceAll(""));
  }

  /**
   * A block of text shown on a terminal (a draft in the demo): escape sequences removed as
   * {@link #terminal} does, lines as {@link #calendarText}, so indentation and tabs stay.
   */
  public static String terminalText(String s) {
    return s == null ? "" : multiLine(ESCAPE_SEQUENCE.matcher(s).replaceAll(""));
  }

  /**
   * A value in a log line. Nothing is removed, so the log shows what arrived: CR, LF and TAB
   * become the two characters {@code \r}, {@code \n}, {@code \t}; every other control, line
   * separator, format character and unpaired surrogate becomes {@code \}{@code uXXXX}. The result
   * is one line that no journal, terminal or log viewer reads as two, nor reorders.
   */
  public static String logLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!unsafe(s, i)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * Text in an HTML page, as element content or a quoted attribute value: multi-line as
   * {@link #calendarText}, then {@code & < > " '} escaped as character references.
   */
  public static String html(String s) {
    String text = multiLine(s);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Runs of breaks and controls become one space, format characters go, ends stripped. */
  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isBreakOrControl(c)) {
        gap = true;
      } else if (!invisible(s, i)) {
        if (gap) {
          out.append(' ');
          gap = false;
        }
        out.append(unpaired(s, i) ? '\uFFFD' : c);
      }
    }
    return out.toString().strip();
  }

  /** Every line break becomes LF; tabs stay; other controls and format characters go. */
  private static String multiLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        out.append('\n');
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\n' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        out.append('\n');
      } else if (c == '\t') {
        out.append(c);
      } else if (!isBreakOrControl(c) && !invisible(s, i)) {
        out.append(unpaired(s, i) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }

  /** C0, DEL, C1 (NEL among them) and the Unicode line and paragraph separators. */
  private static boolean isBreakOrControl(char c) {
    return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
  }

  /** A format character (bidi controls, zero-width spaces, BOM, tags...) other than ZWNJ and ZWJ. */
  private static boolean invisible(String s, int i) {
    int cp = s.codePointAt(i);
    if (Character.isLowSurrogate(s.charAt(i)) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
      cp = s.codePointAt(i - 1);
    }
    return Character.getType(cp) == Character.FORMAT && cp != 0x200C && cp != 0x200D;
  }

  private static boolean unpaired(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }

  private static boolean unsafe(String s, int i) {
    return isBreakOrControl(s.charAt(i)) || invisible(s, i) || unpaired(s, i);
  }

  private static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Character.isLowSurrogate(s.charAt(max)) ? max - 1 : max;
    return s.substring(0, end).strip();
  }
}
