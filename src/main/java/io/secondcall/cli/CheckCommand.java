package io.secondcall.cli;

import io.secondcall.app.Application;
import io.secondcall.calendar.caldav.CalDavCalendarGateway;
import io.secondcall.config.CalendarSettings;
import io.secondcall.config.Config;
import io.secondcall.core.SafeText;
import io.secondcall.core.TimeRange;
import io.secondcall.engine.StatusView;
import io.secondcall.google.GoogleConnection;
import io.secondcall.google.GoogleScopes;
import io.secondcall.google.GoogleTokens;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.ServerAccessException;
import io.secondcall.port.StateStore;
import io.secondcall.template.Templates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Tries every part the daemon needs and prints one line for each, saying what it resolved, so
 * that one run shows everything that is wrong: a refused mail login does not hide a broken
 * calendar. Exits with the worst part's code (see {@link Checklist}); warnings do not count.
 */
@Command(name = "check", description = "Validate config and templates, try each connection, say what is wrong.")
final class CheckCommand implements Callable<Integer> {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  private final Clock clock = Clock.systemUTC();

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
    new WorkTimeCheck(list, c, clock).run();
    list.check("templates", c.templatesDir() == null ? "built-in" : c.templatesDir().toString(), () -> {
      Templates.load(c.templatesDir());
      return "";
    });
    if (list.check("state", c.stateDir().toString(), () -> {
      try (StateStore store = Application.openStore(c)) {
        return store.conversations().size() + " conversations";
      }
    })) {
      nextStep(list, c);
    }
    if (c.usesGoogle()) {
      Path tokens = GoogleTokens.fileIn(c.stateDir());
      // Renews the access token once: only Google can say whether the grant was revoked or expired.
      list.check("google", "authorisation " + tokens, () -> "renewed at " + c.google().token().getHost()
          + ", granted " + GoogleConnection.open(c.google(), tokens, null, clock)
              .renewAndCheck(GoogleScopes.needed(c)));
    }
    new MailboxCheck(list, c, clock).run();
    calendar(list, c);
    return list.finish();
  }

  /** The step that falls due first, so the user sees when the service will first act. */
  private void nextStep(Checklist list, Config c) {
    list.check("next", "step", () -> {
      try (StateStore store = Application.openStore(c)) {
        return new StatusView(store, Application.engineSettings(c), clock).nextDue()
            .map(row -> row.next() + " for " + row.contact() + " \"" + SafeText.terminal(row.subject()) + "\", due "
                + WHEN.format(row.nextAt().atZone(c.zone())))
            .orElse("none planned (no conversation waits for a step)");
      }
    });
  }

  private void calendar(Checklist list, Config c) {
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
    boolean[] passwordChecked = {true};
    boolean works = list.check("calendar", what, () -> {
      CalendarGateway calendar = Application.openCalendar(c, clock);
      Instant now = clock.instant();
      try {
        if (calendar instanceof CalDavCalendarGateway dav) {
          passwordChecked[0] = dav.checkCollection();
        }
        int busy = calendar.busy(new TimeRange(now, now.plus(Duration.ofDays(7)))).size();
        return busy + " busy period(s) in the next 7 days";
      } catch (ServerAccessException e) {
        throw settings.caldav() == null ? e : MailboxCheck.namingSecret(e, settings.caldav().password());
      }
    });
    if (works && !passwordChecked[0]) {
      list.warn("calendar", what, "answers without a password",
          "the server does not check calendar.caldav.password, so a wrong one passes; turn on its authentication");
    }
  }
}
