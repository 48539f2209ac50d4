package io.secondcall.web;

import io.secondcall.report.Bucket;
import io.secondcall.report.Figures;
import io.secondcall.report.ReportText;
import io.secondcall.report.Share;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The persistence report as a page of SVG charts, and the numbers behind each as CSV. */
final class ReportPage {

  /** The CSV files, by name: the buckets of one chart or two. */
  static final List<String> TABLES = List.of("by-touch", "by-weekday", "by-hour");

  private final Html html;

  ReportPage(Html html) {
    this.html = html;
  }

  String render(Figures f) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("title", "Report");
    view.put("conversations", f.conversations());
    view.put("answered", f.answered());
    view.put("afterFollowUp", share(f.answersAfterFollowUp()) + " of answers");
    view.put("median", ReportText.duration(f.medianTimeToAnswer()));
    view.put("ooo", share(f.outOfOffice()) + " of conversations");
    view.put("bounces", share(f.bounced()) + " of conversations");
    view.put("meetings", Integer.toString(f.meetings().part()));
    view.put("meetingsAfter", Integer.toString(f.meetingsAfterFollowUp().part()));
    view.put("charts", List.of(
        chart("answers-by-touch", "Answers after touch 1, 2, 3, … (1 is your first message)", "by-touch",
            BarChart.answers(f.byTouch(), "touch")),
        chart("rate-by-touch", "Answer rate by step: answered after touch n, of touches n sent", "by-touch",
            BarChart.rates(f.byTouch(), "touch")),
        chart("rate-by-weekday", "Answer rate by weekday of sending", "by-weekday",
            BarChart.rates(f.byWeekday(), "")),
        chart("rate-by-hour", "Answer rate by hour of sending", "by-hour",
            BarChart.rates(f.byHour(), "hour"))));
    return html.render("report", view);
  }

  /** The CSV of one table, or empty for an unknown name. */
  static Optional<String> csv(Figures f, String name) {
    List<Bucket> buckets = switch (name) {
      case "by-touch" -> f.byTouch();
      case "by-weekday" -> f.byWeekday();
      case "by-hour" -> f.byHour();
      default -> null;
    };
    if (buckets == null) {
      return Optional.empty();
    }
    String first = name.substring(3);
    StringBuilder csv = new StringBuilder(first + ",sent,answered,answer_rate_percent\r\n");
    for (Bucket b : buckets) {
      csv.append(b.label()).append(',').append(b.sent()).append(',').append(b.answered()).append(',')
          .append(BarChart.number(Math.round(b.ratePercent() * 10) / 10.0)).append("\r\n");
    }
    return Optional.of(csv.toString());
  }

  private static Map<String, Object> chart(String key, String title, String csv, String svg) {
    return Map.of("key", key, "title", title, "csv", csv, "svg", svg);
  }

  private static String share(Share s) {
    return s.part() + " (" + (s.whole() == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", s.percent())) + ")";
  }
}
