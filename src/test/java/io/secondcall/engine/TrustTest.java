package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.Ids;
import io.secondcall.core.MailMessage;
import io.secondcall.port.MailFolder;
import io.secondcall.port.StepRecord;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No follow-up after an answer, to a list, twice or from the wrong address (issue 7): each case
 * is one that happened to a user.
 */
class TrustTest extends EngineFixture {

  static final String BOB = "bob@globex.example";

  @Test
  void whenTheUserFollowsUpByHandOurDraftLeavesTheDraftsFolder() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-12-03T09:00");
    assertThat(mail.drafts).hasSize(1);

    mail.add(MailFolder.SENT, MailMessage.builder("own1@northwind.example", at("2026-12-03T11:00")).from(DANA)
        .to(ALICE).subject("Re: Proposal").inReplyTo("p1@northwind.example"), "Alice, one more thing: ...");
    CycleReport report = runAt("2026-12-03T12:00");

    assertThat(mail.drafts).isEmpty();
    assertThat(store.steps(only().id())).singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(StepRecord.State.SENT));
    assertThat(report.actions(Action.Kind.CLEANED_UP)).singleElement()
        .satisfies(a -> assertThat(a.detail()).contains("you followed up yourself"));
    inbound("r1@acme.example", "2026-12-04T10:00", ALICE, "Re: Proposal", "own1@northwind.example", "Yes!");
    runAt("2026-12-04T11:00");
    assertThat(mail.drafts).isEmpty();
    assertThat(only().status()).isEqualTo(Conversation.Status.REPLIED);
  }

  @Test
  void anAnswerInTheThreadIsAnAnswerEvenWithListHeaders() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-11-30T10:30");
    mail.add(MailFolder.INBOX, MailMessage.builder("r1@crm.acme.example", at("2026-12-01T10:00")).from(ALICE)
        .to(DANA).subject("Re: Proposal").inReplyTo("p1@northwind.example")
        .header("list-unsubscribe", "<https://crm.acme.example/u/1>").header("precedence", "bulk"),
        "Yes, let's do it.");

    runAt("2026-12-03T09:30");

    assertThat(only().status()).isEqualTo(Conversation.Status.REPLIED);
    assertThat(mail.drafts).isEmpty();
    assertThat(digests()).anySatisfy(d -> assertThat(d).contains("taken as an answer"));
  }

  @Test
  void anAnswerFromTheContactThroughAGoogleGroupIsAnAnswer() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    mail.add(MailFolder.INBOX, MailMessage.builder("g1@acme.example", at("2026-12-01T10:00")).from(ALICE)
        .to(DANA).subject("Your proposal").header("list-id", "<sales.acme.example>"), "Let's talk on Monday.");

    runAt("2026-12-03T09:30");

    assertThat(only().status()).isEqualTo(Conversation.Status.REPLIED);
  }

  @Test
  void aColleaguesNewsletterIsNoAnswerEvenWhenColleaguesCount() {
    rules = rules.withReplyMatch(io.secondcall.core.FollowUpRules.ReplyMatch.DOMAIN);
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    mail.add(MailFolder.INBOX, MailMessage.builder("n1@acme.example", at("2026-12-01T10:00"))
        .from("marketing@acme.example").to(DANA).subject("December news").header("list-id", "<news.acme.example>"),
        "Our news.");

    runAt("2026-12-03T09:30");

    assertThat(only().status()).isEqualTo(Conversation.Status.ACTIVE);
    assertThat(mail.drafts).hasSize(1);
  }

  @Test
  void aPostToAListTheInboxRevealsIsNotOutreach() {
    mail.add(MailFolder.SENT, MailMessage.builder("post1@northwind.example", at("2026-11-30T10:00")).from(DANA)
        .to("exmh-users@lists.redhat.example").subject("Sorting by thread"), "How do I sort by thread?");
    mail.add(MailFolder.INBOX, MailMessage.builder("post1@northwind.example", at("2026-11-30T10:00:05"))
        .from(DANA).to("exmh-users@lists.redhat.example").subject("Sorting by thread")
        .header("list-id", "Users of exmh <exmh-users.lists.redhat.example>"), "How do I sort by thread?");

    runAt("2026-12-03T09:30");

    assertThat(store.conversations()).isEmpty();
    assertThat(mail.drafts).isEmpty();
  }

  @Test
  void aListLearnedFromASenderHeaderLaterEndsTheSequenceToIt() {
    mail.add(MailFolder.SENT, MailMessage.builder("post1@northwind.example", at("2026-11-30T10:00")).from(DANA)
        .to("razor-users@lists.sf.example").subject("Razor question"), "Does razor work with...?");
    runAt("2026-11-30T10:01");
    assertThat(only().isActive()).isTrue();

    mail.add(MailFolder.INBOX, MailMessage.builder("x1@example.org", at("2026-11-30T12:00"))
        .from("someone@example.org").to("razor-users@lists.sf.example").subject("Re: Razor question")
        .header("sender", "razor-users-admin@lists.sf.example"), "It does.");
    runAt("2026-12-03T09:30");

    assertThat(only().status()).isEqualTo(Conversation.Status.IGNORED);
    assertThat(mail.drafts).isEmpty();
    assertThat(digests()).noneSatisfy(d -> assertThat(d).contains("razor-users"));
  }

  @Test
  void mailToSystemAddressesAndBulkMailIsNotOutreach() {
    mail.add(MailFolder.SENT, MailMessage.builder("s1@northwind.example", at("2026-11-30T10:00")).from(DANA)
        .to("noreply@shop.example").subject("Order 1234"), "Where is my order?");
    mail.add(MailFolder.SENT, MailMessage.builder("s2@northwind.example", at("2026-11-30T10:01")).from(DANA)
        .to("mailer-daemon@mx.example").subject("Re: failure"), "?");
    mail.add(MailFolder.SENT, MailMessage.builder("s3@northwind.example", at("2026-11-30T10:02")).from(DANA)
        .to(ALICE).subject("Our newsletter").header("precedence", "bulk"), "News");

    CycleReport report = runAt("2026-12-03T09:30");

    assertThat(store.conversations()).isEmpty();
    assertThat(report.actions(Action.Kind.IGNORED)).extracting(Action::detail)
        .contains("to a system address (noreply@shop.example)", "to a system address (mailer-daemon@mx.example)",
            "bulk mail (Precedence: bulk)");
  }

  @Test
  void anAnswerAndTheUsersReplyInOneCycleGiveWhatTwoCyclesGive() {
    // The prospect asks a question, the user answers, then silence: a new sequence from the user's
    // answer, its first step three business days later, whether the cycles ran in between or not.
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-11-30T10:30");
    inbound("q1@acme.example", "2026-12-01T10:00", ALICE, "Re: Proposal", "p1@northwind.example",
        "What would the workshop cost?");
    mail.add(MailFolder.SENT, MailMessage.builder("a1@northwind.example", at("2026-12-01T11:00")).from(DANA)
        .to(ALICE).subject("Re: Proposal").inReplyTo("q1@acme.example").references("p1@northwind.example",
            "q1@acme.example"), "It would cost 4,000 EUR.");

    runAt("2026-12-04T08:00");

    Conversation first = store.conversation(Ids.conversationId("p1@northwind.example")).orElseThrow();
    Conversation second = store.conversation(Ids.conversationId("a1@northwind.example")).orElseThrow();
    assertThat(first.status()).isEqualTo(Conversation.Status.REPLIED);
    assertThat(second.isActive()).isTrue();
    assertThat(mail.drafts).isEmpty();
    runAt("2026-12-04T09:00");
    assertThat(mail.drafts).containsOnlyKeys(second.id() + ".1");
  }

  @Test
  void aStopThatLandsDuringACycleIsNotUndone() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    outreach("p2@northwind.example", "2026-11-30T10:05", BOB, "Offer");
    runAt("2026-11-30T10:30");
    Stopper cli = new Stopper(store);
    mail.afterNextSave = () -> cli.stop(BOB, at("2026-12-03T09:00:01"));

    runAt("2026-12-03T09:00");

    Conversation bob = store.conversations().stream().filter(c -> c.hasContact(EmailAddress.of(BOB)))
        .findFirst().orElseThrow();
    assertThat(bob.status()).isEqualTo(Conversation.Status.STOPPED);
    assertThat(bob.stepsDone()).isZero();
    assertThat(mail.drafts.keySet()).noneMatch(id -> id.startsWith(bob.id()));
    assertThat(mail.drafts).hasSize(1);
  }

  @Test
  void aMessageWithoutMessageIdIsNeverNamedInTheDraftsHeaders() throws Exception {
    String madeUp = Ids.syntheticMessageId("Mon, 30 Nov 2026 10:00", DANA, ALICE, "Proposal", "812");
    outreach(madeUp, "2026-11-30T10:00", ALICE, "Proposal");

    runAt("2026-12-03T09:30");

    MimeMessage draft = mail.drafts.values().iterator().next();
    assertThat(draft.getHeader("In-Reply-To")).isNull();
    assertThat(draft.getHeader("References")).isNull();
    assertThat(draft.getSubject()).isEqualTo("Re: Proposal");
  }

  @Test
  void aVanishedDraftsFolderSkipsNothingAndIsReported() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-12-03T09:30");
    String step = only().id() + ".1";

    mail.draftsFolderMissing = true;
    CycleReport report = runAt("2026-12-04T09:30");
    runAt("2026-12-04T10:30");

    assertThat(store.step(step).orElseThrow().state()).isEqualTo(StepRecord.State.DRAFTED);
    assertThat(report.actions(Action.Kind.STEP_SKIPPED)).isEmpty();
    assertThat(digests()).filteredOn(d -> d.contains("drafts folder is gone")).hasSize(1);

    mail.draftsFolderMissing = false;
    runAt("2026-12-04T11:30");
    assertThat(store.step(step).orElseThrow().state()).isEqualTo(StepRecord.State.DRAFTED);
  }

  @Test
  void aDraftComesFromTheAddressTheUserWroteFrom() throws Exception {
    mail.add(MailFolder.SENT, MailMessage.builder("p1@weber-solo.example", at("2026-11-30T10:00"))
        .from(new EmailAddress(DANA_SOLO, "Dana Weber | Weber Solo")).to(ALICE).subject("Proposal"), "Hi Alice");

    runAt("2026-12-03T09:30");

    InternetAddress from = (InternetAddress) mail.drafts.values().iterator().next().getFrom()[0];
    assertThat(from.getAddress()).isEqualTo(DANA_SOLO);
    assertThat(from.getPersonal()).isEqualTo("Dana Weber | Weber Solo");
  }

  @Test
  void threadsAnsweredBeforeTheFirstScanAreNoNewsInTheDigest() {
    outreach("p1@northwind.example", "2026-11-20T10:00", ALICE, "Proposal");
    inbound("r1@acme.example", "2026-11-21T10:00", ALICE, "Re: Proposal", "p1@northwind.example", "Yes, thanks.");
    outreach("p2@northwind.example", "2026-11-30T09:00", BOB, "Offer");

    runAt("2026-11-30T10:00");

    assertThat(store.conversation(Ids.conversationId("p1@northwind.example")).orElseThrow().status())
        .isEqualTo(Conversation.Status.REPLIED);
    assertThat(digests()).noneSatisfy(d -> assertThat(d).contains("alice@acme.example"));
  }

  @Test
  void theDigestGivesEachDraftsDueTimeAndEachPause() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    outreach("p2@northwind.example", "2026-11-30T10:05", BOB, "Offer");
    runAt("2026-11-30T10:30");
    inbound("ooo@globex.example", "2026-12-01T10:00", BOB, "Out of office: Offer", "p2@northwind.example",
        "I am out of the office until 10 December 2026.");

    runAt("2026-12-03T09:30");

    String digest = digests().get(digests().size() - 1);
    assertThat(digest).contains("Drafted follow-up 1 to alice@acme.example \"Proposal\", due Thu 3 Dec 09:00");
    assertThat(digest).contains("bob@globex.example \"Offer\": out of office, back Fri 11 Dec");
  }

  @Test
  void aMailServerThatRefusedTheLoginIsReportedOnceItIsBack() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-11-30T10:30");
    mail.refuseLogin = true;
    for (String when : List.of("2026-12-01T09:00", "2026-12-01T09:30")) {
      clock.set(at(when));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> cycle().run())
          .isInstanceOf(io.secondcall.port.ServerAccessException.class);
    }
    mail.refuseLogin = false;

    runAt("2026-12-01T10:00");

    assertThat(digests()).filteredOn(d -> d.contains("refused the login")).singleElement()
        .satisfies(d -> assertThat(d).contains("Tue 1 Dec 09:00").contains("Tue 1 Dec 10:00"));
  }
}
