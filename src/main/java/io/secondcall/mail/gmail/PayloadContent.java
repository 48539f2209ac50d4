package io.secondcall.mail.gmail;

import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartHeader;
import io.secondcall.core.EmailAddress;
import io.secondcall.mail.mime.BodyText;
import io.secondcall.mail.mime.CalendarMethod;
import io.secondcall.mail.mime.DeliveryStatus;
import io.secondcall.mail.mime.MimeText;
import io.secondcall.mail.mime.TextChoice;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * What secondcall reads from the body of a message Gmail sent in {@code format=full}: its text
 * (by the rule every adapter shares, {@link TextChoice}), the failed recipients of a delivery
 * report and the METHOD of a calendar part. Gmail has undone the transfer encodings already:
 * each part's data is its content, base64url-encoded; attachments come without data.
 *
 * @param text the plain text, capped, "" when the message has no text part
 */
record PayloadContent(String text, List<EmailAddress> bounced, String calendarMethod) {

  private static final int MAX_DEPTH = 10;

  private static final TextChoice.Tree<MessagePart> TREE = new TextChoice.Tree<>() {
    @Override
    public String mimeType(MessagePart part) {
      return part.getMimeType();
    }

    @Override
    public List<MessagePart> children(MessagePart part) {
      return part.getParts() == null ? List.of() : part.getParts();
    }

    @Override
    public boolean isAttachment(MessagePart part) {
      String disposition = header(part, "Content-Disposition");
      return disposition != null && disposition.strip().toLowerCase(Locale.ROOT).startsWith("attachment");
    }
  };

  static PayloadContent of(MessagePart payload) {
    if (payload == null) {
      return new PayloadContent("", List.of(), null);
    }
    TextChoice.Choice<MessagePart> choice = TextChoice.choose(payload, TREE);
    String text = choice == null ? "" : BodyText.of(data(choice.part()), charset(choice.part()), choice.html());
    List<EmailAddress> bounced = new ArrayList<>();
    String method = null;
    for (MessagePart leaf : leaves(payload)) {
      String type = type(leaf);
      if (DeliveryStatus.isReport(type)) {
        bounced.addAll(DeliveryStatus.failedAddresses(MimeText.toString(data(leaf), "UTF-8")));
      } else if (method == null && type.equals("text/calendar")) {
        method = CalendarMethod.of(parameter(leaf, "method"), () -> MimeText.toString(data(leaf), charset(leaf)));
      }
    }
    return new PayloadContent(text, bounced, method);
  }

  /** Leaf parts, depth first; an attached message (message/rfc822) is not this message's own content. */
  private static List<MessagePart> leaves(MessagePart root) {
    List<MessagePart> out = new ArrayList<>();
    collect(root, out, 0);
    return out;
  }

  private static void collect(MessagePart part, List<MessagePart> out, int depth) {
    if (type(part).startsWith("multipart/")) {
      if (depth < MAX_DEPTH && part.getParts() != null) {
        part.getParts().forEach(child -> collect(child, out, depth + 1));
      }
    } else {
      out.add(part);
    }
  }

  private static byte[] data(MessagePart part) {
    String data = part.getBody() == null ? null : part.getBody().getData();
    if (data == null) {
      return new byte[0];
    }
    try {
      return Base64.getUrlDecoder().decode(data.replace("=", "").strip());
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static String type(MessagePart part) {
    return part.getMimeType() == null ? "" : part.getMimeType().strip().toLowerCase(Locale.ROOT);
  }

  private static String charset(MessagePart part) {
    return parameter(part, "charset");
  }

  private static String parameter(MessagePart part, String name) {
    String value = header(part, "Content-Type");
    if (value == null) {
      return null;
    }
    try {
      return new ContentType(value).getParameter(name);
    } catch (ParseException e) {
      return null;
    }
  }

  private static String header(MessagePart part, String name) {
    if (part.getHeaders() == null) {
      return null;
    }
    for (MessagePartHeader h : part.getHeaders()) {
      if (name.equalsIgnoreCase(h.getName())) {
        return h.getValue();
      }
    }
    return null;
  }
}
