package io.secondcall.engine;

import io.secondcall.port.DraftSink;
import jakarta.mail.internet.MimeMessage;
import java.util.Collection;

/**
 * A {@link DraftSink} in front of another that can crash once just before or just after the next
 * delivery to the inbox (the digest's IMAP APPEND), like {@link FakeMailbox} does for drafts.
 */
final class CrashingSink implements DraftSink {

  private final DraftSink inner;
  /** When set, the next delivery fails before it reaches the inbox. */
  boolean crashBeforeNextDelivery;
  /** When set, the next delivery reaches the inbox and then fails, as if the process died right after the APPEND. */
  boolean crashAfterNextDelivery;

  CrashingSink(DraftSink inner) {
    this.inner = inner;
  }

  @Override
  public void saveDraft(MimeMessage draft) {
    inner.saveDraft(draft);
  }

  @Override
  public void deleteDrafts(Collection<String> secondcallIds) {
    inner.deleteDrafts(secondcallIds);
  }

  @Override
  public void deliverToInbox(MimeMessage message) {
    if (crashBeforeNextDelivery) {
      crashBeforeNextDelivery = false;
      throw new SimulatedCrash("before the inbox APPEND");
    }
    inner.deliverToInbox(message);
    if (crashAfterNextDelivery) {
      crashAfterNextDelivery = false;
      throw new SimulatedCrash("after the inbox APPEND");
    }
  }
}
