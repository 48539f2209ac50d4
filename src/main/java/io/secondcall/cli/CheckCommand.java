package io.secondcall.cli;

import io.secondcall.app.Application;
import io.secondcall.config.CalendarSettings;
import io.secondcall.config.Config;
import io.secondcall.config.ImapSettings;
import io.secondcall.google.GoogleConnection;
import io.secondcall.google.GoogleScopes;
import io.secondcall.google.GoogleTokens;
import io.secondcall.mail.gmail.GmailMailbox;
import io.secondcall.mail.imap.ImapMailbox;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.MailFolder;
import io.secondcall.port.StateStore;
import io.secondcall.core.TimeRange;
import io.secondcall.template.Templates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Tries every part the daemon needs and prints one line for each, so that one run shows
 * everything that is wrong: a refused mail login does not hide a broken calendar. Exits with the
 * worst part's code (see {@link Checklist}).
 */
@Command(name = "check", description = "Validate config and templates, try each connection, say what is wrong.")
final class CheckCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Checklist list = new Checklist(spec.commandLine().getOut(), spec.commandLine().getErr(), config.verbose);
    Config c;
    try {
      c = config.load();
    } catch (RuntimeException e) {
      // Every other part is read from the config: without it there is nothing more to try.
      list.failed("config", String.valueOf(config.file), e);
      return list.finish();
    }
    list.note("config", c.source().toString(), "ok");
    list.check("templates", c.templatesDir() == null ? "built-in" : c.templatesDir().toString(), () -> {
      Templates.load(c.templatesDir());
      return "";
    });
    list.check("state", c.stateDir().toString(), () -> {
      try (StateStore store = Application.openStore(c)) {
        return store.conversations().size() + " conversations";
      }
    });
    if (c.usesGoogle()) {
      Path tokens = GoogleTokens.fileIn(c.stateDir());
      // Renews the access token once: only Google can say whether the grant was revoked or expired.
      list.check("google", "authorisation " + tokens, () -> "renewed at " + c.google().token().getHost()
          + ", granted " + GoogleConnection.open(c.google(), tokens, null, Clock.systemUTC())
              .renewAndCheck(GoogleScopes.needed(c)));
    }
    mail(list, c);
    calendar(list, c);
    return list.finish();
  }

  private static void mail(Checklist list, Config c) {
    ImapSettings imap = c.mail().imap();
    if (imap == null) {
      list.check("gmail", "Gmail API at " + c.google().api(), () -> {
        try (GmailMailbox mailbox = GmailMailbox.on(Application.openGoogle(c), c.primaryAddress(),
            c.followUp().stopFolder())) {
          return mailbox.describe();
        }
      });
      return;
    }
    String what = imap.host() + ":" + imap.port() + " (" + lower(imap.security()) + ") as " + imap.username();
    list.check("imap", what, () -> {
      try (ImapMailbox mailbox = new ImapMailbox(Application.imapAccount(c))) {
        mailbox.connect();
        return "Sent is \"" + mailbox.requireSentFolder() + "\", Drafts is \""
            + mailbox.folderName(MailFolder.DRAFTS) + "\"" + (mailbox.supportsIdle() ? ", IDLE supported" : "");
      }
    });
  }

  private static void calendar(Checklist list, Config c) {
    CalendarSettings settings = c.calendar();
    String what = switch (settings.provider()) {
      case NONE -> "none";
      case ICS -> "ics " + settings.icsPath();
      case CALDAV -> "caldav " + settings.caldav().url();
      case GOOGLE -> "google " + settings.googleCalendarId();
    };
    if (settings.provider() == CalendarSettings.Provider.NONE) {
      list.note("calendar", what, "no calendar configured, so no callback blocks");
      return;
    }
    list.check("calendar", what, () -> {
      CalendarGateway calendar = Application.openCalendar(c, Clock.systemUTC());
      Instant now = Instant.now();
      int busy = calendar.busy(new TimeRange(now, now.plus(Duration.ofDays(7)))).size();
      return busy + " busy period(s) in the next 7 days";
    });
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
