package io.secondcall.port;

/**
 * The mailbox does not fit the config, or the server refuses what the config asks of it: a
 * configured folder that does not exist, a drafts folder the server will not create. Retrying
 * will not help until the user changes the config or the server; {@code scan} exits 2 on it and
 * {@code run} reports it once instead of backing off as from an outage.
 */
public class MailboxSetupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * @param key the config key that fixes it, e.g. {@code mail.imap.sent_folder}
   * @param message what is wrong and how to fix it, on one line
   */
  public MailboxSetupException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
