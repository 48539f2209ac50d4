package io.secondcall.cli;

import io.secondcall.config.Config;
import io.secondcall.config.ImapSettings;
import io.secondcall.mail.imap.ImapMailbox;
import io.secondcall.port.MailFolder;
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
    out.flush();
    return ExitCodes.OK;
  }
}
