package io.secondcall.port;

/**
 * The user's mailbox as one adapter serves it (IMAP or the Gmail API): read, written, and
 * closed at the end. The composition root holds one; the engine sees its two halves.
 */
public interface Mailbox extends MailSource, DraftSink, AutoCloseable {

  /**
   * Makes the stop folder the user moves conversations into, where the provider has folders to
   * make and the server allows it; nothing where it has none (Gmail's stop label is the user's).
   */
  default void createStopFolder() {}

  /** Ends the session. Throws nothing checked: a caller could do nothing about it. */
  @Override
  void close();
}
