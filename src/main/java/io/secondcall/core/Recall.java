package io.secondcall.core;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a follow-up recalls of the user's last message, so that each step of a sequence says
 * something different: step 1 the sentence that carries the ask (the question, the offer, the
 * proposal), step 2 another detail, preferably the attachment the user named; from step 3 on
 * nothing, the template brings a new angle. Greetings, pleasantries ("thank you for the
 * conversation at the trade fair"), sign-offs and signatures are never recalled.
 */
public final class Recall {

  /** Longest quote, in characters: a follow-up recalls a sentence, not a letter. */
  public static final int MAX = 200;
  /** Shorter than this, a sentence says too little to recall ("Sure."). */
  private static final int MIN = 15;

  private static final Pattern PLEASANTRY = Pattern.compile(
      "^(?:many |a big )?(?:thanks?|thank you)(?: (?:so|very) much)?(?: again)? (?:for|so much|again)\\b"
          + "|^(?:i )?hope (?:you|this|all|things|your)\\b|^(?:it was|great|nice|good|lovely) (?:to|a pleasure|"
          + "great|nice|good|meeting|seeing|speaking|talking)\\b|^i enjoyed\\b|^(?:how are you|how have you been)\\b"
          + "|^(?:vielen |herzlichen |besten )?dank(?:e)?(?: (?:ihnen|dir|schön))? (?:für|nochmals)\\b"
          + "|^ich hoffe\\b|^(?:es war|schön|nett|toll)\\b.*\\b(?:gespräch|kennenzulernen|treffen|sehen|freude)\\b"
          + "|^(?:wie geht|ich freue mich, dass)\\b"
          + "|^merci (?:pour|de|encore|beaucoup)\\b|^j'espère\\b|^(?:ce fut|c'était|ravie?) \\b"
          + "|^(?:muchas )?gracias (?:por|de nuevo)\\b|^espero que\\b|^(?:fue|ha sido) un placer\\b"
          + "|^(?:encantad[oa]|un placer)\\b|^¿qué tal\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Phrases of an ask or an offer, in the four languages of the templates. */
  private static final Pattern ASK = Pattern.compile(
      "\\b(?:could you|would you|can you|will you|do you|are you|let me know|shall we|how about|would it"
          + "|i suggest|i propose|i'd (?:suggest|propose|like to)|i would (?:suggest|propose|like to)|happy to"
          + "|glad to|we (?:can|could) offer|i can offer|proposal|quote|offer|interested|available|a call"
          + "|können sie|könnten sie|würden sie|hätten sie|haben sie|wäre es|wären sie|lassen sie mich wissen"
          + "|geben sie (?:mir )?bescheid|schlage (?:ich )?vor|vorschlag|angebot|gerne?|biete|anbieten|interesse"
          + "|zeit für|termin"
          + "|pourriez-vous|pouvez-vous|seriez-vous|auriez-vous|je (?:vous )?propose|proposition|offre"
          + "|disponible|intéress|rendez-vous"
          + "|podría|puede usted|le propongo|propuesta|oferta|interes|tiene tiempo|qué le parece"
          + "|puedo ofrecer|reunión)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern ATTACHMENT = Pattern.compile(
      "\\b(?:attached|attachment|enclosed|anbei|im anhang|angehängt|beigefügt|beiliegend|ci-joint|pièce jointe"
          + "|en pj|adjunt[oa]|archivo adjunto)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern SPECIFIC = Pattern.compile("\\d|€|\\$|£|%");

  private Recall() {}

  /** The quote for follow-up {@code step} (from 1), or empty when the step recalls nothing. */
  public static String forStep(Letter letter, int step) {
    if (step >= 3) {
      return "";
    }
    List<String> candidates = Sentences.of(letter.bodyText()).stream()
        .filter(s -> s.length() >= MIN && !PLEASANTRY.matcher(s).find())
        .filter(s -> !Letter.isSignOff(s))
        .toList();
    Optional<String> ask = candidates.stream().max(Comparator.comparingInt(Recall::askScore));
    if (step == 1) {
      return ask.map(Recall::cut).orElse("");
    }
    List<String> others = candidates.stream().filter(s -> !s.equals(ask.orElse(null))).toList();
    // A different sentence if the message has one; the attachment it names even if that was the ask.
    Optional<String> detail = others.stream().filter(s -> ATTACHMENT.matcher(s).find()).findFirst()
        .or(() -> others.stream().max(Comparator.comparingInt(Recall::detailScore)))
        .or(() -> ask.filter(s -> ATTACHMENT.matcher(s).find()));
    return detail.map(Recall::cut).orElse("");
  }

  /** The ask of the user's message: step 1's quote. */
  public static String ask(Letter letter) {
    return forStep(letter, 1);
  }

  private static int askScore(String sentence) {
    int score = sentence.contains("?") ? 3 : 0;
    if (ASK.matcher(sentence).find()) {
      score += 2;
    }
    // Greeting-like leftovers and one-word lines say little.
    return sentence.split("\\s+").length < 4 ? score - 3 : score;
  }

  private static int detailScore(String sentence) {
    int score = SPECIFIC.matcher(sentence).find() ? 2 : 0;
    return sentence.contains("?") ? score - 1 : score;
  }

  /** At most {@link #MAX} characters, cut at a word end with "…". */
  static String cut(String sentence) {
    if (sentence.length() <= MAX) {
      return sentence;
    }
    int space = sentence.lastIndexOf(' ', MAX - 1);
    String head = space > 0 ? sentence.substring(0, space) : sentence.substring(0, MAX - 1);
    return head.replaceAll("[,;:\\s\\-–]+$", "") + "…";
  }
}
