package io.secondcall.report;

/**
 * One bar of a chart: touches sent in this bucket (a touch number, a weekday, an hour) and how
 * many of them got the answer.
 */
public record Bucket(String label, int sent, int answered) {

  public Bucket {
    if (sent < 0 || answered < 0 || answered > sent) {
      throw new IllegalArgumentException("need 0 <= answered <= sent, got " + answered + " of " + sent);
    }
  }

  /** Answered in percent of sent, 0 when nothing was sent. */
  public double ratePercent() {
    return sent == 0 ? 0 : 100.0 * answered / sent;
  }
}
