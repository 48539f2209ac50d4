package io.secondcall.config;

import io.secondcall.tls.CertificatePin;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code calendar} section; without it the provider is {@link Provider#NONE} and no
 * callback blocks are booked.
 *
 * @param icsPath the calendar file, present exactly with provider ics
 * @param caldav the CalDAV collection, present exactly with provider caldav
 * @param googleCalendarId the Google calendar, {@code primary} by default
 */
public record CalendarSettings(Provider provider, Path icsPath, CalDav caldav, String googleCalendarId) {

  /** Where the calendar lives. */
  public enum Provider { NONE, ICS, CALDAV, GOOGLE }

  /**
   * The {@code calendar.caldav} section.
   *
   * @param url the calendar collection, e.g. {@code https://dav.example.com/dana/calendar/}
   * @param tlsFingerprint the pinned server certificate ({@code tls_fingerprint}), or null to
   *     trust what the JDK trust store trusts
   */
  public record CalDav(URI url, String username, Secret password, CertificatePin tlsFingerprint) {
    public CalDav {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(password, "password");
      if (username == null || username.isBlank()) {
        throw new IllegalArgumentException("username must not be blank");
      }
    }

    /** Without a pinned certificate. */
    public CalDav(URI url, String username, Secret password) {
      this(url, username, password, null);
    }
  }

  public CalendarSettings {
    Objects.requireNonNull(provider, "provider");
    if ((provider == Provider.ICS) != (icsPath != null)) {
      throw new IllegalArgumentException("an ics path is needed with, and only with, provider ics");
    }
    if ((provider == Provider.CALDAV) != (caldav != null)) {
      throw new IllegalArgumentException("caldav settings are needed with, and only with, provider caldav");
    }
    googleCalendarId = googleCalendarId == null || googleCalendarId.isBlank() ? "primary" : googleCalendarId;
  }

  /** No calendar: what a config without a {@code calendar} section means. */
  public static CalendarSettings none() {
    return new CalendarSettings(Provider.NONE, null, null, null);
  }
}
