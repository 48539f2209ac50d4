package io.secondcall.template;

import io.secondcall.core.EmailAddress;
import io.secondcall.core.Letter;
import io.secondcall.core.Recall;
import io.secondcall.core.RecapNotes;
import io.secondcall.core.SafeText;
import io.secondcall.core.Subjects;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Formats a {@link DraftContext} into template variables in the draft's language: the user's own
 * greeting and sign-off, dates in words, names, what is recalled of the last message.
 * Every text variable is one line as {@link SafeText#draftLine} makes it (the signature: lines
 * as {@link SafeText#draftText}), so a value from mail cannot add lines or controls to a draft.
 */
public final class Variables {

  /** Every variable a template may use, in the order the README lists them. */
  public static final List<String> NAMES = List.of(
      "greeting", "contact_first_name", "contact_name", "company", "subject", "last_touch_date",
      "last_touch_ago", "quote", "recap", "step", "my_name", "sign_off", "signature", "meeting_title",
      "meeting_date", "callback_time");

  // Shared mailboxes: "Hi Info," reads worse than "Hello,".
  private static final Set<String> ROLE_MAILBOXES = Set.of("info", "contact", "kontakt", "hello",
      "hallo", "office", "sales", "support", "team", "mail", "admin", "service", "enquiries",
      "inquiries", "welcome", "post", "bureau", "buero", "noreply", "no-reply", "hr", "jobs");
  private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr", "prof",
      "herr", "frau", "mme", "mlle", "m", "sr", "sra", "dott", "ing", "mag");

  private Variables() {}

  static Map<String, Object> of(DraftContext c, ZoneId zone, Instant now) {
    Wording words = Wording.of(c.language());
    String fullName = contactName(c);
    String firstName = firstName(fullName);
    // The user's own last letter: how they greet this person, what they asked, how they sign.
    Letter letter = Letter.read(c.lastQuote());
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("greeting", letter.greeting().orElseGet(() -> words.greeting(firstName, fullName)));
    v.put("contact_first_name", firstName);
    v.put("contact_name", fullName);
    v.put("company", SafeText.draftLine(c.company()));
    v.put("subject", Subjects.strip(SafeText.draftLine(c.originalSubject())));
    v.put("last_touch_date", words.date(c.lastTouch(), zone, now));
    v.put("last_touch_ago", words.ago(c.lastTouch(), now, zone));
    v.put("quote", Recall.forStep(letter, c.step()));
    List<String> agreed = RecapNotes.marked(c.meetingNotes());
    v.put("recap", agreed.isEmpty() ? words.recapGap() : String.join("; ", agreed));
    v.put("step", c.step());
    v.put("my_name", SafeText.draftLine(c.myName()));
    v.put("sign_off", letter.signOff().orElse(words.signOff()));
    v.put("signature", signature(c, letter));
    // Meeting titles come from invitations, which anyone can send.
    v.put("meeting_title", c.meetingTitle().map(SafeText::draftLine).orElse(""));
    v.put("meeting_date", c.meetingDate().map(t -> words.date(t, zone, now)).orElse(""));
    v.put("callback_time", c.callbackTime().map(t -> callTime(t, c.callbackZone(), zone, now, words)).orElse(""));
    return v;
  }

  /** {@code me.signature} when set, else the lines the user signs their mail with, else {@code me.name}. */
  private static String signature(DraftContext c, Letter letter) {
    String s = c.signature();
    if (s == null || s.isBlank()) {
      s = letter.signature().isEmpty() ? c.myName() : String.join("\n", letter.signature());
    }
    return SafeText.draftText(s).strip();
  }

  // The reader plans by their own clock: a call told in the user's time would be an hour puzzle.
  private static String callTime(Instant t, Optional<ZoneId> theirs, ZoneId mine, Instant now, Wording words) {
    return theirs.filter(z -> !z.getRules().getOffset(t).equals(mine.getRules().getOffset(t)))
        .map(z -> words.dateTime(t, z, now) + words.theirTime())
        .orElseGet(() -> words.dateTime(t, mine, now));
  }

  /** "Tuesday, 17 November" in {@code language}, with the year when it is not this year's. */
  public static String date(Instant t, ZoneId zone, Instant now, String language) {
    return Wording.of(language).date(t, zone, now);
  }

  /** "Thursday, 19 November at 10:30" in {@code language} (24-hour clock). */
  public static String dateTime(Instant t, ZoneId zone, Instant now, String language) {
    return Wording.of(language).dateTime(t, zone, now);
  }

  /** "today", "yesterday", "3 days ago", "last week", ... in {@code language}. */
  public static String ago(Instant then, Instant now, ZoneId zone, String language) {
    return Wording.of(language).ago(then, now, zone);
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
