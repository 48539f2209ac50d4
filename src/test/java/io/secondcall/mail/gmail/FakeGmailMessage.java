package io.secondcall.mail.gmail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One raw message as the fake Gmail API shows it: its header lines as Gmail lists them (raw
 * 8-bit read as UTF-8, encoded words left as they are, lines unfolded) and its payload in
 * {@code format=full}, parts with their content (transfer encoding undone) as base64url data,
 * attachments without data.
 */
public final class FakeGmailMessage {

  private static final Session SESSION = Session.getInstance(new Properties());
  private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");

  /** One header line. */
  record Header(String name, String value) {}

  private final byte[] raw;
  private final List<Header> headers;

  FakeGmailMessage(byte[] raw) {
    this.raw = raw;
    this.headers = headers(raw);
  }

  List<Header> headers() {
    return headers;
  }

  public String header(String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
  }

  public String messageId() {
    List<String> ids = ids(header("Message-ID"));
    return ids.isEmpty() ? null : ids.get(0);
  }

  List<String> references() {
    List<String> refs = new ArrayList<>(ids(header("References")));
    refs.addAll(ids(header("In-Reply-To")));
    return refs;
  }

  public String subject() {
    String s = header("Subject");
    try {
      return s == null ? "" : MimeUtility.decodeText(s);
    } catch (java.io.UnsupportedEncodingException e) {
      return s;
    }
  }

  /** The Date header, or null when it is missing or unreadable. */
  Instant date() {
    try {
      String d = header("Date");
      return d == null ? null : new MailDateFormat().parse(d).toInstant();
    } catch (java.text.ParseException | RuntimeException e) {
      return null;
    }
  }

  String topMimeType() {
    return mimeType(header("Content-Type"));
  }

  /** The payload of format=full (with data) or format=metadata (top-level, chosen headers only). */
  ObjectNode payload(boolean full, List<String> metadataHeaders) {
    if (!full) {
      ObjectNode p = FakeGmailStore.JSON.createObjectNode().put("partId", "").put("mimeType", topMimeType());
      ArrayNode list = p.putArray("headers");
      headers.stream()
          .filter(h -> metadataHeaders == null || metadataHeaders.stream().anyMatch(h.name()::equalsIgnoreCase))
          .forEach(h -> list.addObject().put("name", h.name()).put("value", h.value()));
      return p;
    }
    try {
      MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
      ObjectNode p = part(m, "");
      ArrayNode list = p.putArray("headers");
      headers.forEach(h -> list.addObject().put("name", h.name()).put("value", h.value()));
      return p;
    } catch (MessagingException e) {
      return payload(false, null);
    }
  }

  private static ObjectNode part(Part part, String partId) {
    ObjectNode p = FakeGmailStore.JSON.createObjectNode().put("partId", partId);
    String type;
    try {
      type = mimeType(part.getContentType());
    } catch (MessagingException e) {
      type = "text/plain";
    }
    p.put("mimeType", type);
    ArrayNode headers = p.putArray("headers");
    if (!partId.isEmpty()) {
      try {
        for (var h : java.util.Collections.list(part.getAllHeaders())) {
          headers.addObject().put("name", h.getName()).put("value", MimeUtility.unfold(h.getValue()));
        }
      } catch (MessagingException e) {
        // a part without readable headers
      }
    }
    ObjectNode body = p.putObject("body");
    if (type.startsWith("multipart/")) {
      body.put("size", 0);
      ArrayNode parts = p.putArray("parts");
      try {
        Multipart mp = (Multipart) part.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart child = mp.getBodyPart(i);
          parts.add(part(child, (partId.isEmpty() ? "" : partId + ".") + i));
        }
      } catch (MessagingException | IOException | ClassCastException e) {
        // A broken multipart (no such boundary): Gmail lists no parts either.
      }
      return p;
    }
    try {
      byte[] content = part.getInputStream().readAllBytes();
      body.put("size", content.length);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        body.put("attachmentId", "att-" + partId);
        p.put("filename", part.getFileName() == null ? "" : part.getFileName());
      } else {
        body.put("data", Base64.getUrlEncoder().encodeToString(content));
      }
    } catch (MessagingException | IOException e) {
      body.put("size", 0);
    }
    return p;
  }

  private static String mimeType(String contentType) {
    if (contentType == null) {
      return "text/plain";
    }
    try {
      return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException e) {
      return "text/plain";
    }
  }

  /** The header block, lines unfolded, bytes read as UTF-8 (what Gmail does with 8-bit headers). */
  private static List<Header> headers(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String block = end < 0 ? text : text.substring(0, end);
    List<Header> out = new ArrayList<>();
    for (String line : block.split("\r\n(?![ \t])")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        out.add(new Header(line.substring(0, colon).strip(), line.substring(colon + 1).replaceAll("\r\n", "").strip()));
      }
    }
    return out;
  }

  private static List<String> ids(String value) {
    List<String> out = new ArrayList<>();
    if (value != null) {
      Matcher m = ID.matcher(value);
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

}
