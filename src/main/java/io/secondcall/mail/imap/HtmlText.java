package io.secondcall.mail.imap;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable text of an HTML body, for messages that have no text/plain part. Block
 * elements become line breaks; quoted mail ({@code <blockquote>}) becomes {@code "> "} lines,
 * the same convention as in plain text, so that quote handling downstream treats both alike.
 */
final class HtmlText {

  private static final Pattern INVISIBLE =
      Pattern.compile("(?is)<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern TAG = Pattern.compile("(?s)<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*?>|<[^>]*>");
  private static final Pattern BLOCK =
      Pattern.compile("p|div|br|tr|li|ul|ol|table|h[1-6]|pre|hr|section|article|header|footer");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED = Map.of(
      "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ",
      "ndash", "\u2013", "mdash", "\u2014", "hellip", "\u2026", "euro", "\u20ac");

  private HtmlText() {}

  static String toPlain(String html) {
    String visible = INVISIBLE.matcher(html).replaceAll("");
    StringBuilder out = new StringBuilder();
    int quoteDepth = 0;
    int last = 0;
    Matcher tag = TAG.matcher(visible);
    while (tag.find()) {
      appendText(out, visible.substring(last, tag.start()), quoteDepth);
      last = tag.end();
      String name = tag.group(2) == null ? "" : tag.group(2).toLowerCase(Locale.ROOT);
      boolean closing = "/".equals(tag.group(1));
      if (name.equals("blockquote")) {
        quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
        newLine(out);
      } else if (BLOCK.matcher(name).matches()) {
        newLine(out);
      }
    }
    appendText(out, visible.substring(last), quoteDepth);
    return out.toString().replaceAll("\n{3,}", "\n\n").strip();
  }

  private static void appendText(StringBuilder out, String raw, int quoteDepth) {
    String text = decodeEntities(raw.replaceAll("\\s+", " "));
    if (text.isBlank()) {
      if (!text.isEmpty() && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append(' ');
      }
      return;
    }
    boolean lineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    if (lineStart) {
      out.append("> ".repeat(quoteDepth));
      text = text.stripLeading();
    }
    out.append(text);
  }

  private static void newLine(StringBuilder out) {
    int len = out.length();
    while (len > 0 && out.charAt(len - 1) == ' ') {
      len--;
    }
    out.setLength(len);
    if (len > 0 && out.charAt(len - 1) != '\n') {
      out.append('\n');
    }
  }

  static String decodeEntities(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String replacement;
      if (e.startsWith("#x") || e.startsWith("#X")) {
        replacement = codePoint(Integer.parseInt(e.substring(2), 16));
      } else if (e.startsWith("#")) {
        replacement = codePoint(Integer.parseInt(e.substring(1)));
      } else {
        replacement = NAMED.getOrDefault(e.toLowerCase(Locale.ROOT), m.group());
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String codePoint(int cp) {
    return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "\ufffd";
  }
}
