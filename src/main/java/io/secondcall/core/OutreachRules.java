package io.secondcall.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Decides which sent messages are outreach that waits for an answer (SPEC section 3). */
public final class OutreachRules {

  /** Digits after a tag address's local part: {@code me+fu5@x} for tag {@code me+fu@x}. */
  private static final int MAX_TAG_DIGITS = 3;

  private final Identity identity;
  private final FollowUpRules rules;
  private final List<EmailAddress> tags;
  private final Predicate<EmailAddress> mailingLists;

  /** @throws IllegalArgumentException when a tag address is not an email address */
  public OutreachRules(Identity identity, FollowUpRules rules) {
    this(identity, rules, a -> false);
  }

  /**
   * @param mailingLists whether an address is known to be a mailing list (learned from inbound
   *     mail): a post to a list is not outreach
   */
  public OutreachRules(Identity identity, FollowUpRules rules, Predicate<EmailAddress> mailingLists) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.tags = rules.tagAddresses().stream().sorted().map(EmailAddress::of).toList();
    this.mailingLists = Objects.requireNonNull(mailingLists, "mailingLists");
  }

  /**
   * Whether {@code sent} is an outreach.
   *
   * @param firstScanAt when secondcall first scanned this mailbox: older mail beyond the look-back
   *     is never tracked, so a first run on years of sent mail drafts nothing for it
   */
  public OutreachDecision evaluate(MailMessage sent, Instant firstScanAt) {
    Optional<String> automated = AutomatedMail.reason(sent).or(() -> AutomatedMail.listReason(sent));
    if (automated.isPresent()) {
      return OutreachDecision.ignored(automated.get());
    }
    if (sent.calendarMethod() != null) {
      return OutreachDecision.ignored("calendar invitation");
    }
    if (sent.date().isBefore(firstScanAt.minus(rules.lookbackDays(), ChronoUnit.DAYS))) {
      return OutreachDecision.ignored("older than the " + rules.lookbackDays() + "-day look-back");
    }
    int firstStepDays = 0;
    if (rules.track() == FollowUpRules.Track.TAGGED) {
      OptionalInt tag = tagDays(sent);
      if (tag.isEmpty()) {
        return OutreachDecision.ignored("not tagged");
      }
      firstStepDays = tag.getAsInt();
    }
    Optional<EmailAddress> list = sent.recipients().stream().filter(mailingLists).findFirst();
    if (list.isPresent()) {
      return OutreachDecision.ignored("mailing list post (" + list.get().address() + ")");
    }
    List<EmailAddress> contacts = contacts(sent);
    if (contacts.isEmpty() && sent.recipients().stream().anyMatch(SystemAddresses::isSystem)) {
      return OutreachDecision.ignored("to a system address (" + sent.recipients().stream()
          .filter(SystemAddresses::isSystem).findFirst().orElseThrow().address() + ")");
    }
    if (contacts.isEmpty()) {
      return OutreachDecision.ignored(sent.recipients().isEmpty() ? "no recipients" : noContactReason(sent));
    }
    if (contacts.size() > rules.maxRecipients()) {
      return OutreachDecision.ignored("bulk mail: " + contacts.size() + " external recipients");
    }
    return OutreachDecision.outreach(contacts, firstStepDays);
  }

  /** External To/Cc recipients, each once, tag addresses never. */
  private List<EmailAddress> contacts(MailMessage sent) {
    Map<String, EmailAddress> byAddress = new LinkedHashMap<>();
    for (EmailAddress a : sent.recipients()) {
      if (identity.isExternal(a) && tagDays(a).isEmpty() && !SystemAddresses.isSystem(a)) {
        byAddress.putIfAbsent(a.address(), a);
      }
    }
    return new ArrayList<>(byAddress.values());
  }

  private String noContactReason(MailMessage sent) {
    boolean anyIgnored = sent.recipients().stream().anyMatch(a -> !identity.isMe(a) && isIgnored(a));
    return anyIgnored ? "ignored recipients only" : "internal only";
  }

  private boolean isIgnored(EmailAddress a) {
    return identity.ignoredAddresses().contains(a.address())
        || identity.ignoredDomains().stream().anyMatch(d -> a.domain().equals(d) || a.domain().endsWith("." + d));
  }

  /** The tag's first-step days (0 for a plain tag) when any recipient or the Gmail label is a tag. */
  private OptionalInt tagDays(MailMessage sent) {
    OptionalInt found = Stream.of(sent.bcc(), sent.to(), sent.cc())
        .flatMap(List::stream)
        .map(this::tagDays)
        .filter(OptionalInt::isPresent)
        .findFirst()
        .orElse(OptionalInt.empty());
    if (found.isEmpty() && rules.tagLabel() != null
        && sent.labels().stream().anyMatch(l -> l.equalsIgnoreCase(rules.tagLabel()))) {
      return OptionalInt.of(0);
    }
    return found;
  }

  /**
   * Matches {@code a} against the tag addresses: equal, or the tag's local part followed by up to
   * three digits ({@code me+fu5@x} for {@code me+fu@x}), or, for a tag without "+", any
   * {@code +tag} of that mailbox (trailing digits of the tag give the days).
   */
  OptionalInt tagDays(EmailAddress a) {
    for (EmailAddress t : tags) {
      if (a.address().equals(t.address())) {
        return OptionalInt.of(0);
      }
      if (!a.domain().equals(t.domain())) {
        continue;
      }
      String local = a.localPart();
      if (t.localPart().contains("+")) {
        if (local.startsWith(t.localPart())) {
          String rest = local.substring(t.localPart().length());
          if (isDays(rest)) {
            return OptionalInt.of(Integer.parseInt(rest));
          }
        }
      } else if (a.baseAddress().equals(t.address()) && !a.address().equals(a.baseAddress())) {
        return OptionalInt.of(trailingDays(local.substring(local.indexOf('+') + 1)));
      }
    }
    return OptionalInt.empty();
  }

  private static boolean isDays(String s) {
    return !s.isEmpty() && s.length() <= MAX_TAG_DIGITS && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static int trailingDays(String plusTag) {
    int i = plusTag.length();
    while (i > 0 && Character.isDigit(plusTag.charAt(i - 1)) && plusTag.length() - i < MAX_TAG_DIGITS) {
      i--;
    }
    String digits = plusTag.substring(i);
    return isDays(digits) ? Integer.parseInt(digits) : 0;
  }
}
