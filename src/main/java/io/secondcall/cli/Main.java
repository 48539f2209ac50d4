package io.secondcall.cli;

/** Thin entry point: everything testable lives in {@link Cli#execute}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.execute(args, System.out, System.err));
  }
}
