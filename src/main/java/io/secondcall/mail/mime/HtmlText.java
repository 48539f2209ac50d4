package io.secondcall.mail.mime;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The readable text of an HTML body, for messages that have no text/plain part, as the quote,
 * out-of-office and phone readers expect plain text: block elements and {@code <br>} end lines,
 * and quoted mail ({@code <blockquote>}, which Gmail's {@code gmail_quote}, Apple Mail's
 * {@code type="cite"} and Thunderbird's {@code cite} all are) becomes {@code "> "} lines.
 * Parsed by jsoup as a browser would, so unclosed tags and {@code ">"} in attributes are no
 * trouble; what a reader never sees (scripts, styles, the head, comments) is left out.
 */
public final class HtmlText {

  private static final Set<String> INVISIBLE = Set.of("script", "style", "head", "title", "template");
  private static final Set<String> BLOCK = Set.of(
      "p", "div", "tr", "li", "ul", "ol", "dl", "dt", "dd", "table", "caption", "h1", "h2", "h3", "h4", "h5", "h6",
      "hr", "section", "article", "header", "footer", "main", "nav", "aside", "address", "center", "figure",
      "figcaption");
  private static final Set<String> CELL = Set.of("td", "th");

  /**
   * An HTML parser reads CDATA outside SVG and MathML as a comment that ends at the first
   * {@code ">"}, spilling the rest as text; XHTML mail means it as text, so it is made text.
   */
  private static final Pattern CDATA = Pattern.compile("(?s)<!\\[CDATA\\[(.*?)]]>");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

  private HtmlText() {}

  public static String toPlain(String html) {
    String cdataAsText = CDATA.matcher(html).replaceAll(m -> Matcher.quoteReplacement(Entities.escape(m.group(1))));
    Writer writer = new Writer();
    Jsoup.parse(cdataAsText).body().filter(writer);
    return writer.text();
  }

  /** Walks the parsed body and writes its lines, one quote marker per enclosing blockquote. */
  private static final class Writer implements NodeFilter {

    private final StringBuilder out = new StringBuilder();
    private int quoteDepth;
    private int preDepth;

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode t) {
        if (preDepth > 0) {
          preformatted(t.getWholeText());
        } else {
          append(t.getWholeText());
        }
      } else if (node instanceof Element e) {
        String name = e.normalName();
        if (INVISIBLE.contains(name)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (name.equals("br")) {
          lineBreak();
        } else if (CELL.contains(name)) {
          space();
        } else if (name.equals("blockquote") || name.equals("pre") || BLOCK.contains(name)) {
          endLine();
          quoteDepth += name.equals("blockquote") ? 1 : 0;
          preDepth += name.equals("pre") ? 1 : 0;
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element e) {
        String name = e.normalName();
        if (name.equals("blockquote") || name.equals("pre") || BLOCK.contains(name)) {
          endLine();
          quoteDepth -= name.equals("blockquote") ? 1 : 0;
          preDepth -= name.equals("pre") ? 1 : 0;
        }
      }
      return FilterResult.CONTINUE;
    }

    String text() {
      return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Text as it flows: whitespace runs are one space, a no-break space is a space. */
    private void append(String raw) {
      String text = WHITESPACE.matcher(raw).replaceAll(" ").replace('\u00a0', ' ');
      if (text.isBlank()) {
        if (!text.isEmpty()) {
          space();
        }
        return;
      }
      if (atLineStart()) {
        out.append("> ".repeat(quoteDepth));
        text = text.stripLeading();
      } else if (out.charAt(out.length() - 1) == ' ') {
        text = text.stripLeading();
      }
      out.append(text);
    }

    /** In {@code <pre>} the source's line breaks are the text's, quote lines of plain-text mail included. */
    private void preformatted(String raw) {
      String[] lines = LINE_BREAK.split(raw, -1);
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          lineBreak();
        }
        append(lines[i]);
      }
    }

    private void space() {
      if (!atLineStart() && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
    }

    /** A {@code <br>}: ends the line even when it is empty, as a browser shows it. */
    private void lineBreak() {
      stripTrailingSpaces();
      if (out.length() > 0) {
        out.append('\n');
      }
    }

    /** A block's edge: ends the line unless at the start of one. */
    private void endLine() {
      stripTrailingSpaces();
      if (!atLineStart()) {
        out.append('\n');
      }
    }

    private boolean atLineStart() {
      return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    }

    private void stripTrailingSpaces() {
      int len = out.length();
      while (len > 0 && out.charAt(len - 1) == ' ') {
        len--;
      }
      out.setLength(len);
    }
  }
}
