package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secondcall.google.GoogleScopes;
import io.secondcall.google.GoogleTokens;
import io.secondcall.mail.gmail.FakeGmailStore;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: Google failing the way Google fails (429 with a long Retry-After, 5xx, a sync token
 * or a history it no longer has) while {@code scan} drafts follow-ups into Gmail and books callback
 * blocks in Google Calendar, through the real Google client libraries over the local fake. Each
 * fault strikes twice: in the cycle that drafts and books, and in the cycle that sees the answer.
 * Whatever the fault, a failed scan is an outage (exit 3, not a configuration error), and the
 * next scan leaves exactly one draft and one block per due step, one digest line per event, and
 * no draft or block for the contact who answered.
 */
class GoogleFaultsIT {

  static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");
  static final String ALICE = "alice@acme.example";
  static final String BOB = "bob@bolt.example";

  /** A fault, and how the scan it strikes ends: 0 when the scan rides it out, 3 (outage) when it leaves it to the next. */
  enum Fault {
    GMAIL_RATE_LIMITED_FOR_AN_HOUR(ExitCodes.UNREACHABLE, a -> a.gmail.failNext(1, 429, "rateLimitExceeded", "3600")),
    GMAIL_UNAVAILABLE_FOR_AN_HOUR(ExitCodes.UNREACHABLE, a -> a.gmail.failNext(1, 503, "backendError", "3600")),
    GMAIL_FAILS_ONCE(ExitCodes.OK, a -> a.gmail.failNext(1, 500, "backendError", null)),
    GMAIL_FORGOT_THE_HISTORY(ExitCodes.OK, a -> a.gmail.store.expireHistory()),
    CALENDAR_SERVER_ERROR(ExitCodes.UNREACHABLE, a -> a.server.failNextWith(500, "backendError")),
    CALENDAR_RATE_LIMITED(ExitCodes.UNREACHABLE, a -> a.server.failNextWith(429, "rateLimitExceeded")),
    CALENDAR_SYNC_TOKEN_GONE(ExitCodes.OK, a -> a.server.expireSyncTokens());

    final int exit;
    final Consumer<GmailAccount> strike;

    Fault(int exit, Consumer<GmailAccount> strike) {
      this.exit = exit;
      this.strike = strike;
    }
  }

  @TempDir Path dir;
  GmailAccount account;

  @BeforeEach
  void start() throws Exception {
    account = new GmailAccount(dir,
        "calendar:", "  provider: google",
        "contacts:",
        "  \"" + ALICE + "\": {phone: \"+49 30 1234567\"}",
        "  \"" + BOB + "\": {phone: \"+49 30 7654321\"}");
    // `secondcall auth google` for Gmail and Google Calendar together.
    String scopes = String.join(" ", GoogleScopes.GMAIL_READONLY, GoogleScopes.GMAIL_COMPOSE,
        GoogleScopes.GMAIL_INSERT, GoogleScopes.GMAIL_LABELS, GoogleScopes.CALENDAR_EVENTS);
    account.server.oauth.grantPreset(scopes);
    Path tokens = GoogleTokens.fileIn(account.stateDir);
    GoogleTokens t = GoogleTokens.read(tokens);
    new GoogleTokens(t.accessToken(), t.refreshToken(), t.expiresAt(), scopes).write(tokens);
  }

  @AfterEach
  void stop() {
    account.close();
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void afterTheFaultTheNextScanLeavesOneDraftOneBlockAndNoMissedAnswer(Fault fault) throws Exception {
    account.sent("p1@northwind.example", MONDAY, ALICE, "Proposal");
    account.sent("p2@northwind.example", MONDAY.plusSeconds(60), BOB, "Offer");
    // A first scan on Monday tracks both (Gmail history and calendar sync tokens now exist).
    scanCleanly("2026-11-30T12:00:00Z");

    fault.strike.accept(account);
    scanThroughFault(fault, "2026-12-03T09:30:00Z");
    scanCleanly("2026-12-03T10:00:00Z");

    assertThat(draftsTo()).containsExactlyInAnyOrder(ALICE, BOB);
    assertThat(blocks()).hasSize(2).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).endsWith(".1.call"));
    for (String contact : List.of(ALICE, BOB)) {
      assertThat(digestLines()).filteredOn(l -> l.contains(contact) && l.contains("Drafted")).hasSize(1);
      assertThat(digestLines()).filteredOn(l -> l.contains(contact) && l.contains("booked")).hasSize(1);
    }

    // Alice answers before her call, booked for the early afternoon, is due.
    account.reply("r1@acme.example", "p1@northwind.example", Instant.parse("2026-12-03T10:15:00Z"), ALICE,
        "Re: Proposal");
    fault.strike.accept(account);
    scanThroughFault(fault, "2026-12-03T10:30:00Z");
    scanCleanly("2026-12-03T11:00:00Z");

    assertThat(draftsTo()).as("Alice answered: her draft is gone, Bob's stays").containsExactly(BOB);
    assertThat(blocks()).as("and so is her callback block").singleElement();
    assertThat(digestLines()).filteredOn(l -> l.contains(ALICE + " answered")).hasSize(1);
    assertThat(account.gmail.calls()).doesNotContain("messages.send", "drafts.send");
  }

  /** A scan the fault strikes rides it out or stops as an outage, naming Google's answer; never as a config error. */
  private void scanThroughFault(Fault fault, String now) {
    CliIT.Result r = CliIT.run("scan", "--config", account.config.toString(), "--now", now);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(fault.exit);
    if (fault.exit == ExitCodes.UNREACHABLE) {
      assertThat(r.err()).contains("HTTP");
    }
  }

  private void scanCleanly(String now) {
    CliIT.Result r = CliIT.run("scan", "--config", account.config.toString(), "--now", now);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
  }

  private List<String> draftsTo() {
    return account.drafts().stream().map(d -> d.parsed.header("To")).toList();
  }

  private List<String> blocks() {
    return account.server.events("primary").stream()
        .map(e -> ((ObjectNode) e.path("extendedProperties").path("private")).path("secondcallId").asText())
        .toList();
  }

  private List<String> digestLines() throws Exception {
    Session session = Session.getInstance(new Properties());
    List<String> lines = new ArrayList<>();
    for (FakeGmailStore.Stored d : account.digests()) {
      MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(d.raw));
      lines.addAll(CrashMailbox.text(parsed.getContent()).lines().toList());
    }
    return lines;
  }
}
