package io.secondcall.report;

/** {@code part} of {@code whole}, e.g. bounced conversations of all conversations. */
public record Share(int part, int whole) {

  public Share {
    if (part < 0 || whole < 0 || part > whole) {
      throw new IllegalArgumentException("need 0 <= part <= whole, got " + part + " of " + whole);
    }
  }

  public double percent() {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
