package io.secondcall.template;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.SafeText;
import io.secondcall.core.Subjects;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Formats a {@link DraftContext} into template variables: dates in words, names, a short quote.
 * Every text variable is one line as {@link SafeText#draftLine} makes it (the signature: lines
 * as {@link SafeText#draftText}), so a value from mail cannot add lines or controls to a draft.
 */
public final class Variables {

  /** Every variable a template may use, in the order the README lists them. */
  public static final List<String> NAMES = List.of(
      "contact_first_name", "contact_name", "company", "subject", "last_touch_date",
      "last_touch_ago", "quote", "step", "my_name", "signature", "meeting_title", "meeting_date",
      "callback_time");

  /** Longest quote excerpt, in characters; a follow-up quotes a line, not a letter. */
  static final int QUOTE_MAX = 160;

  // Shared mailboxes: "Hi Info," reads worse than "Hello,".
  private static final Set<String> ROLE_MAILBOXES = Set.of("info", "contact", "kontakt", "hello",
      "hallo", "office", "sales", "support", "team", "mail", "admin", "service", "enquiries",
      "inquiries", "welcome", "post", "bureau", "buero", "noreply", "no-reply", "hr", "jobs");
  private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr", "prof",
      "herr", "frau", "mme", "mlle", "m", "sr", "sra", "dott", "ing", "mag");
  private static final Pattern GREETING = Pattern.compile(
      "^(hi|hello|hey|dear|hallo|liebe|lieber|sehr geehrte|guten tag|bonjour|hola|buongiorno)\\b.{0,40}$",
      Pattern.CASE_INSENSITIVE);
  // A sign-off ends the user's own words; what follows is their name and signature.
  private static final Pattern SIGN_OFF = Pattern.compile(
      "^(best|best regards|best wishes|kind regards|regards|warm regards|many thanks|thanks|thank you"
          + "|cheers|all the best|sincerely|yours|viele grüße|beste grüße|freundliche grüße"
          + "|mit freundlichen grüßen|liebe grüße|lg|vg|mfg|cordialement|bien à vous|bien cordialement"
          + "|saludos|un saludo|atentamente)[,.!]?$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private Variables() {}

  static Map<String, Object> of(DraftContext c, ZoneId zone, Instant now, Locale locale) {
    String fullName = contactName(c);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("contact_first_name", firstName(fullName));
    v.put("contact_name", fullName);
    v.put("company", SafeText.draftLine(c.company()));
    v.put("subject", Subjects.strip(SafeText.draftLine(c.originalSubject())));
    v.put("last_touch_date", date(c.lastTouch(), zone, now, locale));
    v.put("last_touch_ago", ago(c.lastTouch(), now, zone));
    v.put("quote", quote(c.lastQuote()));
    v.put("step", c.step());
    v.put("my_name", SafeText.draftLine(c.myName()));
    String signature = c.signature() == null || c.signature().isBlank() ? c.myName() : c.signature();
    v.put("signature", SafeText.draftText(signature).strip());
    // Meeting titles come from invitations, which anyone can send.
    v.put("meeting_title", c.meetingTitle().map(SafeText::draftLine).orElse(""));
    v.put("meeting_date", c.meetingDate().map(t -> date(t, zone, now, locale)).orElse(""));
    v.put("callback_time", c.callbackTime().map(t -> dateTime(t, zone, now, locale)).orElse(""));
    return v;
  }

  /** "Tuesday, 17 November", with the year when it is not this year's. */
  public static String date(Instant t, ZoneId zone, Instant now, Locale locale) {
    ZonedDateTime at = t.atZone(zone);
    String pattern = at.getYear() == now.atZone(zone).getYear() ? "EEEE, d MMMM" : "EEEE, d MMMM yyyy";
    return DateTimeFormatter.ofPattern(pattern, locale).format(at);
  }

  /** "Thursday, 19 November at 10:30" (24-hour clock, no locale-specific spaces). */
  public static String dateTime(Instant t, ZoneId zone, Instant now, Locale locale) {
    String time = DateTimeFormatter.ofPattern("HH:mm", locale).format(t.atZone(zone));
    String joiner = "en".equals(locale.getLanguage()) ? " at " : ", ";
    return date(t, zone, now, locale) + joiner + time;
  }

  /** "today", "yesterday", "3 days ago", "last week", "2 weeks ago", "last month", ... (English). */
  public static String ago(Instant then, Instant now, ZoneId zone) {
    long days = ChronoUnit.DAYS.between(then.atZone(zone).toLocalDate(), now.atZone(zone).toLocalDate());
    if (days <= 0) {
      return "today";
    } else if (days == 1) {
      return "yesterday";
    } else if (days < 7) {
      return days + " days ago";
    } else if (days < 14) {
      return "last week";
    } else if (days < 28) {
      return days / 7 + " weeks ago";
    } else if (days < 60) {
      return "last month";
    } else if (days < 365) {
      return days / 30 + " months ago";
    }
    return "over a year ago";
  }

  /**
   * A short excerpt of the user's own words: quoted text, the signature and the greeting line are
   * left out, whitespace is collapsed, and the text is cut at a sentence or word end.
   */
  public static String quote(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    StringBuilder own = new StringBuilder();
    boolean first = true;
    for (String line : text.split("\\R")) {
      String l = SafeText.draftLine(line);
      if (line.equals("-- ") || l.equals("--") || SIGN_OFF.matcher(l).matches() || l.matches("(?i)^(on .+wrote:|am .+schrieb.*:|le .+a écrit ?:|-+ ?original message ?-+)$")) {
        break;
      }
      // Only the first non-blank line can be the greeting ("Hi Alice,").
      if (l.startsWith(">") || (first && GREETING.matcher(l).matches()) || l.isEmpty()) {
        first &= l.isEmpty();
        continue;
      }
      first = false;
      own.append(l).append(' ');
    }
    String flat = own.toString().replaceAll("\\s+", " ").strip();
    if (flat.length() <= QUOTE_MAX) {
      return flat;
    }
    String head = flat.substring(0, QUOTE_MAX);
    int sentence = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf("? "), head.lastIndexOf("! ")));
    // A whole sentence of some substance reads better than a longer fragment cut mid-thought.
    if (sentence >= 30) {
      return head.substring(0, sentence + 1);
    }
    int space = head.lastIndexOf(' ');
    return (space > 0 ? head.substring(0, space) : head).replaceAll("[,;:\\s]+$", "") + "...";
  }

  /** The contact's full name: from config, else the mail header, else a guess from the address. */
  static String contactName(DraftContext c) {
    String configured = usable(c.contactName());
    if (configured != null) {
      return configured;
    }
    EmailAddress a = c.contact();
    String header = usable(a.name());
    if (header != null) {
      return header;
    }
    if (ROLE_MAILBOXES.contains(a.baseAddress().substring(0, a.baseAddress().indexOf('@')))) {
      return "";
    }
    String guess = a.displayName();
    return guess.equals(a.address()) ? "" : guess;
  }

  /** First given name for a salutation; empty when it cannot be told (only a surname, a role). */
  static String firstName(String fullName) {
    if (fullName.isEmpty()) {
      return "";
    }
    String name = fullName;
    int comma = name.indexOf(',');
    if (comma > 0 && comma < name.length() - 1) {
      name = name.substring(comma + 1).strip() + " " + name.substring(0, comma).strip();
    }
    String[] words = name.split("\\s+");
    int i = 0;
    while (i < words.length && HONORIFICS.contains(words[i].replace(".", "").toLowerCase(Locale.ROOT))) {
      i++;
    }
    // "Dr. Smith": what is left after a title is a surname, not a first name.
    if (i == words.length || (i > 0 && words.length - i < 2)) {
      return "";
    }
    String w = words[i];
    boolean oneCase = w.equals(w.toLowerCase(Locale.ROOT)) || w.equals(w.toUpperCase(Locale.ROOT));
    if (oneCase && w.length() > 1) {
      w = w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1).toLowerCase(Locale.ROOT);
    }
    return w;
  }

  private static String usable(String name) {
    if (name == null) {
      return null;
    }
    String s = SafeText.draftLine(name).replaceAll("\\s+", " ");
    // A display name that is just the address again says nothing about the person.
    return s.isEmpty() || s.contains("@") ? null : s;
  }

  /** A context where every variable is non-empty, to exercise every section of a template. */
  static Map<String, Object> sampleFilled() {
    Map<String, Object> v = new LinkedHashMap<>();
    for (String n : NAMES) {
      v.put(n, "sample " + n);
    }
    v.put("step", 2);
    return v;
  }

  /** A context where every optional variable is empty, to exercise every inverted section. */
  static Map<String, Object> sampleEmpty() {
    Map<String, Object> v = new LinkedHashMap<>();
    for (String n : NAMES) {
      v.put(n, "");
    }
    v.put("step", 1);
    return v;
  }
}
