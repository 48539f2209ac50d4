package io.secondcall.mail.mime;

/** The text of a message's text part as the core gets it: decoded, HTML made plain, capped. */
public final class BodyText {

  /** Bytes read, and characters kept, per message: a 10 MB message costs 64 KiB. */
  public static final int MAX = 64 * 1024;

  private BodyText() {}

  /**
   * @param content the part's content with its transfer encoding already undone
   * @param charset the part's charset parameter, or null
   * @param html true for a text/html part, which is turned into plain text first
   */
  public static String of(byte[] content, String charset, boolean html) {
    String text = MimeText.toString(content, charset);
    if (html) {
      text = HtmlText.toPlain(text);
    }
    return text.length() > MAX ? text.substring(0, MAX) : text;
  }
}
