package io.secondcall.cli;

/**
 * A command named a contact or conversation the state does not hold (in the state the command
 * needs). A bad argument (exit 2), but said in one line without the usage block that picocli
 * prints for a mistyped option: the command was typed right.
 */
final class UnknownTargetException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnknownTargetException(String message) {
    super(message);
  }
}
