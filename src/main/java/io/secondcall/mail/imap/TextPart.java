package io.secondcall.mail.imap;

import io.secondcall.mail.mime.HtmlText;
import io.secondcall.mail.mime.MimeText;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;

/**
 * The part of a message that holds its readable text, located in the IMAP body structure.
 *
 * @param section the IMAP section specifier ({@code TEXT} for a single-part message, else e.g. {@code 1.2})
 * @param html true when only an HTML part was found
 */
record TextPart(String section, boolean html, String transferEncoding, String charset) {

  /**
   * The first inline text/plain part, depth first, or else the first inline text/html part.
   * Attached messages (message/rfc822) are not entered: their text is not this message's.
   */
  static TextPart choose(BODYSTRUCTURE root) {
    TextPart plain = find(root, "", "plain", 0);
    return plain != null ? plain : find(root, "", "html", 0);
  }

  private static TextPart find(BODYSTRUCTURE bs, String section, String subtype, int depth) {
    if (bs.isMulti()) {
      if (bs.bodies == null || depth > 10) {
        return null;
      }
      for (int i = 0; i < bs.bodies.length; i++) {
        String child = section.isEmpty() ? Integer.toString(i + 1) : section + "." + (i + 1);
        TextPart found = find(bs.bodies[i], child, subtype, depth + 1);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (bs.isNested() || !"text".equalsIgnoreCase(bs.type) || !subtype.equalsIgnoreCase(bs.subtype)
        || "attachment".equalsIgnoreCase(bs.disposition)) {
      return null;
    }
    String charset = bs.cParams == null ? null : bs.cParams.get("charset");
    return new TextPart(section.isEmpty() ? "TEXT" : section, subtype.equals("html"), bs.encoding, charset);
  }

  /** Decoded, converted from HTML when needed, and capped to {@link BodyTexts#MAX} characters. */
  String toText(byte[] raw) {
    String text = MimeText.decode(raw, transferEncoding, charset);
    if (html) {
      text = HtmlText.toPlain(text);
    }
    return text.length() > BodyTexts.MAX ? text.substring(0, BodyTexts.MAX) : text;
  }
}
