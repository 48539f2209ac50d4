package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.port.MailboxSetupException;
import io.secondcall.port.ServerAccessException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Which exit code (SPEC section 8) each kind of failure gets. */
class ExitCodeTest {

  @Test
  void aMailboxThatDoesNotFitTheConfigIsBadConfigNotAnUnreachableServer() {
    StringWriter err = new StringWriter();
    MailboxSetupException e = new MailboxSetupException("mail.imap.sent_folder",
        "dana@imap.example.com: the sent folder \"Sent\" does not exist; set mail.imap.sent_folder to one of: \"INBOX\"",
        null);

    assertThat(Cli.report(e, new PrintWriter(err), false)).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(err.toString()).startsWith("secondcall: dana@imap.example.com: the sent folder")
        .contains("mail.imap.sent_folder").hasLineCount(1);
  }

  @Test
  void anUnreachableServerStaysExitThree() {
    ServerAccessException e = new ServerAccessException("imap.example.com:993: cannot connect", "imap.example.com",
        993, true, null);

    assertThat(Cli.exitCode(e)).isEqualTo(ExitCodes.UNREACHABLE);
  }
}
