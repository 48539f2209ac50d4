package io.secondcall.template;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A message whose Message-ID survives {@code saveChanges()}, which would otherwise replace it. */
final class PresetIdMimeMessage extends MimeMessage {

  private final String messageId;

  PresetIdMimeMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
