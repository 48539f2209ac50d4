package io.secondcall.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void tagsStylesAndScriptsGoBlocksBecomeLines() {
    String html = "<html><head><title>t</title><style>p{}</style></head><body>"
        + "<p>Hello <b>Alice</b>,</p><div>call me at<br>+49 89 1234</div><script>x()</script></body></html>";

    assertThat(HtmlText.toPlain(html)).isEqualTo("Hello Alice,\ncall me at\n+49 89 1234");
  }

  @Test
  void quotedMailBecomesQuoteLines() {
    String html = "<p>Yes, Tuesday works.</p><blockquote><p>Are you free?</p>"
        + "<blockquote>Earlier mail</blockquote></blockquote><p>Alice</p>";

    assertThat(HtmlText.toPlain(html)).isEqualTo("Yes, Tuesday works.\n> Are you free?\n> > Earlier mail\nAlice");
  }

  @Test
  void entitiesAreDecoded() {
    assertThat(HtmlText.toPlain("Gr&uuml;&szlig;e &amp; Dank &#8211; &#x263A; &lt;3&nbsp;ok"))
        .isEqualTo("Gr&uuml;&szlig;e & Dank \u2013 \u263a <3 ok");
  }

  @Test
  void brokenHtmlStillGivesItsText() {
    assertThat(HtmlText.toPlain("<p>unclosed <b>bold <i>text")).isEqualTo("unclosed bold text");
    assertThat(HtmlText.toPlain("no tags at all")).isEqualTo("no tags at all");
  }
}
