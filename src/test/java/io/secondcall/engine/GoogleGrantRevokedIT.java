package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.secondcall.calendar.google.FakeGoogleAccount;
import io.secondcall.calendar.google.FakeGoogleCalendar;
import io.secondcall.calendar.google.GoogleCalendarGateway;
import io.secondcall.core.Backoff;
import io.secondcall.google.GoogleScopes;
import io.secondcall.google.GoogleTokens;
import io.secondcall.port.MailFolder;
import io.secondcall.port.ServerAccessException;
import io.secondcall.template.DigestComposer;
import io.secondcall.template.DraftComposer;
import io.secondcall.template.Templates;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The user revokes secondcall's access at Google while {@code run} goes on, with the real Google
 * client against the local fake: the calendar stops, mail work goes on, the journal gets one clear
 * line and the digest says what to do; retries back off and send Google nothing until a new grant
 * is in the token file, which the running engine then takes up by itself.
 */
class GoogleGrantRevokedIT extends EngineFixture {

  @TempDir Path dir;
  FakeGoogleCalendar google;
  FakeGoogleAccount account;
  final CalendarGuard guard = new CalendarGuard(new Backoff(() -> 0));
  final ListAppender<ILoggingEvent> journal = new ListAppender<>();
  final Logger cycleLog = (Logger) LoggerFactory.getLogger(Cycle.class);
  private Level levelBefore;

  @BeforeEach
  void start() throws Exception {
    google = new FakeGoogleCalendar();
    // An access token that has expired: the first calendar call renews it.
    account = FakeGoogleAccount.in(dir, google, "ya29.stale", clock.instant().minus(Duration.ofMinutes(5)));
    journal.start();
    cycleLog.addAppender(journal);
    // As `run` logs: the command-line tests in this JVM leave the root logger at WARN.
    levelBefore = cycleLog.getLevel();
    cycleLog.setLevel(Level.INFO);
  }

  @AfterEach
  void stop() {
    cycleLog.detachAppender(journal);
    cycleLog.setLevel(levelBefore);
    google.close();
  }

  @Override
  Cycle cycle() {
    EngineSettings s = settings();
    Templates templates = Templates.load(null, ZONE, clock, Locale.ENGLISH);
    GoogleCalendarGateway calendar = GoogleCalendarGateway.open(account.settings, account.tokenFile, "primary", ZONE,
        Duration.ofSeconds(10), clock);
    return new Cycle(s, mail, mail, store, new FollowUpWriter(s, templates, new DraftComposer()),
        new DigestComposer(), clock, new Cycle.CalendarSide(calendar, new BlockWriter(s, templates), guard));
  }

  private List<String> warnings() {
    return journal.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void aRevokedGrantStopsTheCalendarSaysSoOnceAndBacksOffUntilANewGrantIsThere() throws Exception {
    outreach("<o1@northwind.example>", "2026-11-30T07:30", ALICE, "Proposal");
    google.revokeRefreshToken();
    Cycle daemon = cycle();
    clock.set(at("2026-11-30T09:00"));

    CycleReport first = daemon.run();

    assertThat(first.calendarFailure()).hasValueSatisfying(e -> {
      assertThat(e).isInstanceOfSatisfying(ServerAccessException.class, s -> assertThat(s.isTransient()).isFalse());
      assertThat(e.getMessage()).contains("invalid_grant", "secondcall auth google").doesNotContain("ya29", "1//");
    });
    assertThat(store.conversations()).as("mail work went on").hasSize(1);
    assertThat(warnings()).singleElement().asString()
        .startsWith(DANA + " calendar: ").contains("invalid_grant", "secondcall auth google");
    assertThat(digests()).singleElement().asString().contains("invalid_grant", "secondcall auth google");
    assertThat(google.oauth.tokenRequests()).isEqualTo(1);
    assertThat(google.requests()).as("no API call with a dead grant").isEmpty();

    // Within the backoff nothing is tried; after it, the refused grant is not offered to Google again.
    clock.set(clock.instant().plusSeconds(10));
    daemon.run();
    clock.set(guard.retryAt());
    assertThat(daemon.run().calendarFailure()).isPresent();
    assertThat(guard.retryAt()).isEqualTo(clock.instant().plusSeconds(60));
    assertThat(google.oauth.tokenRequests()).isEqualTo(1);
    assertThat(warnings()).as("one line for the journal, not one per retry").hasSize(1);
    assertThat(digests()).as("one digest line for the outage").hasSize(1);

    // `secondcall auth google` writes a new grant; the next retry takes it up without a restart.
    String renewed = google.oauth.grant(GoogleScopes.CALENDAR_EVENTS);
    new GoogleTokens(null, renewed, null, GoogleScopes.CALENDAR_EVENTS).write(account.tokenFile);
    clock.set(guard.retryAt());
    CycleReport recovered = daemon.run();

    assertThat(recovered.calendarFailure()).isEmpty();
    assertThat(guard.failure()).isEmpty();
    assertThat(google.refreshes()).isEqualTo(1);
    assertThat(google.requests()).isNotEmpty();
    assertThat(GoogleTokens.read(account.tokenFile).accessToken()).startsWith("ya29.fake-");
    assertThat(journal.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("calendar works again"));
    assertThat(mail.inboxDeliveries).hasSize(1);
    assertThat(mail.secondcallIds(MailFolder.INBOX)).hasSize(1);
  }

  @Test
  void whenTheApiRefusesTheTokenItIsRenewedOnceAndTheCallRepeated() throws Exception {
    account = FakeGoogleAccount.in(dir, google, google.oauth.issueAccessToken(),
        clock.instant().plus(Duration.ofHours(1)));
    Cycle daemon = cycle();
    google.oauth.expireAccessTokens();
    Instant now = at("2026-11-30T09:00");
    clock.set(now);

    assertThat(daemon.run().calendarFailure()).isEmpty();

    assertThat(google.refreshes()).isEqualTo(1);
    assertThat(google.requests()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(warnings()).isEmpty();
  }
}
