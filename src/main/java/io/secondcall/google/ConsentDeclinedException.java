package io.secondcall.google;

import java.io.IOException;

/** Google sent the browser back with an error instead of a code, usually {@code access_denied}. */
final class ConsentDeclinedException extends IOException {

  private static final long serialVersionUID = 1L;

  ConsentDeclinedException(String error, String description) {
    super("Google did not grant access (" + error + (description == null ? "" : ": " + description) + ")");
  }
}
