package io.secondcall.corpus;

import java.util.Locale;
import java.util.Optional;

/**
 * The characters that must never reach a header, a log line, a terminal or a calendar property
 * from mail: line breaks of every kind (CR, LF, NEL, U+2028/2029), other C0/C1 controls (ESC
 * starts terminal escape sequences), and the bidi controls that reorder what a reader sees
 * (U+202A-202E, U+2066-2069, U+200E/200F, U+061C). TAB is allowed.
 */
final class Printable {

  private Printable() {}

  /** The first unsafe character of {@code s}, described, or empty. */
  static Optional<String> unsafe(String s) {
    if (s == null) {
      return Optional.empty();
    }
    for (int i = 0; i < s.length(); i++) {
      String name = name(s.charAt(i));
      if (name != null) {
        return Optional.of(name + " at " + i + " in \"" + of(s) + "\"");
      }
    }
    return Optional.empty();
  }

  /** {@code s} with unsafe characters written as escapes, so a failure message shows them. */
  static String of(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\r' -> sb.append("\\r");
        case '\n' -> sb.append("\\n");
        case '\u001b' -> sb.append("\\e");
        default -> {
          if (name(c) != null) {
            sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static String name(char c) {
    if (c == '\t') {
      return null;
    }
    return switch (c) {
      case '\r' -> "CR";
      case '\n' -> "LF";
      case '\u0085' -> "NEL U+0085";
      case '\u2028' -> "LINE SEPARATOR U+2028";
      case '\u2029' -> "PARAGRAPH SEPARATOR U+2029";
      case '\u001b' -> "ESC";
      case '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
          '\u200e', '\u200f', '\u061c' -> String.format(Locale.ROOT, "bidi control U+%04X", (int) c);
      default -> c < 0x20 || (c >= 0x7f && c <= 0x9f) ? String.format(Locale.ROOT, "control U+%04X", (int) c) : null;
    };
  }
}
