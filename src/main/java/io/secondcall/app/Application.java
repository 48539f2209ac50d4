package io.secondcall.app;

import io.secondcall.calendar.caldav.CalDavCalendarGateway;
import io.secondcall.calendar.google.GoogleCalendarGateway;
import io.secondcall.calendar.ics.IcsCalendarGateway;
import io.secondcall.config.CalendarSettings;
import io.secondcall.config.Config;
import io.secondcall.config.ConfigException;
import io.secondcall.config.ContactInfo;
import io.secondcall.config.ImapSettings;
import io.secondcall.config.MailSettings;
import io.secondcall.config.WebSettings;
import io.secondcall.core.ContactCard;
import io.secondcall.core.EmailAddress;
import io.secondcall.engine.BlockWriter;
import io.secondcall.engine.CalendarGuard;
import io.secondcall.engine.Cycle;
import io.secondcall.engine.EngineSettings;
import io.secondcall.engine.FollowUpWriter;
import io.secondcall.daemon.IdleWaiter;
import io.secondcall.google.GoogleConnection;
import io.secondcall.google.GoogleTokens;
import io.secondcall.mail.gmail.GmailMailbox;
import io.secondcall.mail.imap.ImapAccount;
import io.secondcall.mail.imap.ImapMailbox;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.Mailbox;
import io.secondcall.port.StateStore;
import io.secondcall.store.SqliteStateStore;
import io.secondcall.template.DigestComposer;
import io.secondcall.template.DraftComposer;
import io.secondcall.template.Templates;
import io.secondcall.web.WebServer;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one composition root: builds the adapters and the engine from a validated config and a
 * clock. The commands use it with the user's config and the system clock; {@code secondcall demo}
 * with a config naming its embedded mail server and sample calendar file, and a simulated clock.
 */
public final class Application implements AutoCloseable {

  /** How long a connect or read may take before a server counts as unreachable. */
  private static final Duration IMAP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(30);

  private final Config config;
  private final EngineSettings settings;
  private final StateStore store;
  private final Mailbox mailbox;
  private final Templates templates;
  /** Null with {@code calendar.provider: none}. */
  private final CalendarGateway calendar;
  private final CalendarGuard calendarGuard = new CalendarGuard();
  private final Clock clock;
  /** The page's read-only connection, opened with the page. */
  private StateStore webReader;

  private Application(Config config, EngineSettings settings, StateStore store, Mailbox mailbox,
      Templates templates, CalendarGateway calendar, Clock clock) {
    this.config = config;
    this.settings = settings;
    this.store = store;
    this.mailbox = mailbox;
    this.templates = templates;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * Opens state and mailbox for {@code config}. A dry run on a fresh install uses a throwaway
   * in-memory state, so that it creates no file either.
   */
  public static Application open(Config config, Clock clock, boolean dryRun) {
    Templates templates = Templates.load(config.templatesDir(), config.zone(), clock, Locale.ENGLISH);
    EngineSettings settings = engineSettings(config);
    // One Google credential for Gmail and Calendar: one token renewal, one writer of the token file.
    GoogleConnection google = config.usesGoogle() ? openGoogle(config) : null;
    Mailbox mailbox = openMailbox(config, google);
    boolean fresh = !Files.exists(config.stateDir().resolve(SqliteStateStore.FILE_NAME));
    StateStore store = dryRun && fresh ? SqliteStateStore.inMemory() : SqliteStateStore.open(config.stateDir());
    return new Application(config, settings, store, mailbox, templates, openCalendar(config, clock, google), clock);
  }

  /**
   * The mailbox the config names. Neither opening does network I/O yet.
   *
   * @param google the Google connection, needed with {@code mail.provider: gmail}
   */
  public static Mailbox openMailbox(Config config, GoogleConnection google) {
    return switch (config.mail().provider()) {
      case IMAP -> new ImapMailbox(imapAccount(config), config.stateDir());
      case GMAIL -> GmailMailbox.on(google == null ? openGoogle(config) : google, config.primaryAddress(),
          config.followUp().stopFolder());
    };
  }

  /**
   * The user's Google authorisation ({@code google} section and the token file under
   * {@code state_dir}). Tokens expire in real time, whatever {@code scan --now} makes a cycle believe.
   *
   * @throws io.secondcall.port.ServerAccessException (not transient) when the client or token file is unusable
   */
  public static GoogleConnection openGoogle(Config config) {
    return GoogleConnection.open(config.google(), GoogleTokens.fileIn(config.stateDir()), SERVER_TIMEOUT,
        Clock.systemUTC());
  }

  /** The calendar the config names, or null for none. Opening one does not touch the network yet. */
  public static CalendarGateway openCalendar(Config config, Clock clock) {
    return openCalendar(config, clock, null);
  }

  private static CalendarGateway openCalendar(Config config, Clock clock, GoogleConnection google) {
    CalendarSettings c = config.calendar();
    return switch (c.provider()) {
      case NONE -> null;
      case ICS -> new IcsCalendarGateway(c.icsPath(), config.zone(), clock);
      case CALDAV -> new CalDavCalendarGateway(c.caldav().url(), c.caldav().username(), c.caldav().password().reveal(),
          config.zone(), SERVER_TIMEOUT, c.caldav().tlsFingerprint());
      case GOOGLE -> GoogleCalendarGateway.on(google == null ? openGoogle(config) : google, c.googleCalendarId(),
          config.zone());
    };
  }

  /** Opens only the state, for commands that need no mailbox. */
  public static StateStore openStore(Config config) {
    return SqliteStateStore.open(config.stateDir());
  }

  /** What the engine needs to know from the config. */
  public static EngineSettings engineSettings(Config config) {
    Map<String, ContactCard> cards = new HashMap<>();
    config.contacts().forEach((address, info) -> cards.put(address, card(info)));
    String region = config.holidays() == null ? "US" : config.holidays().split("-")[0];
    return new EngineSettings(config.identity(), new EmailAddress(config.primaryAddress(), config.identity().name()),
        config.followUp(), config.businessCalendar(), config.signature(), cards, Math.max(1, config.callbacks().perDay()),
        Duration.ofMinutes(config.callbacks().durationMinutes()), region, config.keepDays());
  }

  private static ContactCard card(ContactInfo info) {
    return new ContactCard(info.name(), info.phone(), info.company(),
        info.timezone() == null ? null : info.timezone().getId());
  }

  /**
   * The IMAP account of the config.
   *
   * @throws ConfigException naming the key when the config uses another mail provider
   */
  public static ImapAccount imapAccount(Config config) {
    MailSettings mail = config.mail();
    if (mail.provider() != MailSettings.Provider.IMAP) {
      throw new ConfigException(config.source(), "mail.provider", "imap for an IMAP account, got "
          + mail.provider().name().toLowerCase(Locale.ROOT));
    }
    ImapSettings imap = mail.imap();
    return new ImapAccount(imap.host(), imap.port(), ImapAccount.Security.valueOf(imap.security().name()),
        imap.username(), imap.password().reveal(), imap.sentFolder(), imap.draftsFolder(), imap.inboxFolder(),
        config.followUp().stopFolder(), IMAP_TIMEOUT, imap.tlsFingerprint());
  }

  /** A cycle over this application's mailbox, state and calendar. */
  public Cycle cycle() {
    // callbacks.per_day: 0 means no callback blocks at all.
    Cycle.CalendarSide side = calendar == null || config.callbacks().perDay() == 0
        ? null
        : new Cycle.CalendarSide(calendar, new BlockWriter(settings, templates), calendarGuard);
    return new Cycle(settings, mailbox, mailbox, store,
        new FollowUpWriter(settings, templates, new DraftComposer()), new DigestComposer(), clock, side);
  }

  public Config config() {
    return config;
  }

  public EngineSettings settings() {
    return settings;
  }

  public StateStore store() {
    return store;
  }

  public Mailbox mailbox() {
    return mailbox;
  }

  /**
   * How {@code run} waits between cycles: with IMAP IDLE where the server offers it, so that new
   * mail starts the next cycle at once; else (Gmail, whose push needs Cloud Pub/Sub) it sleeps.
   */
  public IdleWaiter waiter() {
    if (mailbox instanceof ImapMailbox imap) {
      return new IdleWaiter(imap::supportsIdle, imap::awaitInboxChange, imap::stopWatching);
    }
    return new IdleWaiter(() -> false, max -> { }, () -> { });
  }

  /** Null with {@code calendar.provider: none}. */
  public CalendarGateway calendar() {
    return calendar;
  }

  /**
   * Starts the pipeline page where {@code web.listen} says, reading the state through a read-only
   * connection of its own; empty when the page is off.
   *
   * @throws java.io.UncheckedIOException when the address cannot be bound
   */
  public Optional<WebServer> startWeb(WebSettings web) {
    if (!web.enabled()) {
      return Optional.empty();
    }
    if (webReader == null) {
      webReader = SqliteStateStore.openReadOnly(config.stateDir());
    }
    return Optional.of(WebServer.start(web, webReader, store, settings, templates,
        config.mail().provider() == MailSettings.Provider.GMAIL,
        config.calendar().provider() == CalendarSettings.Provider.ICS, clock));
  }

  /** Logs out of the mailbox and closes the state. */
  @Override
  public void close() {
    try {
      mailbox.close();
    } finally {
      try {
        store.close();
      } finally {
        if (webReader != null) {
          webReader.close();
        }
      }
    }
  }
}
