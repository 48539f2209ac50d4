package io.secondcall.mail.gmail;

import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePartHeader;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.MailMessage;
import io.secondcall.mail.mime.Addresses;
import io.secondcall.mail.mime.HeaderFields;
import io.secondcall.mail.mime.HeaderText;
import io.secondcall.mail.mime.MessageIds;
import jakarta.mail.internet.MailDateFormat;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a Gmail message read with {@code format=metadata} (the {@link HeaderFields#FETCHED}
 * headers) to the core's {@link MailMessage}, by the header rules every adapter shares. Gmail
 * hands header values over as Unicode text, raw 8-bit UTF-8 already read, encoded words not yet
 * decoded. The body, where one was needed, comes as {@link PayloadContent}.
 */
final class MessageMapping {

  private MessageMapping() {}

  /**
   * @param labelNames the names of the message's labels
   * @param content what its body says (bounces, calendar method), or null when it was not read
   * @throws IllegalArgumentException when the message has neither a readable Date nor an internal date
   */
  static MailMessage map(Message m, List<String> labelNames, PayloadContent content) {
    Headers headers = new Headers(m);
    Instant date = date(headers.text("Date"), m.getInternalDate());
    String id = MessageIds.normalise(headers.text("Message-ID"));
    if (id == null) {
      id = HeaderFields.syntheticId(headers, date, m.getSizeEstimate() == null ? -1 : m.getSizeEstimate());
    }
    MailMessage.Builder b = MailMessage.builder(id, date)
        .uid(GmailIds.uid(m.getId()))
        .threadId(m.getThreadId())
        .labels(labelNames);
    HeaderFields.fill(b, headers);
    if (content != null) {
      b.bounced(content.bounced());
      b.calendarMethod(content.calendarMethod());
    }
    return b.build();
  }

  /** Whether the message's body must be read for bounces or a calendar METHOD: a report, an invitation, or parts. */
  static boolean needsBody(Message m) {
    String type = m.getPayload() == null || m.getPayload().getMimeType() == null
        ? "" : m.getPayload().getMimeType().toLowerCase(Locale.ROOT);
    return type.startsWith("multipart/") || type.equals("text/calendar");
  }

  /** The value of the first X-Secondcall-Id header, or null. */
  static String secondcallId(Message m) {
    String value = new Headers(m).text("X-Secondcall-Id");
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The Date header; the internal date (when Gmail received it) when Date is missing or unreadable. */
  private static Instant date(String header, Long internalDate) {
    if (header != null) {
      try {
        return new MailDateFormat().parse(header).toInstant();
      } catch (ParseException | RuntimeException e) {
        // An unparsable Date header: the internal date below is the next best thing.
      }
    }
    if (internalDate == null) {
      throw new IllegalArgumentException("neither a readable Date header nor an internal date");
    }
    return Instant.ofEpochMilli(internalDate);
  }

  /** The message's top-level headers, as Gmail listed them. */
  private record Headers(Message m) implements HeaderFields.Source {

    @Override
    public String text(String name) {
      List<String> values = values(name);
      return values.isEmpty() ? null : HeaderText.decodeText(values.get(0));
    }

    @Override
    public List<EmailAddress> addresses(String name) {
      List<String> values = values(name);
      return values.isEmpty() ? List.of() : Addresses.parse(String.join(",", values));
    }

    private List<String> values(String name) {
      List<String> out = new ArrayList<>();
      if (m.getPayload() != null && m.getPayload().getHeaders() != null) {
        for (MessagePartHeader h : m.getPayload().getHeaders()) {
          if (name.equalsIgnoreCase(h.getName()) && h.getValue() != null) {
            out.add(h.getValue());
          }
        }
      }
      return out;
    }
  }
}
