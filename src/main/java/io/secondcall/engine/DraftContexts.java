package io.secondcall.engine;

import io.secondcall.core.ContactCard;
import io.secondcall.core.Conversation;
import io.secondcall.core.DraftLanguage;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Letter;
import io.secondcall.language.MailLanguages;
import io.secondcall.phone.ProspectZones;
import io.secondcall.port.CallbackRecord;
import io.secondcall.template.DraftContext;
import io.secondcall.template.Templates;
import java.time.Instant;
import java.util.Optional;

/**
 * What a conversation's draft or call block may say, in the language the user wrote to this
 * person. After a meeting the calendar entry is notes, not a letter: only its marked lines are
 * recalled, and neither greeting nor quote is taken from it.
 */
final class DraftContexts {

  private static final MailLanguages LANGUAGES = new MailLanguages();

  private final EngineSettings settings;
  private final Templates templates;
  private final ProspectHours prospects;

  DraftContexts(EngineSettings settings, Templates templates) {
    this.settings = settings;
    this.templates = templates;
    this.prospects = new ProspectHours(settings);
  }

  DraftContext of(Conversation c, int step, Optional<CallbackRecord> call) {
    ContactCard card = settings.card(c.contact());
    Letter letter = Letter.read(c.lastText());
    boolean notes = isMeetingNotes(c, letter);
    DraftContext context = new DraftContext(c.contact(), card.name(), card.company(), c.subject(),
        c.lastTouchAt(), notes ? "" : c.lastText(), step, settings.identity().name(), settings.signature(), Optional.empty(),
        Optional.empty(), Optional.empty()).inLanguage(language(letter));
    if (c.startedWithMeeting()) {
      context = context.withMeeting(c.subject(), c.startedAt());
    }
    if (notes) {
      context = context.withMeetingNotes(c.lastText());
    }
    if (call.isPresent()) {
      Instant start = call.get().time().start();
      Optional<ProspectZones.Place> place = prospects.place(c.contact(), call.get().phone(), start);
      context = context.withCallback(start, place.map(ProspectZones.Place::shown));
    }
    return context;
  }

  /**
   * Until the user mails after a meeting, the text kept is what the meeting's description marked
   * for the recap, not a letter: nothing of it is quoted as theirs. A letter greets or signs off.
   */
  static boolean isMeetingNotes(Conversation c, Letter text) {
    return c.startedWithMeeting() && text.greeting().isEmpty() && text.signOff().isEmpty();
  }

  private String language(Letter letter) {
    String setting = settings.rules().language();
    Optional<String> detected = setting.equals(FollowUpRules.AUTO_LANGUAGE)
        ? LANGUAGES.languageOf(letter.words())
        : Optional.empty();
    return DraftLanguage.choose(setting, detected, letter.greeting(), templates.languages());
  }
}
