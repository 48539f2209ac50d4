package io.secondcall.cli;

/** The exit codes of SPEC section 8, relied on by scripts and systemd. */
public final class ExitCodes {

  public static final int OK = 0;
  public static final int FAILURE = 1;
  /** Bad config, arguments or template. */
  public static final int BAD_CONFIG = 2;
  /** A server could not be reached or refused the login. */
  public static final int UNREACHABLE = 3;

  private ExitCodes() {}
}
