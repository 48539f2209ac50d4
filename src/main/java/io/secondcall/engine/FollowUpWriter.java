package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.Ids;
import io.secondcall.port.CallbackRecord;
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
  private final DraftContexts contexts;

  public FollowUpWriter(EngineSettings settings, Templates templates, DraftComposer composer) {
    this.settings = settings;
    this.templates = templates;
    this.composer = composer;
    this.contexts = new DraftContexts(settings, templates);
  }

  /** @param call the call booked for this step, named in the draft in the contact's time */
  MimeMessage draft(Conversation c, StepRecord step, Instant now, Optional<CallbackRecord> call) {
    DraftContext context = contexts.of(c, step.number(), call);
    String body = templates.render(step.kind(), step.number(), context);
    // After a meeting without mail there is no message to reply to: the recap is a new message.
    boolean reply = !c.lastMessageId().startsWith(Conversation.MEETING_ROOT);
    // An id secondcall made up for a message without one is known to no other mail: never write it.
    String inReplyTo = reply && !Ids.isSynthetic(c.lastMessageId()) ? c.lastMessageId() : null;
    List<String> references = c.lastReferences().stream().filter(id -> !Ids.isSynthetic(id)).toList();
    return composer.compose(new Draft(step.secondcallId(), from(c), c.contacts(), List.of(), c.subject(),
        inReplyTo, references, body, now, reply));
  }

  /** The address the user wrote from in this conversation, with their name; else the configured one. */
  private EmailAddress from(Conversation c) {
    EmailAddress used = c.me();
    if (used == null) {
      return settings.me();
    }
    return used.name() != null ? used : new EmailAddress(used.address(), settings.me().name());
  }
}
