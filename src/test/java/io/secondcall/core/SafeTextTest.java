package io.secondcall.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SafeTextTest {

  /** Every way some reader starts a new line. */
  private static final List<String> BREAKS = List.of("\r\n", "\r", "\n", "\u0085", "\u2028", "\u2029", "\u000B", "\u000C");

  private static final List<UnaryOperator<String>> ONE_LINE = List.of(
      SafeText::header, SafeText::calendarLine, SafeText::digestLine, SafeText::draftLine, SafeText::terminal,
      SafeText::logLine);

  @Test
  void noOneLineDestinationKeepsABreakOfAnyKind() {
    for (UnaryOperator<String> f : ONE_LINE) {
      for (String br : BREAKS) {
        String out = f.apply("Re: Offer" + br + "Bcc: x@evil.example");
        assertThat(out).as("%s", br.codePoints().boxed().toList())
            .doesNotContain("\r", "\n", "\u0085", "\u2028", "\u2029", "\u000B", "\u000C")
            .contains("Bcc: x@evil.example");
      }
    }
  }

  @Test
  void headerTurnsRunsOfControlsIntoOneSpaceAndStrips() {
    assertThat(SafeText.header("  Alice\r\n\tBcc: x\u0000\u2028y  ")).isEqualTo("Alice Bcc: x y");
    assertThat(SafeText.header("Re: Offer\u0085Bcc: x")).isEqualTo("Re: Offer Bcc: x");
    assertThat(SafeText.header("a\u009Bb\u007Fc")).isEqualTo("a b c");
    assertThat(SafeText.header(null)).isEmpty();
  }

  @Test
  void formatCharactersThatReorderOrHideTextAreRemoved() {
    assertThat(SafeText.header("Invoice \u202Efdp.exe")).isEqualTo("Invoice fdp.exe");
    String bidi = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
    assertThat(SafeText.header("a" + bidi + "b")).isEqualTo("ab");
    assertThat(SafeText.header("a\u200B\uFEFF\u00AD\u2060b")).isEqualTo("ab");
    // Tag characters (U+E0041 "A"...) hide text that some readers still act on.
    assertThat(SafeText.header("ok\uDB40\uDC41\uDB40\uDC42")).isEqualTo("ok");
    assertThat(SafeText.calendarText("x\u202Ey")).isEqualTo("xy");
    assertThat(SafeText.terminal("x\u202Ey")).isEqualTo("xy");
  }

  @Test
  void joinersEmojiAndOtherScriptsStay() {
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
    assertThat(SafeText.header(family + " " + persian + " Jürgen 山田")).isEqualTo(family + " " + persian + " Jürgen 山田");
  }

  @Test
  void anUnpairedSurrogateBecomesTheReplacementCharacter() {
    assertThat(SafeText.header("a\uD800b\uDC00")).isEqualTo("a\uFFFDb\uFFFD");
  }

  @Test
  void headerIsCutWithoutSplittingACharacter() {
    assertThat(SafeText.header("a".repeat(5000))).hasSize(SafeText.MAX_HEADER);
    String cut = SafeText.header("a".repeat(SafeText.MAX_HEADER - 1) + "\uD83D\uDE00");
    assertThat(cut).hasSize(SafeText.MAX_HEADER - 1);
  }

  @Test
  void multiLineDestinationsBreakLinesWithLfOnly() {
    for (String br : BREAKS) {
      assertThat(SafeText.calendarText("Phone: 1" + br + "X-SECONDCALL-ID:evil")).isEqualTo("Phone: 1\nX-SECONDCALL-ID:evil");
      assertThat(SafeText.draftText("a" + br + "b")).isEqualTo("a\nb");
    }
    assertThat(SafeText.draftText("a\r\n\r\nb\tc\u0000\u001B[31m")).isEqualTo("a\n\nb\tc[31m");
  }

  @Test
  void terminalRemovesEscapeSequencesAndControls() {
    assertThat(SafeText.terminal("\u001B[31mred\u001B[0m")).isEqualTo("red");
    assertThat(SafeText.terminal("a\u001B]0;owned\u0007b")).isEqualTo("ab");
    assertThat(SafeText.terminal("a\u001B]8;;http://x\u001B\\link\u001B]8;;\u001B\\b")).isEqualTo("alinkb");
    assertThat(SafeText.terminal("a\u009B2Jb")).isEqualTo("ab");
    assertThat(SafeText.terminal("a\u001BPq#0;2;0;0;0\u001B\\b")).isEqualTo("ab");
    assertThat(SafeText.terminal("a\u001B7b\u001B(Bc")).isEqualTo("abc");
    assertThat(SafeText.terminal("x\u001B[2K\rWARN login failed")).isEqualTo("x WARN login failed");
    assertThat(SafeText.terminal("bell\u0007\u0008")).isEqualTo("bell");
    assertThat(SafeText.terminal(null)).isEmpty();
  }

  @Test
  void terminalTextKeepsLinesAndIndentationButNoEscapes() {
    assertThat(SafeText.terminalText("Hi,\r\n  > quoted\u001B[8m hidden\u0085\tend\u001B]0;t\u0007"))
        .isEqualTo("Hi,\n  > quoted hidden\n\tend");
  }

  @Test
  void logLineShowsWhatArrivedOnOneLine() {
    assertThat(SafeText.logLine("Jürgen\nWARN  dana@x login failed")).isEqualTo("Jürgen\\nWARN  dana@x login failed");
    assertThat(SafeText.logLine("a\r\n\tb")).isEqualTo("a\\r\\n\\tb");
    assertThat(SafeText.logLine("\u001B[31mred")).isEqualTo("\\u001b[31mred");
    assertThat(SafeText.logLine("x\u0085y\u2028z\u202Ew")).isEqualTo("x\\u0085y\\u2028z\\u202ew");
    assertThat(SafeText.logLine("plain Jürgen 山田 \uD83D\uDE00")).isEqualTo("plain Jürgen 山田 \uD83D\uDE00");
    assertThat(SafeText.logLine(null)).isEmpty();
  }

  @Test
  void htmlEscapesMarkupAndCleansText() {
    assertThat(SafeText.html("<b onclick='x'>\"A&B\"</b>\u202E\r\nz"))
        .isEqualTo("&lt;b onclick=&#39;x&#39;&gt;&quot;A&amp;B&quot;&lt;/b&gt;\nz");
  }

  @Test
  void anEncodedWordLeftAfterDecodingCanNeverBeDecodedAgain() {
    assertThat(SafeText.header("Re: =?utf-8?q?=0D=0ABcc=3A_x=40evil.example?="))
        .isEqualTo("Re: = ?utf-8?q?=0D=0ABcc=3A_x=40evil.example?=")
        .doesNotContain("=?");
    assertThat(SafeText.header("Price =? unclear")).isEqualTo("Price =? unclear");
  }
}
