package io.secondcall.template;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.SafeText;
import io.secondcall.core.Subjects;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Builds a draft reply as one {@link MimeMessage}, ready for any {@code DraftSink}: threaded by
 * In-Reply-To/References (RFC 5322 section 3.6.4), {@code Re: } subject, {@code X-Secondcall-Id}.
 * No {@code Auto-Submitted}: the human sends the draft, so it is not automated mail.
 */
public final class DraftComposer {

  /** Header carrying the step's stable id, by which a draft is found again after a crash. */
  public static final String SECONDCALL_ID = "X-Secondcall-Id";

  /** How many Message-IDs References keeps: the root and the most recent ones. */
  static final int MAX_REFERENCES = 20;

  private final Session session = Session.getInstance(new Properties());
  private final RandomGenerator random;

  public DraftComposer() {
    this(new SecureRandom());
  }

  /** @param random source of the unique part of each Message-ID */
  public DraftComposer(RandomGenerator random) {
    this.random = random;
  }

  /**
   * The draft as a MIME message: text/plain UTF-8 (quoted-printable when not ASCII) as
   * {@link SafeText#draftText} makes it, headers as {@link HeaderValues} writes them; invalid
   * Message-IDs are left out.
   *
   * @throws IllegalArgumentException when an address is not a valid mailbox
   */
  public MimeMessage compose(Draft draft) {
    try {
      MimeMessage m = new PresetIdMimeMessage(session, newMessageId(draft));
      m.setFrom(HeaderValues.address(draft.from()));
      m.setRecipients(Message.RecipientType.TO, addresses(draft.to()));
      if (!draft.cc().isEmpty()) {
        m.setRecipients(Message.RecipientType.CC, addresses(draft.cc()));
      }
      String subject = draft.reply() ? Subjects.reply(draft.originalSubject()) : draft.originalSubject();
      m.setHeader("Subject", HeaderValues.folded("Subject", subject));
      HeaderValues.messageId(draft.inReplyTo()).ifPresent(id -> setHeader(m, "In-Reply-To", id));
      List<String> refs = references(draft.references(), draft.inReplyTo());
      if (!refs.isEmpty()) {
        // Folded: twenty ids do not fit the 998-character line limit on one line.
        m.setHeader("References", MimeUtility.fold("References: ".length(), String.join(" ", refs)));
      }
      m.setHeader(SECONDCALL_ID, HeaderValues.clean(draft.secondcallId()));
      m.setSentDate(Date.from(draft.date()));
      // The body quotes mail (names, subjects, a quote): no control character gets through.
      m.setText(crlf(SafeText.draftText(draft.body())), "UTF-8");
      m.saveChanges();
      return m;
    } catch (MessagingException e) {
      throw new IllegalStateException("building draft " + draft.secondcallId() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Previous references then the replied-to id, each valid and once, in angle brackets. Capped
   * at {@link #MAX_REFERENCES}, keeping the root as RFC 5322 suggests plus the most recent.
   */
  static List<String> references(List<String> previous, String inReplyTo) {
    Set<String> ids = new LinkedHashSet<>();
    for (String r : previous) {
      HeaderValues.messageId(r).ifPresent(ids::add);
    }
    HeaderValues.messageId(inReplyTo).ifPresent(id -> {
      ids.remove(id);
      ids.add(id);
    });
    List<String> all = new ArrayList<>(ids);
    if (all.size() <= MAX_REFERENCES) {
      return all;
    }
    List<String> capped = new ArrayList<>();
    capped.add(all.get(0));
    capped.addAll(all.subList(all.size() - (MAX_REFERENCES - 1), all.size()));
    return capped;
  }

  private String newMessageId(Draft draft) {
    String id = draft.secondcallId().replaceAll("[^A-Za-z0-9._-]", "_");
    String token = HexFormat.of().toHexDigits(random.nextLong());
    return "<secondcall." + id + "." + token + "@" + draft.from().domain() + ">";
  }

  private static InternetAddress[] addresses(List<EmailAddress> list) {
    return list.stream().map(HeaderValues::address).toArray(InternetAddress[]::new);
  }

  private static void setHeader(MimeMessage m, String name, String value) {
    try {
      m.setHeader(name, value);
    } catch (MessagingException e) {
      throw new IllegalStateException("setting " + name, e);
    }
  }

  /** RFC 5322 lines end in CRLF; templates and config files end them in LF. */
  static String crlf(String body) {
    return body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n");
  }
}
