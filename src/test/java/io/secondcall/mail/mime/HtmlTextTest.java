package io.secondcall.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.AutoReply;
import io.secondcall.core.AutoReplyParser;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.MailMessage;
import io.secondcall.core.Quotes;
import io.secondcall.phone.Phone;
import io.secondcall.phone.PhoneNumbers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    // Every named entity of HTML, not a short list: "&uuml;" used to stay as written.
    assertThat(HtmlText.toPlain("Gr&uuml;&szlig;e &amp; Dank &#8211; &#x263A; &lt;3&nbsp;ok &eacute;t&eacute; &bogus;"))
        .isEqualTo("Grüße & Dank \u2013 \u263a <3 ok été &bogus;");
  }

  @Test
  void brokenHtmlStillGivesItsText() {
    assertThat(HtmlText.toPlain("<p>unclosed <b>bold <i>text")).isEqualTo("unclosed bold text");
    assertThat(HtmlText.toPlain("no tags at all")).isEqualTo("no tags at all");
  }

  @Test
  void aGreaterThanSignInsideAnAttributeEndsNoTag() {
    String html = "<p>See <a href=\"https://acme.example/?a=1&amp;b=2\" title=\"Prices > 2026\">our prices</a>"
        + " <img alt='Logo > ACME' src=\"cid:image001.png@01DB\">today</p>";

    assertThat(HtmlText.toPlain(html)).isEqualTo("See our prices today");
  }

  @Test
  void unclosedParagraphsStillEndTheirLines() {
    assertThat(HtmlText.toPlain("<p>First<p>Second<div>Third</div><p>Fourth")).isEqualTo("First\nSecond\nThird\nFourth");
    assertThat(HtmlText.toPlain("<blockquote><p>quoted<p>still quoted</blockquote>mine"))
        .isEqualTo("> quoted\n> still quoted\nmine");
  }

  @Test
  void cdataIsTextAndItsGreaterThanSignSpillsNothing() {
    assertThat(HtmlText.toPlain("<p>Total <![CDATA[a > b & c]]> done</p>")).isEqualTo("Total a > b & c done");
    assertThat(HtmlText.toPlain("<style>/*<![CDATA[*/ p > a { color: red } /*]]>*/</style><p>Hi</p>")).isEqualTo("Hi");
  }

  @Test
  void scriptsStylesCommentsAndTheHeadNeverShow() {
    String html = "<html><head><title>Newsletter</title><style type=\"text/css\">\n"
        + "body > p { margin: 0 } .x:after { content: \"</p>not text\" }\n</style></head><body>"
        + "<style>td > a { color: #000 }</style><p>Visible</p>"
        + "<script type=\"text/javascript\">if (a < b && c > d) { document.write('<p>hidden</p>'); }</script>"
        + "<!-- a comment with <p>markup</p> --><p>Also visible</p></body></html>";

    assertThat(HtmlText.toPlain(html)).isEqualTo("Visible\nAlso visible");
  }

  @Test
  void consecutiveBreaksLeaveABlankLineAsABrowserShowsIt() {
    assertThat(HtmlText.toPlain("Hi Alice,<br><br>Tuesday works.<br>Dana<br>")).isEqualTo("Hi Alice,\n\nTuesday works.\nDana");
    assertThat(HtmlText.toPlain("a<br><br><br><br>b")).isEqualTo("a\n\nb");
  }

  @Test
  void preformattedTextKeepsItsLines() {
    assertThat(HtmlText.toPlain("<pre>Sure, Tuesday.\n\nOn Mon, Dana wrote:\n&gt; Are you free?\n</pre>"))
        .isEqualTo("Sure, Tuesday.\n\nOn Mon, Dana wrote:\n> Are you free?");
  }

  @Test
  void tableCellsAreSeparated() {
    assertThat(HtmlText.toPlain("<table><tr><td>Phone:</td><td>+49 89 1234567</td></tr><tr><td>Fax:</td><td>+49 89 7654321</td></tr></table>"))
        .isEqualTo("Phone: +49 89 1234567\nFax: +49 89 7654321");
  }

  static final String GMAIL = "<div dir=\"ltr\">Hi Dana,<div><br></div><div>Tuesday at 10 works for me &amp; my"
      + " colleague.</div><div><br></div><div>Best,</div><div>Alice Martin</div><div>ACME GmbH | Tel. +49 89 1234567</div>"
      + "</div><br><div class=\"gmail_quote gmail_quote_container\"><div dir=\"ltr\" class=\"gmail_attr\">On Mon, 30 Nov"
      + " 2026 at 10:00, Dana Smith &lt;<a href=\"mailto:dana@smith-consulting.example\">dana@smith-consulting.example</a>&gt;"
      + " wrote:<br></div><blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid"
      + " rgb(204,204,204);padding-left:1ex\"><div dir=\"ltr\">Hi Alice,<div><br></div><div>could we talk this week?"
      + " My number is +49 30 9876543.</div><div><br></div><div>Dana</div></div>\r\n</blockquote></div>\r\n";

  @Test
  void aGmailReply() {
    assertThat(HtmlText.toPlain(GMAIL)).isEqualTo("""
        Hi Dana,

        Tuesday at 10 works for me & my colleague.

        Best,
        Alice Martin
        ACME GmbH | Tel. +49 89 1234567

        On Mon, 30 Nov 2026 at 10:00, Dana Smith <dana@smith-consulting.example> wrote:
        > Hi Alice,

        > could we talk this week? My number is +49 30 9876543.

        > Dana""");
  }

  @Test
  void theReadersFindTheWritersOwnWordsAndNumberInAGmailReply() {
    String text = HtmlText.toPlain(GMAIL);

    assertThat(Quotes.ownText(text)).isEqualTo(
        "Hi Dana,\n\nTuesday at 10 works for me & my colleague.\n\nBest,\nAlice Martin\nACME GmbH | Tel. +49 89 1234567");
    assertThat(new PhoneNumbers().fromSignature(text, "DE")).map(Phone::e164).contains("+49891234567");
  }

  static final String OUTLOOK = "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\""
      + " xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\"><head>"
      + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
      + "<meta name=\"Generator\" content=\"Microsoft Word 15 (filtered medium)\">"
      + "<!--[if !mso]><style>v\\:* {behavior:url(#default#VML);}</style><![endif]-->"
      + "<style><!--\n/* Font Definitions */\n@font-face {font-family:\"Cambria Math\";}\n"
      + "p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt;}\n--></style>"
      + "<!--[if gte mso 9]><xml>\n<o:shapedefaults v:ext=\"edit\" spidmax=\"1026\" />\n</xml><![endif]--></head>"
      + "<body lang=\"DE\" link=\"#0563C1\" vlink=\"#954F72\" style=\"word-wrap:break-word\"><div class=\"WordSection1\">"
      + "<p class=\"MsoNormal\">Hallo Frau Smith,<o:p></o:p></p><p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>"
      + "<p class=\"MsoNormal\">gerne am Dienstag um 10&nbsp;Uhr.<o:p></o:p></p><p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>"
      + "<p class=\"MsoNormal\">Mit freundlichen Gr&uuml;&szlig;en<o:p></o:p></p>"
      + "<p class=\"MsoNormal\"><b>J&uuml;rgen M&uuml;ller</b><o:p></o:p></p>"
      + "<p class=\"MsoNormal\"><img width=\"120\" height=\"40\" alt=\"ACME > Einkauf\" src=\"cid:image001.png@01DB3A2F.5C1E8A10\">"
      + "<o:p></o:p></p><p class=\"MsoNormal\">Tel.: +49 89 1234567<o:p></o:p></p>"
      + "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>"
      + "<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\"><p class=\"MsoNormal\">"
      + "<b>Von:</b> Dana Smith &lt;dana@smith-consulting.example&gt; <br><b>Gesendet:</b> Montag, 30. November 2026 10:00<br>"
      + "<b>An:</b> J&uuml;rgen M&uuml;ller &lt;j.mueller@acme.example&gt;<br><b>Betreff:</b> Angebot<o:p></o:p></p></div>"
      + "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p><p class=\"MsoNormal\">Hallo Herr M&uuml;ller,<o:p></o:p></p>"
      + "<p class=\"MsoNormal\">anbei das Angebot. Sie erreichen mich unter +49 30 9876543.<o:p></o:p></p></div></body></html>";

  @Test
  void anOutlookReply() {
    assertThat(HtmlText.toPlain(OUTLOOK)).isEqualTo("""
        Hallo Frau Smith,
        gerne am Dienstag um 10 Uhr.
        Mit freundlichen Grüßen
        Jürgen Müller
        Tel.: +49 89 1234567
        Von: Dana Smith <dana@smith-consulting.example>
        Gesendet: Montag, 30. November 2026 10:00
        An: Jürgen Müller <j.mueller@acme.example>
        Betreff: Angebot
        Hallo Herr Müller,
        anbei das Angebot. Sie erreichen mich unter +49 30 9876543.""");
  }

  @Test
  void theReadersFindTheWritersOwnWordsAndNumberInAnOutlookReply() {
    String text = HtmlText.toPlain(OUTLOOK);

    assertThat(Quotes.ownText(text)).isEqualTo(
        "Hallo Frau Smith,\ngerne am Dienstag um 10 Uhr.\nMit freundlichen Grüßen\nJürgen Müller\nTel.: +49 89 1234567");
    assertThat(new PhoneNumbers().fromSignature(text, "DE")).map(Phone::e164).contains("+49891234567");
  }

  static final String APPLE_MAIL = "<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"></head>"
      + "<body style=\"overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;\">"
      + "Thanks Dana,<div><br></div><div>I am out of the office until 14 December, back after that.</div><div><br></div>"
      + "<div>Alice<br><p>unclosed paragraph of a pasted snippet</div>"
      + "<div><br><div><blockquote type=\"cite\"><div>On 30. Nov 2026, at 10:00, Dana Smith"
      + " &lt;dana@smith-consulting.example&gt; wrote:</div><br class=\"Apple-interchange-newline\"><div><div>"
      + "Hi Alice,<br>could we talk this week?<br>Dana</div></div></blockquote></div><br></div></body></html>";

  @Test
  void anAppleMailReply() {
    assertThat(HtmlText.toPlain(APPLE_MAIL)).isEqualTo("""
        Thanks Dana,

        I am out of the office until 14 December, back after that.

        Alice
        unclosed paragraph of a pasted snippet

        > On 30. Nov 2026, at 10:00, Dana Smith <dana@smith-consulting.example> wrote:

        > Hi Alice,
        > could we talk this week?
        > Dana""");
  }

  @Test
  void theOutOfOfficeReaderSeesTheNoticeInAnAppleMailReplyButNotTheQuote() {
    String text = HtmlText.toPlain(APPLE_MAIL);

    assertThat(Quotes.ownText(text)).doesNotContain("could we talk", "wrote:").endsWith("unclosed paragraph of a pasted snippet");
    MailMessage m = new MailMessage(7, "<r1@acme.example>", Instant.parse("2026-12-01T09:00:00Z"),
        EmailAddress.of("alice@acme.example"), List.of(EmailAddress.of("dana@smith-consulting.example")), List.of(),
        List.of(), "Re: Proposal", List.of(), List.of(), Map.of(), null, List.of(), text, null, List.of());
    Optional<AutoReply> reply = new AutoReplyParser(ZoneId.of("Europe/Berlin")).parse(m);
    assertThat(reply).as("out until the 14th: back on the 15th")
        .map(AutoReply::returnDate).contains(Optional.of(LocalDate.of(2026, 12, 15)));
  }
}
