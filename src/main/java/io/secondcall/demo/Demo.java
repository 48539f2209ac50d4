package io.secondcall.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.secondcall.app.Application;
import io.secondcall.config.CalendarSettings;
import io.secondcall.config.CallbackSettings;
import io.secondcall.config.Config;
import io.secondcall.config.ContactInfo;
import io.secondcall.config.GoogleSettings;
import io.secondcall.config.ImapSettings;
import io.secondcall.config.MailSettings;
import io.secondcall.config.Secret;
import io.secondcall.config.WebSettings;
import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Identity;
import io.secondcall.core.SafeText;
import io.secondcall.core.TimeRange;
import io.secondcall.core.WorkingHours;
import io.secondcall.engine.Action;
import io.secondcall.engine.Cycle;
import io.secondcall.engine.CycleReport;
import io.secondcall.engine.EngineSettings;
import io.secondcall.engine.StatusView;
import io.secondcall.holidays.JollydayHolidays;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code secondcall demo}: the whole product on an embedded GreenMail server with a dozen sample
 * prospects, one cycle each simulated morning over Christmas and New Year in Bavaria (public
 * holidays included), with a simulated user who sends most drafts and deletes one.
 */
public final class Demo {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final String USER = "dana@" + SampleMailbox.DOMAIN;
  static final String PASSWORD = "demo-password";
  /** The first cycle: the Friday before Christmas. */
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 18);
  static final LocalDate LAST_DAY = LocalDate.of(2027, 1, 20);
  static final LocalTime CYCLE_TIME = LocalTime.of(9, 30);
  /** Not used: the demo runs its cycles itself, one each simulated morning. */
  private static final Duration POLL_INTERVAL = Duration.ofMinutes(5);

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private final PrintWriter out;

  public Demo(PrintWriter out) {
    this.out = out;
  }

  /** What runs once the simulated days are over, while the demo's state still exists. */
  @FunctionalInterface
  public interface Epilogue {
    void after(Application app) throws Exception;
  }

  public void run() throws Exception {
    run(app -> { });
  }

  /** Runs the demo, then {@code epilogue} on its application (e.g. the pipeline page). */
  public void run(Epilogue epilogue) throws Exception {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    server.start();
    Path state = Files.createTempDirectory("secondcall-demo");
    Path calendarFile = Files.createTempDirectory("secondcall-demo-calendar").resolve("dana.ics");
    try {
      server.setUser(USER, USER, PASSWORD);
      int port = server.getImap().getPort();
      try (SampleMailbox mailbox = new SampleMailbox("127.0.0.1", port, USER, PASSWORD)) {
        Scenario scenario = new Scenario(mailbox, ZONE);
        scenario.before(FIRST_DAY);
        SimulatedClock clock = new SimulatedClock(at(FIRST_DAY, CYCLE_TIME).toInstant(), ZONE);
        Files.writeString(calendarFile, SampleCalendar.ICS);
        try (Application app = Application.open(config(port, calendarFile, state), clock, false)) {
          EngineSettings settings = app.settings();
          Cycle cycle = app.cycle();
          intro(port, calendarFile);
          for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            clock.set(at(day, CYCLE_TIME).toInstant());
            CycleReport report = cycle.run();
            List<String> userActions = scenario.after(day, mailbox.drafts());
            print(day, settings.calendar(), report, userActions);
            scenario.arrivals(day);
          }
          outro(mailbox, new StatusView(app.store(), settings, clock), scenario);
          calendar(app.calendar(), calendarFile);
          out.flush();
          epilogue.after(app);
        }
      }
    } finally {
      server.stop();
      deleteTree(state);
    }
  }

  /**
   * Dana's config, as {@code secondcall} would load it from her file: the embedded server as her
   * IMAP account (no TLS, on loopback), the sample file as her calendar, state in {@code stateDir}.
   */
  static Config config(int imapPort, Path calendarFile, Path stateDir) {
    Identity me = new Identity("Dana Weber", Set.of(USER), Set.of(SampleMailbox.DOMAIN), Set.of(), Set.of());
    ImapSettings imap = new ImapSettings("127.0.0.1", imapPort, ImapSettings.Security.NONE, USER,
        Secret.of("demo", PASSWORD), "Sent", "Drafts", "INBOX");
    // What Dana keeps under "contacts" in her config; Carla's number comes from her own signature.
    Map<String, ContactInfo> contacts = Map.of(
        "alice@acme.example", new ContactInfo("Alice Martin", "+49 30 901820", "Acme"),
        "kim@tyrell.example", new ContactInfo("Kim Novak", "+44 20 7946 0958", "Tyrell"),
        "hiro@wayne.example", new ContactInfo("Hiro Tanaka", "+81 3 3211 4111", "Wayne"));
    return new Config(Path.of("demo"), me, ZONE, WorkingHours.DEFAULT, "DE-BY", JollydayHolidays.of("DE-BY"),
        "Dana Weber\nNorthwind Consulting\n+49 89 1234 5678",
        new MailSettings(MailSettings.Provider.IMAP, imap),
        new CalendarSettings(CalendarSettings.Provider.ICS, calendarFile, null, null), GoogleSettings.defaults(),
        FollowUpRules.defaults(), new CallbackSettings(3, 15), contacts, POLL_INTERVAL, null, stateDir, USER,
        WebSettings.DEFAULTS);
  }

  static ZonedDateTime at(LocalDate day, LocalTime time) {
    return ZonedDateTime.of(day, time, ZONE);
  }

  private void intro(int port, Path calendarFile) {
    out.println("secondcall demo: an embedded IMAP server on 127.0.0.1:" + port + " holds Dana's mailbox;");
    out.println("her calendar is the file " + calendarFile + " (a weekly workshop, daily stand-ups,");
    out.println("and yesterday's intro call with Maria Lopez of Soylent).");
    out.println("Dana (dana@" + SampleMailbox.DOMAIN + ", Munich, public holidays of DE-BY) wrote to a dozen people");
    out.println("in the week before Christmas. secondcall runs one cycle every morning at 09:30; Dana sends");
    out.println("the drafts it prepares later that morning, except one she deletes. Cadence: 3, 5, 7 business days,");
    out.println("then a closing note. Nothing is ever sent to a prospect by secondcall itself. (A message to");
    out.println("Ivan from early November lies outside the 21-day look-back and is left alone.)");
    out.println("Where a prospect's number is known, each follow-up also gets a 15-minute callback block in a");
    out.println("free slot of Dana's working hours, at most 3 a day; a call Dana promises in her mail is booked then.");
    out.println("After a meeting with a prospect, a recap draft is due the next morning and a second call later.");
    out.println();
  }

  private void print(LocalDate day, BusinessCalendar calendar, CycleReport report, List<String> userActions) {
    List<Action> shown = report.actions().stream().filter(a -> a.kind() != Action.Kind.DIGEST).toList();
    if (shown.isEmpty() && userActions.isEmpty()) {
      return;
    }
    String note = calendar.isBusinessDay(day) ? "" : day.getDayOfWeek().getValue() >= 6 ? "  (weekend)" : "  (public holiday)";
    out.println(DAY.format(day) + note);
    for (Action a : shown) {
      out.println("  " + DemoLines.line(a));
    }
    for (String u : userActions) {
      out.println("  Dana: " + u);
    }
    out.println();
  }

  private void outro(SampleMailbox mailbox, StatusView status, Scenario scenario)
      throws MessagingException, IOException {
    out.println("Where every conversation stands now (secondcall status):");
    DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    for (StatusView.Row r : status.rows()) {
      String at = r.nextAt() == null || r.next().contains(":") ? "" : ", " + when.format(r.nextAt().atZone(ZONE));
      out.printf(Locale.ROOT, "  %-24s %-38s %s%s%n", SafeText.terminal(r.contact()),
          "\"" + SafeText.terminal(r.subject()) + "\"", SafeText.terminal(r.next()), at);
    }
    out.println();
    for (MimeMessage draft : scenario.samples()) {
      out.println("A draft secondcall prepared, as Dana's mail client showed it in Drafts:");
      out.println(DemoLines.indent(DemoLines.show(draft)));
    }
    MimeMessage digest = mailbox.lastDigest();
    if (digest != null) {
      out.println("The last digest in Dana's inbox:");
      out.println(DemoLines.indent(DemoLines.show(digest)));
    }
    out.flush();
  }

  private void calendar(CalendarGateway calendar, Path file) {
    out.println("Callback blocks in Dana's calendar (" + file + "), as any calendar app shows them:");
    DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    TimeRange all = new TimeRange(at(FIRST_DAY, LocalTime.MIN).toInstant(), at(LAST_DAY.plusDays(30), LocalTime.MIN).toInstant());
    for (CalendarEvent e : calendar.events(all)) {
      if (e.secondcallId() != null) {
        String phone = SafeText.terminal(e.description().lines().findFirst().orElse(""));
        out.printf(Locale.ROOT, "  %-16s  %-52s %s%n", when.format(e.time().start().atZone(ZONE)),
            SafeText.terminal(e.title()), phone);
      }
    }
    out.println();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
