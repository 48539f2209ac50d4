package io.secondcall.template;

import io.secondcall.core.SafeText;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the inbox digest: one plain-text message from the user to the user, subject counting
 * what happened ("secondcall: 3 follow-ups drafted, 1 bounce"), body grouped by kind.
 */
public final class DigestComposer {

  /** Subject and heading wording per known kind, in the order they are listed. */
  private record Kind(String one, String many, String heading) {}

  private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put(DigestLine.DRAFT, new Kind("follow-up drafted", "follow-ups drafted",
        "Follow-up drafts, in your Drafts folder to review and send"));
    KINDS.put(DigestLine.CALLBACK, new Kind("callback booked", "callbacks booked",
        "Callback blocks in your calendar"));
    KINDS.put(DigestLine.BOUNCE, new Kind("bounce", "bounces",
        "Bounces: these addresses did not accept your mail, their sequences ended"));
    KINDS.put(DigestLine.ENDED, new Kind("sequence ended", "sequences ended", "Sequences ended"));
    KINDS.put(DigestLine.PAUSED, new Kind("sequence paused", "sequences paused",
        "Paused: out of office, the next step waits until they are back"));
    KINDS.put(DigestLine.LOGIN, new Kind("login problem", "login problems", "Needs your attention"));
    KINDS.put(DigestLine.REPORT, new Kind("weekly report", "weekly reports",
        "This week's persistence report (secondcall report and the pipeline page have the details)"));
  }

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

  private final Session session = Session.getInstance(new Properties());

  /** The digest message: From and To the user, {@code X-Secondcall-Id}, text/plain UTF-8. */
  public MimeMessage compose(Digest digest) {
    Map<String, List<String>> byKind = group(digest.lines());
    try {
      String id = HeaderValues.clean(digest.digestId());
      String token = id.replaceAll("[^A-Za-z0-9._-]", "_");
      // Deterministic: the same digest delivered twice after a crash is recognisably the same.
      MimeMessage m = new PresetIdMimeMessage(session,
          "<secondcall." + token + "@" + digest.to().domain() + ">");
      InternetAddress user = HeaderValues.address(digest.to());
      m.setFrom(user);
      m.setRecipient(Message.RecipientType.TO, user);
      m.setHeader("Subject", HeaderValues.folded("Subject", subject(byKind)));
      m.setHeader(DraftComposer.SECONDCALL_ID, id);
      // RFC 3834: the digest is machine-made, unlike a draft the user sends.
      m.setHeader("Auto-Submitted", "auto-generated");
      m.setSentDate(Date.from(digest.date()));
      m.setText(DraftComposer.crlf(body(digest, byKind)), "UTF-8");
      m.saveChanges();
      return m;
    } catch (MessagingException e) {
      throw new IllegalStateException("building digest " + digest.digestId() + ": " + e.getMessage(), e);
    }
  }

  /** "secondcall: 3 follow-ups drafted, 1 bounce". */
  static String subject(Map<String, List<String>> byKind) {
    List<String> parts = new ArrayList<>();
    byKind.forEach((kind, lines) -> {
      int n = lines.size();
      Kind k = KINDS.get(kind);
      parts.add(n + " " + (k == null ? SafeText.digestLine(kind) : n == 1 ? k.one() : k.many()));
    });
    return "secondcall: " + String.join(", ", parts);
  }

  private static String body(Digest digest, Map<String, List<String>> byKind) {
    StringBuilder sb = new StringBuilder();
    sb.append("secondcall, ").append(WHEN.format(digest.date().atZone(digest.zone())))
        .append(" (").append(digest.zone().getId()).append(")\n");
    byKind.forEach((kind, lines) -> {
      Kind k = KINDS.get(kind);
      String heading = k == null ? "Other (" + SafeText.digestLine(kind) + ")" : k.heading();
      sb.append('\n').append(heading).append(" (").append(lines.size()).append("):\n");
      lines.forEach(l -> sb.append("  - ").append(l).append('\n'));
    });
    if (byKind.containsKey(DigestLine.DRAFT)) {
      sb.append("\nNothing was sent to anyone: each draft waits for you to read, edit and send it.\n"
          + "Deleting a draft skips that step.\n");
    }
    return sb.toString();
  }

  /** Lines by kind: known kinds in a fixed order, then others as they first appear. */
  private static Map<String, List<String>> group(List<DigestLine> lines) {
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    for (String kind : KINDS.keySet()) {
      List<String> texts = lines.stream().filter(l -> l.kind().equals(kind)).map(DigestLine::text).toList();
      if (!texts.isEmpty()) {
        byKind.put(kind, texts);
      }
    }
    for (DigestLine l : lines) {
      if (!KINDS.containsKey(l.kind())) {
        byKind.computeIfAbsent(l.kind(), x -> new ArrayList<>()).add(l.text());
      }
    }
    return byKind;
  }
}
