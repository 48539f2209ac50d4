package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.Letter;
import io.secondcall.core.Recall;
import io.secondcall.core.StepKind;
import io.secondcall.phone.Phone;
import io.secondcall.phone.PhoneNumbers;
import io.secondcall.port.CallbackBlock;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.StepRecord;
import io.secondcall.template.Templates;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * What a callback block says (SPEC section 7): {@code Call <name>: <subject>}, and a description
 * with the number as a tel: link, the last touch and its gist, the step, and the talking points
 * from the step's template.
 */
public final class BlockWriter {

  private static final PhoneNumbers PHONES = new PhoneNumbers();

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private final EngineSettings settings;
  private final Templates templates;
  private final ProspectHours prospects;
  private final DraftContexts contexts;

  public BlockWriter(EngineSettings settings, Templates templates) {
    this.settings = settings;
    this.templates = templates;
    this.prospects = new ProspectHours(settings);
    this.contexts = new DraftContexts(settings, templates);
  }

  CallbackBlock block(Conversation c, CallbackRecord cb, Optional<StepRecord> step) {
    String name = Optional.ofNullable(settings.card(c.contact()).name()).orElse(c.contact().displayName());
    StringBuilder d = new StringBuilder();
    Optional<Phone> phone = Optional.ofNullable(cb.phone())
        .flatMap(p -> PHONES.parse(p, settings.phoneRegion()));
    d.append(phone.map(p -> "Phone: " + p.international() + " (" + p.telUri() + ")")
        .orElse("Phone: not known yet; it was not in the contacts or their mail")).append('\n');
    prospects.theirTime(prospects.place(c.contact(), cb.phone(), cb.time().start()), cb.time().start())
        .ifPresent(t -> d.append("Their time: ").append(t).append('\n'));
    d.append("Email: ").append(c.contact().address()).append('\n');
    d.append("Last touch: ").append(DAY.format(c.lastTouchAt().atZone(settings.calendar().zone())));
    Letter letter = Letter.read(c.lastText());
    String gist = DraftContexts.isMeetingNotes(c, letter) ? "" : Recall.ask(letter);
    if (!gist.isEmpty()) {
      d.append(", \"").append(gist).append('"');
    }
    d.append('\n');
    String points = "";
    if (step.isPresent()) {
      d.append("Step: ").append(Drafts.stepName(step.get())).append('\n');
      points = templates.renderCallback(step.get().kind(), step.get().number(),
          contexts.of(c, step.get().number(), Optional.empty()));
    } else if (c.startedWithMeeting()) {
      d.append("Second call after the meeting \"").append(c.subject()).append("\" on ")
          .append(DAY.format(c.startedAt().atZone(settings.calendar().zone()))).append('\n');
      points = templates.renderCallback(StepKind.RECAP, 1, contexts.of(c, 1, Optional.empty()));
    } else {
      d.append("You promised this call in your mail.\n");
    }
    if (!points.isEmpty()) {
      d.append("\nTalking points:\n").append(points).append('\n');
    }
    d.append("\nBooked by secondcall for conversation ").append(c.id()).append('.');
    return new CallbackBlock(cb.blockId(), cb.time(), "Call " + name + ": " + c.subject(), d.toString(), cb.phone());
  }
}
