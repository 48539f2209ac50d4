package io.secondcall.core;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises auto-replies (SPEC section 4) by RFC 3834 headers, the de-facto {@code X-Autoreply},
 * {@code X-Autorespond} and {@code Precedence: auto_reply} headers, or out-of-office wording in
 * English, German, French or Spanish, and reads the return date they name.
 *
 * <p>{@code Auto-Submitted: auto-generated} alone is not an auto-reply (it is automated mail such
 * as a notification), but Exchange marks its out-of-office replies that way, so the wording still
 * counts. Mailing-list mail is never an auto-reply.
 */
public final class AutoReplyParser {

  /** Out-of-office wording unlikely anywhere but in an auto-reply's subject. */
  private static final Pattern SUBJECT_ANYWHERE = compile(
      "\\b(?:out of (?:the )?office|automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|away from (?:the )?office"
          + "|abwesenheitsnotiz|abwesenheitsmeldung|automatische antwort|nicht im büro"
          + "|réponse automatique|reponse automatique|absent du bureau|absente du bureau|message d'absence"
          + "|respuesta automática|respuesta automatica|fuera de la oficina|fuera de oficina)\\b");

  /**
   * Single words that are out-of-office subjects only at the very start of the raw subject and
   * followed by a colon, a date cue or nothing ("Abwesend: Angebot"); "Re: Absence policy" is not one.
   */
  private static final Pattern SUBJECT_START = compile(
      "^\\s*(?:abwesend|abwesenheit|urlaub|absence|absent|absente|ausente|vacation|on vacation|on leave|congés|conges"
          + "|vacaciones)\\s*(?:[:(\\-–]|$|(?:bis|until|till|jusqu|hasta|du|vom|from|ab)\\b)");

  /** A few words inside one sentence; dots of dates ("4.12.", "7. Dezember") do not end it. */
  private static final String GAP = "(?:(?:[^.!?\\n]|\\.(?=\\S)|(?<=\\d)\\.){0,40}? )?";

  /** Sentences an out-of-office text opens with; searched only near the start of the body. */
  private static final Pattern BODY = compile(
      "\\b(?:i am|i'm|i will be|i'll be) " + GAP + "(?:out of (?:the )?office|away from (?:the |my )?(?:office|desk)"
          + "|on (?:annual |parental |sick )?leave|on vacation|on holiday|away until|away and)"
          + "|\\bthis is an automatic (?:reply|response)"
          + "|\\bich bin " + GAP + "(?:nicht im büro|abwesend|im urlaub|nicht erreichbar|außer haus)"
          + "|\\b(?:ich )?befinde mich " + GAP + "(?:im urlaub|nicht im büro|außer haus)"
          + "|\\bdies ist eine automatische (?:antwort|nachricht)"
          + "|\\bje (?:suis|serai) " + GAP + "(?:absente?|en congés?|en vacances)"
          + "|\\bceci est une réponse automatique|\\bceci est un message automatique"
          + "|\\b(?:estoy|me encuentro|estaré|estare) " + GAP + "(?:fuera de (?:la )?oficina|de vacaciones|ausente)"
          + "|\\besta es una respuesta automática");

  /** How much of the body's own text may come before the out-of-office sentence. */
  private static final int BODY_SCAN_CHARS = 400;

  private final ZoneId zone;

  /** Dates in UTC; prefer {@link #AutoReplyParser(ZoneId)} with the user's zone. */
  public AutoReplyParser() {
    this(ZoneId.of("UTC"));
  }

  /** @param zone the user's time zone: the message's local date anchors "Tuesday" and dates without a year */
  public AutoReplyParser(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** The auto-reply {@code m} is, or empty when it is not one. */
  public Optional<AutoReply> parse(MailMessage m) {
    if (m.header("list-id").isPresent() || m.header("list-unsubscribe").isPresent()) {
      return Optional.empty();
    }
    String body = Quotes.ownText(m.text());
    Optional<String> reason = reason(m, body);
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    LocalDate sentOn = m.date().atZone(zone).toLocalDate();
    return Optional.of(new AutoReply(ReturnDates.find(m.subject() + "\n" + body, sentOn), reason.get()));
  }

  private static Optional<String> reason(MailMessage m, String body) {
    String autoSubmitted = m.header("auto-submitted").map(v -> AutomatedMail.firstToken(v.toLowerCase(Locale.ROOT))).orElse("");
    if (autoSubmitted.equals("auto-replied")) {
      return Optional.of("auto-reply (Auto-Submitted: auto-replied)");
    }
    if (m.header("x-autoreply").filter(v -> !v.strip().equalsIgnoreCase("no")).isPresent()) {
      return Optional.of("auto-reply (X-Autoreply)");
    }
    if (m.header("x-autorespond").isPresent()) {
      return Optional.of("auto-reply (X-Autorespond)");
    }
    if (m.header("precedence").map(v -> v.strip().equalsIgnoreCase("auto_reply")).orElse(false)) {
      return Optional.of("auto-reply (Precedence: auto_reply)");
    }
    if (SUBJECT_ANYWHERE.matcher(m.subject()).find() || SUBJECT_START.matcher(m.subject()).find()) {
      return Optional.of("out-of-office subject");
    }
    String head = body.length() > BODY_SCAN_CHARS ? body.substring(0, BODY_SCAN_CHARS) : body;
    if (BODY.matcher(head.replace('’', '\'')).find()) {
      return Optional.of("out-of-office text");
    }
    return Optional.empty();
  }

  private static Pattern compile(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  }
}
