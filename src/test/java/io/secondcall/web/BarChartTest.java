package io.secondcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.report.Bucket;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BarChartTest {

  static final List<Bucket> BUCKETS = List.of(new Bucket("1", 6, 1), new Bucket("2", 3, 1), new Bucket("3", 0, 0));

  @Test
  void eachBarCarriesItsLabelAndValueAndTheTallestFillsThePlot() {
    String svg = BarChart.rates(BUCKETS, "touch");

    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
        .contains("data-label=\"1\" data-value=\"16.7\"", "data-label=\"2\" data-value=\"33.3\"",
            "data-label=\"3\" data-value=\"0\"")
        .contains("<title>touch 2: 1 of 3 answered</title>");
    Matcher heights = Pattern.compile("height=\"([0-9.]+)\" data-label").matcher(svg);
    heights.find();
    double first = Double.parseDouble(heights.group(1));
    heights.find();
    assertThat(Double.parseDouble(heights.group(1))).isEqualTo(178.0).isGreaterThan(first);
  }

  @Test
  void answersAreCounts() {
    assertThat(BarChart.answers(BUCKETS, "touch")).contains("data-label=\"1\" data-value=\"1\"")
        .contains("<title>1 answered after touch 1</title>");
  }

  @Test
  void labelsAreEscaped() {
    assertThat(BarChart.rates(List.of(new Bucket("<b>\"x", 1, 1)), "")).doesNotContain("<b>")
        .contains("data-label=\"&lt;b&gt;&quot;x\"");
  }

  @Test
  void anEmptyChartIsStillAPicture() {
    assertThat(BarChart.rates(List.of(), "touch")).startsWith("<svg").endsWith("</svg>").doesNotContain("<rect");
  }
}
