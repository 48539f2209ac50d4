package io.secondcall.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mailing-list addresses that inbound mail proves to be lists (SPEC section 3), each with the
 * first evidence found: the address in a {@code List-Post}; the To/Cc address whose local part is
 * the {@code List-Id}'s first label, at the same site ({@code <ilug.linux.ie>} and
 * {@code ilug@linux.ie}; {@code spamassassin-talk@lists.sourceforge.net} for
 * {@code <spamassassin-talk.example.sourceforge.net>}, but not {@code fork@qu.to} for
 * {@code <fork.xent.com>}: a mirror's address is no proof); the
 * address whose {@code -bounces}, {@code -request} or {@code -admin} form is a {@code Sender}
 * ({@code -admin} is what Mailman sent as until 2.1, which is most of this 2002 corpus); the list
 * named in a {@code Mailing-List} header ({@code list X;} or ezmlm's {@code contact X-help@D}).
 *
 * <p>The generator asks it which lists to post to; the assertions ask it which drafts went to a list.
 */
final class ListEvidence {

  static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+=!#$&'*/?^`{|}~-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
  private static final Pattern MAILTO = Pattern.compile("mailto:([^?>\\s,]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LIST_ID = Pattern.compile("<([^<>@\\s]+)>\\s*$");
  private static final Pattern LIST_SENDER = Pattern.compile("^(.+)-(?:bounces|request|admin)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern MAILING_LIST = Pattern.compile("\\blist\\s+(" + ADDRESS.pattern() + ")", Pattern.CASE_INSENSITIVE);
  private static final Pattern EZMLM = Pattern.compile("\\bcontact\\s+([^@\\s;]+)-help@([A-Za-z0-9.-]+)", Pattern.CASE_INSENSITIVE);

  private final Map<String, String> lists = new LinkedHashMap<>();

  /** Adds the evidence of one inbound message; {@code header} gives the raw values of a header name. */
  void add(String where, Function<String, List<String>> header) {
    for (String post : header.apply("List-Post")) {
      Matcher m = MAILTO.matcher(post);
      while (m.find()) {
        note(m.group(1), "List-Post of " + where);
      }
    }
    for (String id : header.apply("List-Id")) {
      Matcher m = LIST_ID.matcher(id.strip());
      String listId = m.find() ? m.group(1) : id.strip();
      String label = listId.contains(".") ? listId.substring(0, listId.indexOf('.')) : listId;
      String site = listId.contains(".") ? lastTwoLabels(listId.substring(listId.indexOf('.') + 1)) : "";
      for (String a : addresses(header, "To", "Cc")) {
        if (localPart(a).equalsIgnoreCase(label) && lastTwoLabels(domain(a)).equalsIgnoreCase(site)) {
          note(a, "To/Cc of List-Id <" + listId + "> mail " + where);
        }
      }
    }
    for (String sender : header.apply("Sender")) {
      for (String a : addresses(sender)) {
        Matcher m = LIST_SENDER.matcher(localPart(a));
        if (m.matches()) {
          note(m.group(1) + "@" + domain(a), "Sender " + a + " of " + where);
        }
      }
    }
    for (String ml : header.apply("Mailing-List")) {
      Matcher list = MAILING_LIST.matcher(ml);
      while (list.find()) {
        note(list.group(1), "Mailing-List of " + where);
      }
      Matcher ezmlm = EZMLM.matcher(ml);
      while (ezmlm.find()) {
        note(ezmlm.group(1) + "@" + ezmlm.group(2), "Mailing-List of " + where);
      }
    }
  }

  boolean isList(String address) {
    return lists.containsKey(address.toLowerCase(Locale.ROOT));
  }

  /** Why {@code address} is a list, or null. */
  String evidence(String address) {
    return lists.get(address.toLowerCase(Locale.ROOT));
  }

  /** Every list address found, in the order first seen. */
  List<String> addresses() {
    return new ArrayList<>(lists.keySet());
  }

  private void note(String address, String why) {
    lists.putIfAbsent(address.toLowerCase(Locale.ROOT), why);
  }

  static List<String> addresses(Function<String, List<String>> header, String... names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      for (String value : header.apply(name)) {
        out.addAll(addresses(value));
      }
    }
    return out;
  }

  /** The addr-specs in a raw header value, lower-cased; lenient, as evidence may be untidy. */
  static List<String> addresses(String value) {
    List<String> out = new ArrayList<>();
    Matcher m = ADDRESS.matcher(value);
    while (m.find()) {
      out.add(m.group().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** {@code sourceforge.net} of {@code lists.sourceforge.net}: where a list lives, whatever its host. */
  private static String lastTwoLabels(String domain) {
    String[] labels = domain.split("\\.");
    return labels.length < 2 ? domain : labels[labels.length - 2] + "." + labels[labels.length - 1];
  }

  static String localPart(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? address : address.substring(0, at);
  }

  static String domain(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? "" : address.substring(at + 1);
  }
}
