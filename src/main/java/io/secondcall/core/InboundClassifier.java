package io.secondcall.core;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sorts inbound mail (SPEC section 4): the user's own copies, bounces, auto-replies, mail that
 * is positively automated, list mail, and what is left: personal mail that may be a genuine
 * reply. The order matters: a bounce is often also auto-submitted, and an out-of-office may carry
 * {@code Auto-Submitted}. List headers alone prove nothing about who wrote a message, so list
 * mail is a kind of its own that the reply rules still read.
 */
public final class InboundClassifier {

  /** Senders of delivery reports. */
  private static final Pattern DAEMON = Pattern.compile("^(?:mailer-daemon|postmaster)$", Pattern.CASE_INSENSITIVE);

  /** Subjects of non-standard (non-DSN) bounces from mailer daemons. */
  private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
      "undeliver|delivery (?:status notification|failure|has failed)|mail delivery failed|returned mail|failure notice"
          + "|unzustellbar|nicht zustellbar|non remis|no se puede entregar|rechazado",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private final Identity identity;
  private final AutoReplyParser autoReplies;

  /** Dates of auto-replies in UTC; prefer {@link #InboundClassifier(Identity, ZoneId)}. */
  public InboundClassifier(Identity identity) {
    this(identity, ZoneId.of("UTC"));
  }

  /** @param zone the user's time zone, for return dates given as a weekday or without a year */
  public InboundClassifier(Identity identity, ZoneId zone) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.autoReplies = new AutoReplyParser(zone);
  }

  public Inbound classify(MailMessage m) {
    if (identity.isMe(m.from())) {
      return Inbound.of(Inbound.Kind.OWN, "own message");
    }
    Optional<Inbound> bounce = bounce(m);
    if (bounce.isPresent()) {
      return bounce.get();
    }
    Optional<AutoReply> autoReply = autoReplies.parse(m);
    if (autoReply.isPresent()) {
      return new Inbound(Inbound.Kind.AUTO_REPLY, autoReply.get().returnDate(), List.of(), autoReply.get().reason());
    }
    Optional<String> automated = AutomatedMail.reason(m);
    if (automated.isPresent()) {
      return Inbound.of(Inbound.Kind.AUTOMATED, automated.get());
    }
    if (SystemAddresses.isSystem(m.from())) {
      return Inbound.of(Inbound.Kind.AUTOMATED, "automated (no-reply sender)");
    }
    Optional<String> list = AutomatedMail.listReason(m);
    if (list.isPresent()) {
      return Inbound.of(Inbound.Kind.LIST, list.get());
    }
    return Inbound.of(Inbound.Kind.PERSONAL, "personal message");
  }

  private static Optional<Inbound> bounce(MailMessage m) {
    if (!m.bounced().isEmpty()) {
      return Optional.of(new Inbound(Inbound.Kind.BOUNCE, Optional.empty(), m.bounced(),
          "delivery failed for " + m.bounced().get(0).address()
              + (m.bounced().size() > 1 ? " and " + (m.bounced().size() - 1) + " more" : "")));
    }
    String contentType = m.header("content-type").orElse("").toLowerCase(Locale.ROOT);
    boolean dsn = contentType.contains("report-type=delivery-status") || contentType.contains("report-type=\"delivery-status\"");
    boolean fromDaemon = m.from() != null && DAEMON.matcher(m.from().localPart()).matches();
    if (dsn || fromDaemon && BOUNCE_SUBJECT.matcher(m.subject()).find()) {
      return Optional.of(Inbound.of(Inbound.Kind.BOUNCE, "delivery failure report"));
    }
    return Optional.empty();
  }
}
