package io.secondcall.core;

import io.secondcall.core.WhenPhrases.Found;
import io.secondcall.core.WhenPhrases.TimeOfDay;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where the user's own outreach promises when they will call or follow up ("I'll call you
 * on Tuesday", "ich melde mich nächste Woche"); such a promise sets the due time of the callback
 * instead of the cadence (SPEC section 5). Only the user's own words count: quoted text and what
 * follows an attribution line are the prospect's, and so are requests like "call me on Tuesday".
 */
public final class PromiseParser {

  /** How far after its verb a promise may name its day. */
  private static final int WINDOW = 100;

  private enum Kind {
    /** The cue alone is a promise: "I'll call", "ich rufe". */
    DIRECT,
    /** A modal verb that needs a call verb in its clause: "ich werde ... anrufen". */
    MODAL,
    /** "ich versuche es ... noch einmal": a modal, or a retry. */
    RETRY,
    /** "Talk next week!": no subject, so only at the start of a sentence. */
    BARE
  }

  private record Cue(Pattern pattern, Kind kind) {}

  private record Hit(int start, int end, Kind kind) {}

  private static final String EN_SUBJECT = "\\b(?:i\\s*'ll|i\\s+will|i\\s+shall|i\\s*'m\\s+going\\s+to|i\\s+am\\s+going\\s+to"
      + "|i\\s+plan\\s+to|i\\s*'d\\s+like\\s+to|i\\s+would\\s+like\\s+to|i\\s+want\\s+to|let\\s+me|we\\s*'ll|we\\s+will"
      + "|we\\s+shall|let\\s*'s|let\\s+us)";
  private static final String EN_ADVERBS = "(?:\\s+(?:just|then|also|definitely|certainly|gladly|happily|quickly|briefly"
      + "|personally|probably|hopefully|again|try\\s+(?:to|and)|be\\s+sure\\s+to|make\\s+sure\\s+to|aim\\s+to|need\\s+to"
      + "|have\\s+to|be\\s+able\\s+to))*";
  /** Talking to someone else ("talk to my boss") is no promise to the prospect. */
  private static final String NOT_SOMEONE_ELSE = "(?!\\s+(?:to|with)\\s+(?!you\\b))";
  private static final String EN_VERB = "(?:(?:call|ring|phone|telephone)(?!\\s+(?:my|our|his|her|their|the|a|an|him|them)\\b)"
      + "|give\\s+(?:you|u)\\s+a\\s+(?:call|ring|buzz|bell|shout)|follow[\\s-]*up|reach\\s+out|be\\s+in\\s+touch"
      + "|get\\s+in\\s+touch|get\\s+back|touch\\s+base|try\\s+(?:you|calling|to\\s+reach\\s+you|to\\s+call\\s+you)"
      + "|check\\s+(?:back|in)|circle\\s+back|ping\\s+you|(?:speak|talk|chat)" + NOT_SOMEONE_ELSE
      + "|contact\\s+you|drop\\s+you\\s+a\\s+line|have\\s+a\\s+(?:call|chat)|catch\\s+up)\\b";

  private static final String DE_MODAL = "(?:werde|werden|würde|würden|möchte|möchten|will|wollen|kann|können|könnte)";
  private static final String DE_TRY = "(?:versuche|versuchen|probiere|probieren)";

  private static final List<Cue> CUES = List.of(
      new Cue(compile(EN_SUBJECT + EN_ADVERBS + "\\s+" + EN_VERB), Kind.DIRECT),
      // "I'll send the deck on Monday and call you on Tuesday".
      new Cue(compile(EN_SUBJECT + "\\b[^.!?;¶,]{1,60}?\\s(?:and|then)\\s+(?:then\\s+|also\\s+)?" + EN_VERB), Kind.DIRECT),
      new Cue(compile("\\b(?:talk|speak|chat)(?:\\s+(?:to|with)\\s+you)?" + NOT_SOMEONE_ELSE + "\\b"), Kind.BARE),
      new Cue(compile("\\b(?:ich|wir)\\s+(?:rufe|ruf|melde|kontaktiere|telefoniere)\\b"), Kind.DIRECT),
      new Cue(compile("\\bwir\\s+(?:sprechen|hören|telefonieren)\\b"), Kind.DIRECT),
      new Cue(compile("\\b(?:rufe|melde|kontaktiere|telefoniere)\\s+ich\\b|\\b(?:sprechen|hören|telefonieren)\\s+wir\\b"),
          Kind.DIRECT),
      new Cue(compile("\\b(?:ich|wir)\\s+(?:" + DE_MODAL + "|komme|kommen)\\b|\\b(?:" + DE_MODAL + "|komme|kommen)\\s+(?:ich|wir)\\b"),
          Kind.MODAL),
      new Cue(compile("\\b(?:ich|wir)\\s+" + DE_TRY + "\\b|\\b" + DE_TRY + "\\s+(?:ich|wir)\\b"), Kind.RETRY));

  private static final Pattern CALL_VERB_DE = compile("\\b(?:anrufen|anzurufen|zurückrufen|zurückzurufen|melden|telefonieren"
      + "|kontaktieren|zukommen|auf\\s+(?:sie|dich|euch)\\s+(?:zu|zurück)|nachfassen|nachhaken|telefonisch|erreichen"
      + "|durchklingeln)\\b");
  private static final Pattern RETRY_DE = compile("\\b(?:noch\\s+(?:ein)?mal|nochmal|erneut|wieder)\\b");

  /** Sentence ends; a dot after a digit ("am 12.12."), a single letter ("p.m.") or an abbreviation is none. */
  private static final Pattern SENTENCE_END = compile("[!?;¶]|(?<![\\d\\s])(?<!\\b\\p{L})"
      + "(?<!\\b(?:dr|mr|mrs|ms|hr|fr|ca|bzw|usw|etc|nr|tel|vs|inkl|ggf|evtl))\\.(?=\\s|$)");
  /** Where a new clause with its own subject or condition begins. */
  private static final Pattern CLAUSE_END = compile(",?\\s+(?:but|because|since|when|whenever|if|unless|although|once"
      + "|as\\s+soon\\s+as|in\\s+case|aber|weil|wenn|falls|sobald|nachdem|obwohl|sofern|damit|dass|bevor|ob)\\b"
      + "|,\\s*(?:and|or|und|oder)\\s|\\s(?:and|or)\\s+(?:you|we|they|he|she)\\b");
  /** Words that may open a sentence before a bare "talk next week" or a leading day. */
  private static final Pattern OPENER = compile("[\\s,]*(?:(?:ok|okay|great|perfect|good|so|then|and|cool|alright|right"
      + "|sounds\\s+good|dann|und|also|gut|prima|super)[\\s,!-]*)*");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f]+");

  /**
   * The first promise in the user's own words of {@code text}, relative to the local date and
   * time the message was sent.
   */
  public Optional<Promise> parse(String text, ZonedDateTime sentAt) {
    Objects.requireNonNull(sentAt, "sentAt");
    String t = normalise(text);
    LocalDateTime sent = sentAt.toLocalDateTime();
    for (Hit hit : hits(t)) {
      Optional<Promise> promise = promiseAt(t, hit, sent);
      if (promise.isPresent()) {
        return promise;
      }
    }
    return Optional.empty();
  }

  private static List<Hit> hits(String t) {
    List<Hit> hits = new ArrayList<>();
    for (Cue cue : CUES) {
      Matcher m = cue.pattern().matcher(t);
      while (m.find()) {
        hits.add(new Hit(m.start(), m.end(), cue.kind()));
      }
    }
    hits.sort(Comparator.comparingInt(Hit::start).thenComparingInt(Hit::end));
    return hits;
  }

  private static Optional<Promise> promiseAt(String t, Hit hit, LocalDateTime sent) {
    int sentenceStart = sentenceStart(t, hit.start());
    int clauseStart = Math.max(sentenceStart, t.lastIndexOf(',', hit.start() - 1) + 1);
    int clauseEnd = clauseEnd(t, hit.end());
    if (hit.kind() == Kind.BARE && !OPENER.matcher(t.substring(sentenceStart, hit.start())).matches()) {
      return Optional.empty();
    }
    if ((hit.kind() == Kind.MODAL || hit.kind() == Kind.RETRY) && !confirmed(t, hit, clauseEnd)) {
      return Optional.empty();
    }
    int start = hit.start();
    int end = hit.end();
    Optional<Found<LocalDate>> day = WhenPhrases.day(t, hit.end(), clauseEnd, sent);
    Optional<Found<TimeOfDay>> time = WhenPhrases.time(t, hit.end(), clauseEnd);
    if (day.isEmpty()) {
      // A day that opens the clause: "Tomorrow at 3pm I'll call you", "Am Freitag rufe ich Sie an".
      Optional<Found<LocalDate>> before = WhenPhrases.day(t, clauseStart, hit.start(), sent)
          .filter(d -> OPENER.matcher(t.substring(clauseStart, d.start())).matches()
              && WhenPhrases.onlyTime(t, d.end(), hit.start()));
      if (before.isPresent()) {
        day = before;
        start = before.get().start();
        time = time.or(() -> WhenPhrases.time(t, before.get().end(), hit.start()));
      }
    }
    if (day.isEmpty() && time.isPresent() && time.get().value().clock()) {
      // "I'll call you at 3pm": today if that is still ahead, else tomorrow.
      LocalTime at = time.get().value().time().orElseThrow();
      LocalDate d = at.isAfter(sent.toLocalTime()) ? sent.toLocalDate() : sent.toLocalDate().plusDays(1);
      day = Optional.of(new Found<>(d, time.get().start(), time.get().end()));
    }
    if (day.isEmpty()) {
      return Optional.empty();
    }
    end = Math.max(end, day.get().end());
    Optional<LocalTime> at = Optional.empty();
    if (time.isPresent()) {
      end = Math.max(end, time.get().end());
      at = time.get().value().time();
    }
    return Optional.of(new Promise(day.get().value(), at, t.substring(start, end).strip()));
  }

  private static boolean confirmed(String t, Hit hit, int clauseEnd) {
    String clause = t.substring(hit.end(), clauseEnd);
    return CALL_VERB_DE.matcher(clause).find() || hit.kind() == Kind.RETRY && RETRY_DE.matcher(clause).find();
  }

  private static int sentenceStart(String t, int before) {
    Matcher m = SENTENCE_END.matcher(t).region(0, before);
    m.useTransparentBounds(true);
    int start = 0;
    while (m.find()) {
      start = m.end();
    }
    return start;
  }

  private static int clauseEnd(String t, int from) {
    int limit = Math.min(t.length(), from + WINDOW);
    for (Pattern p : List.of(SENTENCE_END, CLAUSE_END)) {
      Matcher m = p.matcher(t).region(from, limit);
      m.useTransparentBounds(true);
      if (m.find()) {
        limit = m.start();
      }
    }
    return limit;
  }

  /** The user's own lines, paragraphs marked, spaces collapsed, typographic apostrophes plain. */
  private static String normalise(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : Quotes.ownLines(text)) {
      out.append(line.isBlank() ? " ¶ " : line).append(' ');
    }
    return SPACES.matcher(out.toString().replace('’', '\'').replace('‘', '\'')).replaceAll(" ").strip();
  }

  private static Pattern compile(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  }
}
