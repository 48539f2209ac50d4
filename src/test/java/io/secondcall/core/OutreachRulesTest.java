package io.secondcall.core;

import static io.secondcall.core.Fixtures.DANA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutreachRulesTest {

  private static final Instant FIRST_SCAN = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant SENT = Instant.parse("2026-11-30T09:00:00Z");

  private final OutreachRules all = new OutreachRules(DANA, FollowUpRules.defaults());
  private final OutreachRules tagged = new OutreachRules(DANA,
      FollowUpRules.defaults().withTrack(FollowUpRules.Track.TAGGED, Set.of("dana+fu@consult.example", "fu@tracker.example")));

  private static MailMessage.Builder sent() {
    return MailMessage.builder("m1@consult.example", SENT).from("dana@consult.example").subject("Proposal");
  }

  @Test
  void aMessageToOneProspectIsOutreach() {
    OutreachDecision d = all.evaluate(sent().to("Alice@Acme.example").build(), FIRST_SCAN);
    assertThat(d.outreach()).isTrue();
    assertThat(d.contacts()).containsExactly(EmailAddress.of("alice@acme.example"));
    assertThat(d.firstStepDays()).isZero();
    assertThat(d.reason()).isEqualTo("outreach to alice@acme.example");
  }

  @Test
  void contactsAreTheExternalToAndCcRecipientsOnlyOnce() {
    MailMessage m = sent().to("alice@acme.example", "colleague@consult.example")
        .cc("bob@acme.example", "alice@acme.example", "dana@consult.example")
        .bcc("carol@other.example").build();
    assertThat(all.evaluate(m, FIRST_SCAN).contacts())
        .extracting(EmailAddress::address).containsExactly("alice@acme.example", "bob@acme.example");
  }

  @Test
  void bulkMailIsNoOutreach() {
    MailMessage four = sent().to("a@x.example", "b@x.example").cc("c@y.example", "d@z.example").build();
    assertThat(all.evaluate(four, FIRST_SCAN)).isEqualTo(OutreachDecision.ignored("bulk mail: 4 external recipients"));
    MailMessage three = sent().to("a@x.example", "b@x.example").cc("c@y.example", "colleague@consult.example").build();
    assertThat(all.evaluate(three, FIRST_SCAN).outreach()).isTrue();
  }

  @Test
  void internalIgnoredOrNoRecipients() {
    assertThat(all.evaluate(sent().to("bob@consult.example", "x@sub.consult.example").build(), FIRST_SCAN).reason())
        .isEqualTo("internal only");
    assertThat(all.evaluate(sent().to("accounting@bigcorp.example", "news@spam.example").build(), FIRST_SCAN).reason())
        .isEqualTo("ignored recipients only");
    assertThat(all.evaluate(sent().bcc("alice@acme.example").build(), FIRST_SCAN).reason()).isEqualTo("no recipients");
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "auto-submitted   | auto-generated                                 | automated (Auto-Submitted: auto-generated)",
      "auto-submitted   | auto-replied; owner-email=dana@consult.example | automated (Auto-Submitted: auto-replied)",
      "list-id          | <news.consult.example>                         | newsletter (List-Id)",
      "list-unsubscribe | <mailto:unsub@consult.example>                 | newsletter (List-Unsubscribe)",
      "content-type     | multipart/report; report-type=disposition-notification | read receipt",
  })
  void automatedMailIsNoOutreach(String header, String value, String reason) {
    MailMessage m = sent().to("alice@acme.example").header(header, value).build();
    assertThat(all.evaluate(m, FIRST_SCAN)).isEqualTo(OutreachDecision.ignored(reason));
  }

  @Test
  void autoSubmittedNoIsAPersonMessage() {
    MailMessage m = sent().to("alice@acme.example").header("Auto-Submitted", "no").build();
    assertThat(all.evaluate(m, FIRST_SCAN).outreach()).isTrue();
  }

  @Test
  void calendarMailIsNoOutreach() {
    assertThat(all.evaluate(sent().to("alice@acme.example").calendarMethod("REPLY").build(), FIRST_SCAN).reason())
        .isEqualTo("calendar response");
    assertThat(all.evaluate(sent().to("alice@acme.example").calendarMethod("REQUEST").build(), FIRST_SCAN).reason())
        .isEqualTo("calendar invitation");
  }

  @Test
  void readReceiptsBySubject() {
    assertThat(all.evaluate(sent().to("alice@acme.example").subject("Read: Proposal").build(), FIRST_SCAN).reason())
        .isEqualTo("read receipt");
    assertThat(all.evaluate(sent().to("alice@acme.example").subject("Gelesen: Angebot").build(), FIRST_SCAN).reason())
        .isEqualTo("read receipt");
    assertThat(all.evaluate(sent().to("alice@acme.example").subject("Reading list").build(), FIRST_SCAN).outreach())
        .isTrue();
  }

  @Test
  void mailOlderThanTheLookBackIsNotTracked() {
    Instant edge = FIRST_SCAN.minus(java.time.Duration.ofDays(21));
    MailMessage old = MailMessage.builder("old@x", edge.minusSeconds(1)).to("alice@acme.example").build();
    MailMessage recent = MailMessage.builder("new@x", edge).to("alice@acme.example").build();
    assertThat(all.evaluate(old, FIRST_SCAN).reason()).isEqualTo("older than the 21-day look-back");
    assertThat(all.evaluate(recent, FIRST_SCAN).outreach()).isTrue();
  }

  @Test
  void taggedModeIgnoresUntaggedMail() {
    assertThat(tagged.evaluate(sent().to("alice@acme.example").build(), FIRST_SCAN).reason()).isEqualTo("not tagged");
    assertThat(tagged.evaluate(sent().to("alice@acme.example").bcc("dana+other@consult.example").build(), FIRST_SCAN)
        .reason()).isEqualTo("not tagged");
    assertThat(tagged.evaluate(sent().to("alice@acme.example").bcc("dana+fux@consult.example").build(), FIRST_SCAN)
        .reason()).isEqualTo("not tagged");
  }

  @Test
  void aBccToTheTagAddressTracksWithTheCadence() {
    OutreachDecision d = tagged.evaluate(sent().to("alice@acme.example").bcc("dana+fu@consult.example").build(), FIRST_SCAN);
    assertThat(d.outreach()).isTrue();
    assertThat(d.firstStepDays()).isZero();
  }

  @Test
  void digitsAfterTheTagSetTheFirstStep() {
    OutreachDecision d = tagged.evaluate(sent().to("alice@acme.example").bcc("Dana+FU5@consult.example").build(), FIRST_SCAN);
    assertThat(d.outreach()).isTrue();
    assertThat(d.firstStepDays()).isEqualTo(5);
    assertThat(d.reason()).isEqualTo("outreach to alice@acme.example (first step after 5 business days)");
  }

  @Test
  void tagAddressesAreNeverContactsEvenWhenExternal() {
    OutreachDecision d = tagged.evaluate(
        sent().to("alice@acme.example").cc("fu+10@tracker.example").build(), FIRST_SCAN);
    assertThat(d.contacts()).containsExactly(EmailAddress.of("alice@acme.example"));
    assertThat(d.firstStepDays()).isEqualTo(10);
    assertThat(tagged.evaluate(sent().to("fu@tracker.example").build(), FIRST_SCAN).reason()).isEqualTo("internal only");
  }

  @Test
  void aTagWithoutPlusAcceptsAnyPlusVariant() {
    OutreachRules plain = new OutreachRules(DANA,
        FollowUpRules.defaults().withTrack(FollowUpRules.Track.TAGGED, Set.of("followup@consult.example")));
    assertThat(plain.evaluate(sent().to("alice@acme.example").bcc("followup+7@consult.example").build(), FIRST_SCAN)
        .firstStepDays()).isEqualTo(7);
    assertThat(plain.evaluate(sent().to("alice@acme.example").bcc("followup@consult.example").build(), FIRST_SCAN)
        .outreach()).isTrue();
  }

  @Test
  void taggedByGmailLabel() {
    MailMessage m = sent().to("alice@acme.example").labels(List.of("SENT", "secondcall")).build();
    assertThat(tagged.evaluate(m, FIRST_SCAN).outreach()).isTrue();
  }

  @Test
  void withTrackAllTagAddressesAreNotNeeded() {
    assertThat(all.evaluate(sent().to("alice@acme.example").build(), FIRST_SCAN).outreach()).isTrue();
  }

  @Test
  void aPostToAKnownMailingListIsNotOutreachEvenWithAPersonCopied() {
    OutreachRules knowingLists = new OutreachRules(DANA, FollowUpRules.defaults(),
        a -> a.address().equals("exmh-users@redhat.example"));
    OutreachDecision d = knowingLists.evaluate(
        sent().to("exmh-users@redhat.example").cc("alice@acme.example").build(), FIRST_SCAN);
    assertThat(d.outreach()).isFalse();
    assertThat(d.reason()).isEqualTo("mailing list post (exmh-users@redhat.example)");
  }

  @ParameterizedTest
  @CsvSource({"noreply@shop.example", "no-reply@shop.example", "donotreply@bank.example", "postmaster@acme.example",
      "mailer-daemon@mx.acme.example", "exmh-users-request@redhat.example", "billing-bounces@acme.example"})
  void mailToASystemAddressIsNotOutreach(String address) {
    OutreachDecision d = all.evaluate(sent().to(address).build(), FIRST_SCAN);
    assertThat(d.outreach()).isFalse();
    assertThat(d.reason()).isEqualTo("to a system address (" + address + ")");
  }

  @Test
  void aSystemAddressBesideAPersonIsNoContact() {
    OutreachDecision d = all.evaluate(sent().to("alice@acme.example").cc("noreply@acme.example").build(), FIRST_SCAN);
    assertThat(d.contacts()).containsExactly(EmailAddress.of("alice@acme.example"));
  }

  @ParameterizedTest
  @CsvSource({"bulk", "list", "junk"})
  void sentMailMarkedAsBulkIsNotOutreach(String precedence) {
    OutreachDecision d = all.evaluate(sent().to("alice@acme.example").header("precedence", precedence).build(),
        FIRST_SCAN);
    assertThat(d.outreach()).isFalse();
    assertThat(d.reason()).isEqualTo("bulk mail (Precedence: " + precedence + ")");
  }
}
