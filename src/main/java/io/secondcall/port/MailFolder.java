package io.secondcall.port;

/** The folders secondcall reads or writes, by role; the adapter maps them to real names. */
public enum MailFolder {
  SENT,
  INBOX,
  DRAFTS,
  /** {@code followup.stop_folder}: conversations the user moved here are stopped. */
  STOP
}
