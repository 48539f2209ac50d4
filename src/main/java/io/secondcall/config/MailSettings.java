package io.secondcall.config;

import java.util.Objects;

/**
 * The {@code mail} section.
 *
 * @param imap the IMAP account; present exactly when the provider is {@link Provider#IMAP}
 */
public record MailSettings(Provider provider, ImapSettings imap) {

  /** Where the mail lives. */
  public enum Provider {
    IMAP,
    /** The Gmail API, authorised through the {@code google} section. */
    GMAIL
  }

  public MailSettings {
    Objects.requireNonNull(provider, "provider");
    if ((provider == Provider.IMAP) != (imap != null)) {
      throw new IllegalArgumentException("imap settings are needed with, and only with, provider imap");
    }
  }
}
