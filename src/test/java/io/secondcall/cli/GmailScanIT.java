package io.secondcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.mail.gmail.FakeGmailStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code secondcall scan} with {@code mail.provider: gmail} on the fake Gmail API: outreach is
 * followed up with a draft in its thread, the digest lands in the inbox, a reply ends the
 * sequence and removes the draft, and a history Gmail forgot is read again without a second
 * draft.
 */
class GmailScanIT {

  static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");
  static final String THURSDAY = "2026-12-03T09:30:00Z";
  static final String FRIDAY = "2026-12-04T09:30:00Z";

  @TempDir
  Path dir;
  GmailAccount account;

  @BeforeEach
  void start() throws Exception {
    account = new GmailAccount(dir);
  }

  @AfterEach
  void stop() {
    account.close();
  }

  private CliIT.Result scan(String now) {
    CliIT.Result r = CliIT.run("scan", "--config", account.config.toString(), "--now", now);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    return r;
  }

  @Test
  void outreachIsFollowedUpInItsThreadAndAReplyEndsIt() throws Exception {
    FakeGmailStore.Stored outreach = account.sent("p1@northwind.example", MONDAY, "alice@acme.example", "Proposal");

    CliIT.Result first = scan(THURSDAY);

    assertThat(first.out()).contains("alice@acme.example").contains("follow-up 1");
    assertThat(account.drafts()).singleElement().satisfies(d -> {
      assertThat(d.threadId).isEqualTo(outreach.threadId);
      assertThat(d.parsed.subject()).isEqualTo("Re: Proposal");
      assertThat(d.parsed.header("In-Reply-To")).isEqualTo("<p1@northwind.example>");
      assertThat(d.parsed.header("X-Secondcall-Id")).endsWith(".1");
    });
    assertThat(account.digests()).singleElement().satisfies(d -> assertThat(d.labels).contains("UNREAD"));

    account.reply("r1@acme.example", "p1@northwind.example", Instant.parse("2026-12-03T12:00:00Z"),
        "alice@acme.example", "Re: Proposal");
    CliIT.Result second = scan(FRIDAY);

    assertThat(second.out()).contains("end (reply)").contains("alice@acme.example answered");
    assertThat(account.drafts()).isEmpty();
    assertThat(account.digests()).hasSize(2);
    assertThat(account.gmail.calls()).doesNotContain("messages.send", "drafts.send");
  }

  @Test
  void aForgottenHistoryIsReadAgainWithoutASecondDraft() throws Exception {
    account.sent("p1@northwind.example", MONDAY, "alice@acme.example", "Proposal");
    scan(THURSDAY);
    account.sent("p2@northwind.example", MONDAY.plusSeconds(60), "bob@bolt.example", "Offer");
    account.gmail.store.expireHistory();

    scan(FRIDAY);

    assertThat(account.drafts()).extracting(d -> d.parsed.header("To"))
        .containsExactlyInAnyOrder("alice@acme.example", "bob@bolt.example");
  }

  @Test
  void checkSignsInAndNamesTheAccount() {
    CliIT.Result check = CliIT.run("check", "--config", account.config.toString());

    assertThat(check.exit()).as(check.out() + check.err()).isZero();
    assertThat(CheckCommandIT.line(check, "gmail")).contains("dana@example.com");
  }
}
