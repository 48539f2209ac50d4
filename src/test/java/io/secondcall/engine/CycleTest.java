package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Identity;
import io.secondcall.core.MailMessage;
import io.secondcall.core.WorkingHours;
import io.secondcall.port.MailFolder;
import io.secondcall.port.StateStore;
import io.secondcall.port.StepRecord;
import io.secondcall.store.InMemoryStateStore;
import io.secondcall.template.DigestComposer;
import io.secondcall.template.DraftComposer;
import io.secondcall.template.Templates;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine end to end on an in-memory mailbox and state, on a fake clock (Europe/Berlin). */
class CycleTest extends EngineFixture {

  @Test
  void silentOutreachGetsItsFirstFollowUpThreeBusinessDaysLaterAtStartOfWork() throws Exception {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-11-30T11:00");
    runAt("2026-12-03T08:59");
    assertThat(mail.drafts).isEmpty();

    runAt("2026-12-03T09:00");

    assertThat(mail.drafts).hasSize(1);
    MimeMessage draft = mail.drafts.values().iterator().next();
    assertThat(draft.getSubject()).isEqualTo("Re: Proposal");
    assertThat(draft.getHeader("To", ",")).contains(ALICE);
    assertThat(draft.getHeader("In-Reply-To", null)).isEqualTo("<p1@northwind.example>");
    assertThat(draft.getHeader("X-Secondcall-Id", null)).isEqualTo(only().id() + ".1");
  }

  @Test
  void aReplyEndsTheSequenceAndRemovesTheUnsentDraft() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-12-03T09:30");
    assertThat(mail.drafts).hasSize(1);

    inbound("r1@acme.example", "2026-12-03T12:00", ALICE, "Re: Proposal", "p1@northwind.example", "Sounds good!");
    CycleReport report = runAt("2026-12-03T13:00");

    assertThat(only().status()).isEqualTo(Conversation.Status.REPLIED);
    assertThat(mail.drafts).isEmpty();
    assertThat(report.actions(Action.Kind.REPLIED)).hasSize(1);
    assertThat(report.actions(Action.Kind.CLEANED_UP)).hasSize(1);
    runAt("2026-12-20T09:30");
    assertThat(mail.drafts).isEmpty();
  }

  @Test
  void aReplyFromTheContactInAnotherThreadAlsoCounts() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    inbound("r1@acme.example", "2026-12-01T12:00", ALICE, "Question about something else", null,
        "Could you call me?");
    runAt("2026-12-03T09:30");
    assertThat(only().status()).isEqualTo(Conversation.Status.REPLIED);
    assertThat(mail.drafts).isEmpty();
  }

  @Test
  void ownCopiesInTheInboxAreNeverReplies() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    inbound("copy@northwind.example", "2026-12-01T12:00", DANA, "Re: Proposal", "p1@northwind.example", "copy");
    runAt("2026-12-03T09:30");
    assertThat(only().status()).isEqualTo(Conversation.Status.ACTIVE);
    assertThat(mail.drafts).hasSize(1);
  }

  @Test
  void repeatedCyclesNeverDraftTheSameStepTwice() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-12-03T09:30");
    runAt("2026-12-03T09:30");
    runAt("2026-12-04T09:30");
    assertThat(mail.draftsSaved).isEqualTo(1);
  }

  @Test
  void aCrashAfterTheDraftLandedIsSettledWithoutASecondDraft() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    mail.failAfterNextSave = true;
    clock.set(at("2026-12-03T09:30"));
    assertThatThrownBy(() -> cycle().run()).hasMessageContaining("simulated crash");

    runAt("2026-12-03T09:35");

    assertThat(mail.draftsSaved).isEqualTo(1);
    assertThat(store.steps(only().id())).extracting(StepRecord::state).containsExactly(StepRecord.State.DRAFTED);
  }

  @Test
  void aCrashBeforeTheDraftLandedIsRetriedOnce() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    mail.failBeforeNextSave = true;
    clock.set(at("2026-12-03T09:30"));
    assertThatThrownBy(() -> cycle().run()).hasMessageContaining("simulated crash");

    runAt("2026-12-03T09:35");
    runAt("2026-12-03T09:40");

    assertThat(mail.draftsSaved).isEqualTo(1);
    assertThat(mail.drafts).containsOnlyKeys(only().id() + ".1");
  }

  @Test
  void aDraftDeletedUnsentIsASkippedStepAndTheNextStepFollows() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-12-03T09:30");
    String id = only().id();
    mail.userDeletes(id + ".1");

    CycleReport report = runAt("2026-12-04T09:30");
    assertThat(report.actions(Action.Kind.STEP_SKIPPED)).hasSize(1);
    assertThat(mail.drafts).isEmpty();

    // Step 2 is due 5 business days after the outreach (Mon 30 Nov): Mon 7 Dec.
    runAt("2026-12-07T09:00");
    assertThat(mail.drafts).containsOnlyKeys(id + ".2");
    runAt("2026-12-08T09:30");
    assertThat(mail.draftsSaved).isEqualTo(2);
  }

  @Test
  void aSentDraftIsATouchAndTheCadenceCountsFromIt() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-12-03T09:30");
    String id = only().id();
    mail.userDeletes(id + ".1");
    mail.add(MailFolder.SENT, MailMessage.builder("f1@northwind.example", at("2026-12-03T11:00")).from(DANA)
        .to(ALICE).subject("Re: Proposal").inReplyTo("p1@northwind.example").header("X-Secondcall-Id", id + ".1"),
        "Just checking in");

    CycleReport report = runAt("2026-12-03T12:00");
    assertThat(report.actions(Action.Kind.TOUCHED)).hasSize(1);
    assertThat(report.actions(Action.Kind.STEP_SKIPPED)).isEmpty();
    assertThat(only().touches()).isEqualTo(2);

    // 5 business days after Thu 3 Dec, with Tue 8 Dec a holiday: Fri 11 Dec.
    runAt("2026-12-10T09:30");
    assertThat(mail.drafts).isEmpty();
    runAt("2026-12-11T09:00");
    assertThat(mail.drafts).containsOnlyKeys(id + ".2");
    assertThat(FakeMailbox.header(mail.drafts.get(id + ".2"), "In-Reply-To")).isEqualTo("<f1@northwind.example>");
  }

  @Test
  void aBounceEndsTheSequenceAndIsReportedInTheDigest() throws Exception {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-11-30T10:00");
    mail.add(MailFolder.INBOX, MailMessage.builder("dsn1@mx.example", at("2026-11-30T10:01"))
        .from("mailer-daemon@mx.northwind.example").to(DANA).subject("Undelivered Mail Returned to Sender")
        .header("content-type", "multipart/report; report-type=delivery-status")
        .bounced(List.of(EmailAddress.of(ALICE))), "");

    runAt("2026-11-30T11:00");

    assertThat(only().status()).isEqualTo(Conversation.Status.BOUNCED);
    assertThat(mail.inboxDeliveries).hasSize(1);
    assertThat(mail.inboxDeliveries.get(0).getContent().toString()).contains(ALICE);
    runAt("2026-12-03T09:30");
    assertThat(mail.drafts).isEmpty();
  }

  @Test
  void aBounceForANamedContactEndsTheSequence() {
    mail.add(MailFolder.SENT, MailMessage.builder("p1@northwind.example", at("2026-11-30T10:00")).from(DANA)
        .to(List.of(new EmailAddress(ALICE, "Alice Martin"))).subject("Proposal"), "Hi Alice");
    mail.add(MailFolder.INBOX, MailMessage.builder("dsn1@mx.example", at("2026-11-30T10:01"))
        .from("mailer-daemon@mx.northwind.example").to(DANA).subject("Undelivered Mail Returned to Sender")
        .header("content-type", "multipart/report; report-type=delivery-status")
        .bounced(List.of(EmailAddress.of(ALICE))), "");

    runAt("2026-11-30T11:00");

    assertThat(only().status()).isEqualTo(Conversation.Status.BOUNCED);
  }

  @Test
  void anOutOfOfficeReplyFromANamedContactPausesTheSequence() {
    mail.add(MailFolder.SENT, MailMessage.builder("p1@northwind.example", at("2026-11-30T10:00")).from(DANA)
        .to(List.of(new EmailAddress(ALICE, "Alice Martin"))).subject("Proposal"), "Hi Alice");
    mail.add(MailFolder.INBOX, MailMessage.builder("ooo@acme.example", at("2026-11-30T10:01"))
        .from(new EmailAddress(ALICE, "Alice Martin")).to(DANA).subject("Automatic reply: Proposal"),
        "I am out of the office until 10 December 2026.");

    runAt("2026-11-30T11:00");

    assertThat(only().pausedUntil()).isEqualTo(LocalDate.of(2026, 12, 11));
  }

  @Test
  void anOutOfOfficeReplyMovesTheNextStepAfterTheReturnDate() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    inbound("ooo@acme.example", "2026-11-30T10:01", ALICE, "Out of office: Proposal", "p1@northwind.example",
        "I am out of the office until 10 December 2026 and will reply when I am back.");
    runAt("2026-11-30T11:00");
    assertThat(only().status()).isEqualTo(Conversation.Status.ACTIVE);

    // Away until Thu 10 Dec, so back Fri 11 Dec; the step comes the business day after: Mon 14 Dec.
    runAt("2026-12-03T09:30");
    runAt("2026-12-11T09:30");
    assertThat(mail.drafts).isEmpty();
    runAt("2026-12-14T09:00");
    assertThat(mail.drafts).hasSize(1);
  }

  @Test
  void theDailyCapMovesWhatDoesNotFitToTheNextBusinessDay() {
    rules = rules.withMaxDraftsPerDay(2);
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    outreach("p2@northwind.example", "2026-11-30T10:05", "bob@globex.example", "Offer");
    outreach("p3@northwind.example", "2026-11-30T10:10", "carla@initech.example", "Workshop");

    CycleReport thursday = runAt("2026-12-03T09:30");
    assertThat(mail.drafts).hasSize(2);
    assertThat(thursday.actions(Action.Kind.DEFERRED)).hasSize(1);

    runAt("2026-12-04T09:30");
    assertThat(mail.drafts).hasSize(3);
  }

  @Test
  void aDryRunChangesNothingAnywhere() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    clock.set(at("2026-12-03T09:30"));

    CycleReport report = cycle().dryRun();

    assertThat(report.dryRun()).isTrue();
    assertThat(report.actions(Action.Kind.DRAFTED)).hasSize(1);
    assertThat(mail.drafts).isEmpty();
    assertThat(mail.inboxDeliveries).isEmpty();
    assertThat(store.conversations()).isEmpty();
    assertThat(store.firstScanAt()).isEmpty();
  }

  @Test
  void oneDigestPerCycleWithSomethingToSayAndNoneOtherwise() throws Exception {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    outreach("p2@northwind.example", "2026-11-30T10:05", "bob@globex.example", "Offer");
    runAt("2026-12-03T09:30");
    assertThat(mail.inboxDeliveries).hasSize(1);
    String body = mail.inboxDeliveries.get(0).getContent().toString();
    assertThat(body).contains(ALICE).contains("bob@globex.example");

    runAt("2026-12-03T10:30");
    assertThat(mail.inboxDeliveries).hasSize(1);
  }

  @Test
  void aRenumberedFolderIsReadAgainWithoutDuplicates() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-12-03T09:30");
    mail.renumber(MailFolder.SENT);
    mail.renumber(MailFolder.INBOX);

    runAt("2026-12-03T10:30");

    assertThat(store.conversations()).hasSize(1);
    assertThat(mail.draftsSaved).isEqualTo(1);
  }

  @Test
  void movingTheConversationToTheStopFolderEndsIt() {
    MailMessage sent = outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-12-03T09:30");
    mail.add(MailFolder.STOP, MailMessage.builder(sent.messageId(), sent.date()).from(DANA).to(ALICE)
        .subject("Proposal"), null);

    runAt("2026-12-03T10:00");

    assertThat(only().status()).isEqualTo(Conversation.Status.STOPPED);
    assertThat(mail.drafts).isEmpty();
  }

  @Test
  void stopByAddressEndsTheSequenceAndTheNextCycleRemovesItsDraft() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    runAt("2026-12-03T09:30");

    List<Conversation> stopped = new Stopper(store).stop("Alice@Acme.example", at("2026-12-03T09:40"));
    runAt("2026-12-03T10:00");

    assertThat(stopped).hasSize(1);
    assertThat(only().status()).isEqualTo(Conversation.Status.STOPPED);
    assertThat(mail.drafts).isEmpty();
  }

  @Test
  void aMessageTheRulesChokeOnIsSkippedWithNothingHalfDoneAndTheOthersAreHandled() {
    outreach("poison@northwind.example", "2026-11-30T09:00", "bob@globex.example", "Offer");
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    StateStore poisoned = (StateStore) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {StateStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("linkMessage") && "poison@northwind.example".equals(args[0])) {
            throw new IllegalStateException("rules choked");
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    clock.set(at("2026-12-03T09:30"));
    EngineSettings s = settings();
    Templates templates = Templates.load(null, ZONE, clock, Locale.ENGLISH);

    CycleReport report = new Cycle(s, mail, mail, poisoned, new FollowUpWriter(s, templates, new DraftComposer()),
        new DigestComposer(), clock).run();

    assertThat(report.skippedMessages()).isEqualTo(1);
    assertThat(only().contact().address()).as("the poisoned outreach left no half-saved conversation")
        .isEqualTo(ALICE);
    assertThat(mail.drafts).hasSize(1);
  }

  @Test
  void onTheFirstScanOnlyTheLookBackWindowCounts() {
    outreach("old@northwind.example", "2026-10-01T10:00", ALICE, "Old proposal");
    outreach("p1@northwind.example", "2026-11-30T10:00", "bob@globex.example", "Offer");
    runAt("2026-11-30T11:00");
    assertThat(only().contact().address()).isEqualTo("bob@globex.example");
  }

  @Test
  void theSequenceRunsThroughTheCadenceAndTheClosingNoteThenEnds() {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE, "Proposal");
    LocalDate day = LocalDate.of(2026, 11, 30);
    int sent = 0;
    for (int i = 0; i < 60; i++, day = day.plusDays(1)) {
      runAt(day + "T09:30");
      for (String id : List.copyOf(mail.drafts.keySet())) {
        mail.userDeletes(id);
        mail.add(MailFolder.SENT, MailMessage.builder("sent" + (++sent) + "@northwind.example", at(day + "T10:00"))
            .from(DANA).to(ALICE).subject("Re: Proposal").header("X-Secondcall-Id", id), "nudge");
      }
    }
    assertThat(sent).isEqualTo(4);
    assertThat(only().status()).isEqualTo(Conversation.Status.EXHAUSTED);
    assertThat(store.steps(only().id())).extracting(StepRecord::kind).extracting(Enum::name)
        .containsExactly("FOLLOW_UP", "FOLLOW_UP", "FOLLOW_UP", "CLOSING");
  }
}
