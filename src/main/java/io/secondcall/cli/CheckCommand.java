package io.secondcall.cli;

import io.secondcall.config.Config;
import io.secondcall.config.ImapSettings;
import io.secondcall.mail.imap.ImapMailbox;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.MailFolder;
import io.secondcall.port.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.secondcall.port.StateStore;
import io.secondcall.template.Templates;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check", description = "Validate config and templates, try each connection, say what is wrong.")
final class CheckCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Config loaded = config.load();
    out.println("config     " + loaded.source() + ": ok");
    Templates.load(loaded.templatesDir());
    out.println("templates  " + (loaded.templatesDir() == null ? "built-in" : loaded.templatesDir()) + ": ok");
    try (StateStore store = Application.openStore(loaded)) {
      out.println("state      " + loaded.stateDir() + ": ok (" + store.conversations().size() + " conversations)");
    }
    ImapSettings imap = loaded.mail().imap();
    out.print("imap       " + imap.host() + ":" + imap.port() + " (" + imap.security().name().toLowerCase() + ") as "
        + imap.username() + ": ");
    out.flush();
    try (ImapMailbox mailbox = new ImapMailbox(Application.account(loaded))) {
      mailbox.connect();
      out.println("ok, Sent is \"" + mailbox.folderName(MailFolder.SENT) + "\", Drafts is \""
          + mailbox.folderName(MailFolder.DRAFTS) + "\"" + (mailbox.supportsIdle() ? ", IDLE supported" : ""));
    }
    out.print("calendar   " + loaded.calendar().provider().name().toLowerCase(java.util.Locale.ROOT) + ": ");
    out.flush();
    CalendarGateway calendar = Application.calendar(loaded, Clock.systemUTC());
    if (calendar == null) {
      out.println("none configured, no callback blocks");
    } else {
      Instant now = Instant.now();
      int busy = calendar.busy(new TimeRange(now, now.plus(Duration.ofDays(7)))).size();
      out.println("ok, " + busy + " busy period(s) in the next 7 days");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
