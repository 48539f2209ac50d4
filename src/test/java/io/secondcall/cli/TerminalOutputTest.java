package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.engine.Action;
import io.secondcall.engine.StatusView;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What scan and status print: values from mail can neither forge a line nor drive the terminal. */
class TerminalOutputTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");
  static final String HOSTILE = "Offer\r\nWARN  dana@x login failed\u0085\u2028\u001B[2J\u001B]0;owned\u0007 \u202Efdp.exe";

  @Test
  void aScanReportLineIsOneSafeLine() {
    Action a = new Action(Action.Kind.DRAFTED, "c1", "j@x.example\u001B[31m", HOSTILE, "step 1\rforged", AT);

    String line = new ReportPrinter(new PrintWriter(new StringWriter()), BERLIN).line("", a);

    assertThat(line).isEqualTo(
        "draft            <j@x.example> \"Offer WARN  dana@x login failed  fdp.exe\": step 1 forged [Mon 7 Dec 10:00]");
  }

  @Test
  void aStatusRowIsOneSafeLine() {
    StringWriter text = new StringWriter();
    List<StatusView.Row> rows = List.of(
        new StatusView.Row("c1", "J\u00fcrgen\u001B[1m <j@x.example>", HOSTILE, AT, 2, "draft\nstep 3", AT, null));

    new StatusTable(new PrintWriter(text), BERLIN).print(rows);

    String[] lines = text.toString().split(System.lineSeparator());
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).contains("J\u00fcrgen <j@x.example>", "Offer WARN  dana@x login fail\u2026", "draft step 3")
        .doesNotContain("\u001B", "\r", "\u0085", "\u2028", "\u202E");
  }

  @Test
  void cuttingACellNeverSplitsACharacter() {
    assertThat(StatusTable.cut("ab\uD83D\uDE00cd", 4)).isEqualTo("ab\u2026");
    assertThat(StatusTable.cut("abc", 4)).isEqualTo("abc");
  }

  @Test
  void anErrorIsOneSafeLineOnStderr() {
    StringWriter text = new StringWriter();

    Cli.report(new IllegalStateException("IMAP said: \u001B[2J550 no\r\nsecondcall: all fine\u0085"),
        new PrintWriter(text), false);

    assertThat(text.toString()).isEqualTo("secondcall: IMAP said: 550 no secondcall: all fine" + System.lineSeparator());
  }
}
