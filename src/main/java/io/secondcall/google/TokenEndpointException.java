package io.secondcall.google;

import java.io.IOException;

/**
 * The token endpoint could not be reached or answered 5xx while renewing the access token.
 * google-oauth-client would swallow a 5xx and go on with the expired token, and the API's 401
 * would then look like a revoked grant; this keeps the failure transient and about the right host.
 */
final class TokenEndpointException extends IOException {

  private static final long serialVersionUID = 1L;

  TokenEndpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
