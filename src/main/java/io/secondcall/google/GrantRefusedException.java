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

  private final String reason;

  private GrantRefusedException(String reason, Throwable cause) {
    super("Google refused the stored authorisation (" + reason + ")", cause);
    this.reason = reason;
  }

  static GrantRefusedException of(TokenResponseException e) {
    return new GrantRefusedException(reason(e), e);
  }

  /** Google's error code and description, e.g. {@code invalid_grant: Token has been expired or revoked.} */
  static String reason(TokenResponseException e) {
    TokenErrorResponse details = e.getDetails();
    if (details == null || details.getError() == null) {
      return "HTTP " + e.getStatusCode();
    }
    return details.getError() + (details.getErrorDescription() == null ? "" : ": " + details.getErrorDescription());
  }

  /** The same refusal once more, for a renewal that is not sent to Google. */
  GrantRefusedException again() {
    return new GrantRefusedException(reason, null);
  }
}
