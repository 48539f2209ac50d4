package io.secondcall.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which addresses an inbound message proves to be mailing lists (SPEC section 3). A Sent copy of
 * a list post carries no list headers, so the lists are learned from what the lists deliver.
 * Only positive evidence counts, so that a person copied on list mail is never taken for a list.
 */
public final class MailingLists {

  /** A list address and the header that proved it. */
  public record Evidence(EmailAddress address, String header) {}

  private static final Pattern MAILTO = Pattern.compile("<?\\s*mailto:([^>?\\s,]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");
  private static final Pattern ROBOT_SUFFIX = Pattern.compile("^(.+?)-(?:bounces|request|admin|owner)(?:\\+.*)?$");
  private static final Pattern MAILING_LIST = Pattern.compile("\\blist\\s+([^\\s;]+@[^\\s;]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern MAILING_LIST_CONTACT =
      Pattern.compile("\\bcontact\\s+([^\\s;@]+)-help@([^\\s;]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LIST_ID = Pattern.compile("<([^<>\\s]+)>\\s*$");

  private MailingLists() {}

  public static List<Evidence> provenBy(MailMessage m) {
    Map<String, Evidence> found = new LinkedHashMap<>();
    m.header("list-post").ifPresent(v -> mailtos(v).forEach(a -> add(found, a, "List-Post")));
    m.header("sender").flatMap(MailingLists::firstAddress).flatMap(MailingLists::listOfRobot)
        .ifPresent(a -> add(found, a, "Sender"));
    m.header("mailing-list").ifPresent(v -> mailingListHeader(v).ifPresent(a -> add(found, a, "Mailing-List")));
    m.header("x-beenthere").flatMap(MailingLists::firstAddress).ifPresent(a -> add(found, a, "X-BeenThere"));
    m.header("x-mailing-list").flatMap(MailingLists::firstAddress).ifPresent(a -> add(found, a, "X-Mailing-List"));
    m.header("list-id").flatMap(MailingLists::listId).ifPresent(id -> {
      for (EmailAddress r : m.recipients()) {
        if (isListOf(id, r)) {
          add(found, r, "List-Id");
        }
      }
    });
    return new ArrayList<>(found.values());
  }

  private static void add(Map<String, Evidence> found, EmailAddress a, String header) {
    found.putIfAbsent(a.address(), new Evidence(new EmailAddress(a.address(), null), header));
  }

  private static List<EmailAddress> mailtos(String value) {
    List<EmailAddress> out = new ArrayList<>();
    Matcher mm = MAILTO.matcher(value);
    while (mm.find()) {
      parse(mm.group(1)).ifPresent(out::add);
    }
    return out;
  }

  /** ezmlm and Yahoo Groups: {@code list foo@host; contact foo-owner@host}, or only {@code contact foo-help@host}. */
  private static Optional<EmailAddress> mailingListHeader(String value) {
    Matcher list = MAILING_LIST.matcher(value);
    if (list.find()) {
      return parse(list.group(1));
    }
    Matcher contact = MAILING_LIST_CONTACT.matcher(value);
    return contact.find() ? parse(contact.group(1) + "@" + contact.group(2)) : Optional.empty();
  }

  /** Mailman and majordomo send as {@code list-bounces@}, {@code list-request@}, {@code list-admin@}, {@code owner-list@}. */
  private static Optional<EmailAddress> listOfRobot(EmailAddress sender) {
    String local = sender.localPart();
    Matcher mm = ROBOT_SUFFIX.matcher(local);
    if (mm.matches()) {
      return parse(mm.group(1) + "@" + sender.domain());
    }
    if (local.startsWith("owner-") && local.length() > "owner-".length()) {
      return parse(local.substring("owner-".length()) + "@" + sender.domain());
    }
    return Optional.empty();
  }

  private static Optional<String> listId(String value) {
    Matcher mm = LIST_ID.matcher(value.strip());
    return mm.find() ? Optional.of(mm.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /**
   * RFC 2919: {@code List-Id: <exmh-users.redhat.com>} names the list exmh-users@redhat.com. The
   * id's host part need not be the posting host ({@code <talk.example.sourceforge.net>} for
   * talk@lists.sourceforge.net), but it is at the same site: the same last two labels.
   */
  private static boolean isListOf(String listId, EmailAddress a) {
    String local = a.localPart();
    return listId.startsWith(local + ".") && site(listId).equals(site(a.domain()));
  }

  private static String site(String host) {
    String[] labels = host.split("\\.");
    return labels.length < 2 ? host : labels[labels.length - 2] + "." + labels[labels.length - 1];
  }

  private static Optional<EmailAddress> firstAddress(String value) {
    Matcher mm = ADDRESS.matcher(value);
    return mm.find() ? parse(mm.group()) : Optional.empty();
  }

  private static Optional<EmailAddress> parse(String address) {
    try {
      return Optional.of(EmailAddress.of(address));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
