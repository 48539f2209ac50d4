package io.secondcall.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code google} section, shared by {@code mail.provider: gmail} and
 * {@code calendar.provider: google}.
 *
 * @param credentialsFile the OAuth client ("Desktop app") JSON; null when nothing uses Google
 * @param api root URL serving both {@code /gmail/v1/} and {@code /calendar/v3/}
 * @param auth the OAuth authorisation endpoint
 * @param token the OAuth token endpoint
 */
public record GoogleSettings(Path credentialsFile, URI api, URI auth, URI token) {

  public static final URI DEFAULT_API = URI.create("https://www.googleapis.com/");
  public static final URI DEFAULT_AUTH = URI.create("https://accounts.google.com/o/oauth2/auth");
  public static final URI DEFAULT_TOKEN = URI.create("https://oauth2.googleapis.com/token");

  public GoogleSettings {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(token, "token");
  }

  /** Google's own endpoints and no credentials: what a config without a {@code google} section means. */
  public static GoogleSettings defaults() {
    return new GoogleSettings(null, DEFAULT_API, DEFAULT_AUTH, DEFAULT_TOKEN);
  }
}
