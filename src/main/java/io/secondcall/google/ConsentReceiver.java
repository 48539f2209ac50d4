package io.secondcall.google;

import com.google.api.client.auth.oauth2.AuthorizationCodeResponseUrl;
import com.google.api.client.extensions.java6.auth.oauth2.VerificationCodeReceiver;
import java.io.PrintWriter;

/**
 * Where Google's answer to the consent comes back to {@code auth google}, and what the user is
 * told to get it there. The library's {@code AuthorizationCodeInstalledApp} asks for the redirect
 * URI, shows the consent URL (through {@link #instruct}) and waits for the code.
 */
interface ConsentReceiver extends VerificationCodeReceiver {

  /** Tells the user to open {@code consentUrl}, and how the answer gets back. */
  void instruct(PrintWriter out, String consentUrl);

  /**
   * The authorisation code in the address Google redirected the browser to.
   *
   * @throws ConsentDeclinedException when Google answered with an error instead (the user declined)
   * @throws IllegalArgumentException when the address holds neither a code nor an error
   */
  static String codeOf(String redirectedUrl) throws ConsentDeclinedException {
    AuthorizationCodeResponseUrl answer;
    try {
      answer = new AuthorizationCodeResponseUrl(redirectedUrl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("no code= in the address Google returned to", e);
    }
    if (answer.getError() != null) {
      throw new ConsentDeclinedException(answer.getError(), answer.getErrorDescription());
    }
    if (answer.getCode().isBlank()) {
      throw new IllegalArgumentException("an empty code= in the address Google returned to");
    }
    return answer.getCode();
  }
}
