package io.secondcall.mail.imap;

import io.secondcall.mail.mime.BodyText;
import io.secondcall.mail.mime.MimeText;
import io.secondcall.mail.mime.TextChoice;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;

/**
 * The part of a message that holds its readable text, located in the IMAP body structure.
 *
 * @param section the IMAP section specifier ({@code TEXT} for a single-part message, else e.g. {@code 1.2})
 * @param html true when only an HTML part was found
 */
record TextPart(String section, boolean html, String transferEncoding, String charset) {

  /** The part holding the message's text by {@link TextChoice}, or null when it has none. */
  static TextPart choose(BODYSTRUCTURE root) {
    TextChoice.Choice<BODYSTRUCTURE> c = TextChoice.choose(root, STRUCTURE);
    if (c == null) {
      return null;
    }
    String section = c.path().stream().map(i -> Integer.toString(i + 1)).collect(Collectors.joining("."));
    BODYSTRUCTURE bs = c.part();
    String charset = bs.cParams == null ? null : bs.cParams.get("charset");
    return new TextPart(section.isEmpty() ? "TEXT" : section, c.html(), bs.encoding, charset);
  }

  /** An IMAP body structure as {@link TextChoice} walks it; an attached message is a leaf. */
  private static final TextChoice.Tree<BODYSTRUCTURE> STRUCTURE = new TextChoice.Tree<>() {
    @Override
    public String mimeType(BODYSTRUCTURE bs) {
      return bs.isMulti() ? "multipart/" + bs.subtype : bs.type + "/" + bs.subtype;
    }

    @Override
    public List<BODYSTRUCTURE> children(BODYSTRUCTURE bs) {
      return bs.bodies == null ? List.of() : List.of(bs.bodies);
    }

    @Override
    public boolean isAttachment(BODYSTRUCTURE bs) {
      return "attachment".equalsIgnoreCase(bs.disposition);
    }
  };

  /** Decoded, converted from HTML when needed, and capped to {@link BodyText#MAX} characters. */
  String toText(byte[] raw) {
    return BodyText.of(MimeText.decodeTransfer(raw, transferEncoding), charset, html);
  }
}
