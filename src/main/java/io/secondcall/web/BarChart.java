package io.secondcall.web;

import io.secondcall.core.SafeText;
import io.secondcall.report.Bucket;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A bar chart as inline SVG, drawn here rather than by a script or a library: the page loads
 * nothing from elsewhere and works without JavaScript. Each bar carries its label and value in
 * {@code data-} attributes and a tooltip, so the numbers can be checked against the CSV.
 */
final class BarChart {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 220;
  private static final int TOP = 18;
  private static final int BOTTOM = 24;

  private BarChart() {}

  /** Bars of the answer rate in percent, scaled to 100 % or the highest bar. */
  static String rates(List<Bucket> buckets, String unit) {
    return svg(buckets, Bucket::ratePercent, b -> String.format(Locale.ROOT, "%.0f%%", b.ratePercent()),
        b -> unit + " " + b.label() + ": " + b.answered() + " of " + b.sent() + " answered");
  }

  /** Bars of the number of answers. */
  static String answers(List<Bucket> buckets, String unit) {
    return svg(buckets, b -> b.answered(), b -> Integer.toString(b.answered()),
        b -> b.answered() + " answered after " + unit + " " + b.label());
  }

  private static String svg(List<Bucket> buckets, ToDoubleFunction<Bucket> value,
      java.util.function.Function<Bucket, String> shown, java.util.function.Function<Bucket, String> tip) {
    double max = Math.max(1e-9, buckets.stream().mapToDouble(value).max().orElse(0));
    int n = Math.max(1, buckets.size());
    double slot = (double) WIDTH / n;
    double bar = slot * 0.7;
    StringBuilder svg = new StringBuilder(256 + 256 * n);
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\">",
        WIDTH, HEIGHT));
    int plot = HEIGHT - TOP - BOTTOM;
    for (int i = 0; i < buckets.size(); i++) {
      Bucket b = buckets.get(i);
      double v = value.applyAsDouble(b);
      double h = plot * v / max;
      double x = i * slot + (slot - bar) / 2;
      double y = TOP + plot - h;
      svg.append(String.format(Locale.ROOT,
          "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" data-label=\"%s\" data-value=\"%s\">"
              + "<title>%s</title></rect>",
          x, y, bar, h, SafeText.html(b.label()), SafeText.html(number(v)), SafeText.html(tip.apply(b))));
      double mid = x + bar / 2;
      if (b.sent() > 0) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
            mid, y - 4, SafeText.html(shown.apply(b))));
      }
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
          mid, HEIGHT - 8, SafeText.html(b.label())));
    }
    svg.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
        TOP + plot, WIDTH, TOP + plot));
    return svg.append("</svg>").toString();
  }

  /** The value as the CSV writes it: a whole number, or one decimal. */
  static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
