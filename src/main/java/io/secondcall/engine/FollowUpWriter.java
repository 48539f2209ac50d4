package io.secondcall.engine;

import io.secondcall.core.ContactCard;
import io.secondcall.core.Conversation;
import io.secondcall.port.StepRecord;
import io.secondcall.template.Draft;
import io.secondcall.template.DraftComposer;
import io.secondcall.template.DraftContext;
import io.secondcall.template.Templates;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Renders a step's draft: template text for the conversation, as a reply in its thread. */
public final class FollowUpWriter {

  private final EngineSettings settings;
  private final Templates templates;
  private final DraftComposer composer;

  public FollowUpWriter(EngineSettings settings, Templates templates, DraftComposer composer) {
    this.settings = settings;
    this.templates = templates;
    this.composer = composer;
  }

  MimeMessage draft(Conversation c, StepRecord step, Instant now) {
    ContactCard card = settings.card(c.contact());
    DraftContext context = new DraftContext(c.contact(), card.name(), card.company(), c.subject(),
        c.lastTouchAt(), c.lastText(), step.number(), settings.identity().name(),
        settings.signature(), Optional.empty(), Optional.empty(), Optional.empty());
    if (c.startedWithMeeting()) {
      context = context.withMeeting(c.subject(), c.startedAt());
    }
    String body = templates.render(step.kind(), step.number(), context);
    // After a meeting without mail there is no message to reply to.
    String inReplyTo = c.lastMessageId().startsWith(Conversation.MEETING_ROOT) ? null : c.lastMessageId();
    return composer.compose(new Draft(step.secondcallId(), settings.me(), c.contacts(), List.of(), c.subject(),
        inReplyTo, c.lastReferences(), body, now));
  }
}
