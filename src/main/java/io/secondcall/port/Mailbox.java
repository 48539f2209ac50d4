package io.secondcall.port;

/**
 * The user's mailbox as one adapter serves it (IMAP or the Gmail API): read, written, and
 * closed at the end. The composition root holds one; the engine sees its two halves.
 */
public interface Mailbox extends MailSource, DraftSink, AutoCloseable {

  /** Ends the session. Throws nothing checked: a caller could do nothing about it. */
  @Override
  void close();
}
