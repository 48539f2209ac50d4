package io.secondcall.google;

import com.google.api.client.auth.oauth2.TokenErrorResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import java.io.IOException;

/**
 * Google's token endpoint refused the grant (usually {@code invalid_grant}: revoked by the user,
 * expired after 7 days while the consent screen is in "Testing", or six months unused). Only a new
 * {@code secondcall auth google} helps. The message holds Google's error code and description,
 * never a token.
 */
final class GrantRefusedException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String error;
  private final String description;

  GrantRefusedException(String error, String description, Throwable cause) {
    super("Google refused the stored authorisation (" + error + (description == null ? "" : ": " + description)
        + ")", cause);
    this.error = error;
    this.description = description;
  }

  static GrantRefusedException of(TokenResponseException e) {
    TokenErrorResponse details = e.getDetails();
    if (details == null || details.getError() == null) {
      return new GrantRefusedException("HTTP " + e.getStatusCode(), null, e);
    }
    return new GrantRefusedException(details.getError(), details.getErrorDescription(), e);
  }

  /** The same refusal once more, for a renewal that is not sent to Google. */
  GrantRefusedException again() {
    return new GrantRefusedException(error, description, null);
  }
}
