package io.secondcall.core;

import static io.secondcall.core.Fixtures.DANA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundClassifierTest {

  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  private final InboundClassifier classifier = new InboundClassifier(DANA, Fixtures.BERLIN);

  private static MailMessage.Builder from(String sender) {
    return MailMessage.builder("i1@x.example", AT).from(sender).to("dana@consult.example")
        .subject("Re: Proposal").inReplyTo("m1@consult.example").text("Sounds good, let's talk.");
  }

  @Test
  void aCopyOfTheUsersOwnMailIsOwnEvenInTheConversation() {
    assertThat(classifier.classify(from("dana@consult.example").build()).kind()).isEqualTo(Inbound.Kind.OWN);
    assertThat(classifier.classify(from("Dana+fu@Consult.example").build()).kind()).isEqualTo(Inbound.Kind.OWN);
  }

  @Test
  void aDeliveryReportWithFailedRecipientsIsABounce() {
    MailMessage dsn = from("MAILER-DAEMON@mx.acme.example").subject("Undelivered Mail Returned to Sender")
        .header("Content-Type", "multipart/report; report-type=delivery-status; boundary=x")
        .header("Auto-Submitted", "auto-replied")
        .bounced(List.of(EmailAddress.of("alice@acme.example"))).build();
    Inbound result = classifier.classify(dsn);
    assertThat(result.kind()).isEqualTo(Inbound.Kind.BOUNCE);
    assertThat(result.bounced()).containsExactly(EmailAddress.of("alice@acme.example"));
    assertThat(result.reason()).isEqualTo("delivery failed for alice@acme.example");
  }

  @Test
  void aDeliveryStatusReportIsABounceEvenWhenTheAdapterFoundNoRecipient() {
    MailMessage dsn = from("postmaster@mx.acme.example").subject("Delivery Status Notification")
        .header("Content-Type", "multipart/report; report-type=\"delivery-status\"").build();
    assertThat(classifier.classify(dsn).kind()).isEqualTo(Inbound.Kind.BOUNCE);
  }

  @Test
  void aPlainTextBounceFromTheMailerDaemonIsABounce() {
    MailMessage bounce = from("mailer-daemon@mx.acme.example").subject("Mail delivery failed: returning message to sender")
        .build();
    assertThat(classifier.classify(bounce).kind()).isEqualTo(Inbound.Kind.BOUNCE);
  }

  @Test
  void anOutOfOfficeIsAnAutoReplyWithItsReturnDate() {
    MailMessage ooo = from("alice@acme.example").subject("Abwesenheitsnotiz: Proposal")
        .text("Ich bin bis zum 4. Dezember nicht im Büro.").build();
    Inbound result = classifier.classify(ooo);
    assertThat(result.kind()).isEqualTo(Inbound.Kind.AUTO_REPLY);
    assertThat(result.returnDate()).hasValue(LocalDate.of(2026, 12, 5));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "Auto-Submitted   | auto-generated                   | automated (Auto-Submitted: auto-generated)",
      "Content-Type     | multipart/report; report-type=disposition-notification | read receipt",
  })
  void automatedMailIsNoReply(String header, String value, String reason) {
    Inbound result = classifier.classify(from("alice@acme.example").header(header, value).build());
    assertThat(result.kind()).isEqualTo(Inbound.Kind.AUTOMATED);
    assertThat(result.reason()).isEqualTo(reason);
  }

  /** CRMs, Google Groups and some servers add these to a person's answer: not proof of a machine. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "List-Id          | <news.acme.example>              | newsletter (List-Id)",
      "List-Unsubscribe | <https://acme.example/unsub>      | newsletter (List-Unsubscribe)",
      "Precedence       | bulk                             | bulk mail (Precedence: bulk)",
      "Precedence       | list                             | bulk mail (Precedence: list)",
      "Precedence       | junk                             | bulk mail (Precedence: junk)",
  })
  void listHeadersMakeListMailThatMayStillBeAnAnswer(String header, String value, String reason) {
    Inbound result = classifier.classify(from("alice@acme.example").header(header, value).build());
    assertThat(result.kind()).isEqualTo(Inbound.Kind.LIST);
    assertThat(result.reason()).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[Ticket #48213] Proposal                  | Thank you for contacting us. A member of our team will reply.",
      "Re: Proposal [Case 00123456]              | We have received your request and will get back to you.",
      "Ihre Anfrage Nr. 4711 ist eingegangen     | Ihre Anfrage wurde erfasst.",
      "Request received: Proposal (#AB-20931)    | Your request has been received and is being reviewed.",
  })
  void aHelpDeskAcknowledgementIsAutomated(String subject, String text) {
    Inbound result = classifier.classify(from("support@acme.example").subject(subject).text(text).build());
    assertThat(result.kind()).isEqualTo(Inbound.Kind.AUTOMATED);
    assertThat(result.reason()).isEqualTo("ticket acknowledgement");
  }

  @Test
  void aPersonWritingAboutATicketIsNoAcknowledgement() {
    Inbound result = classifier.classify(from("alice@acme.example").subject("Re: [Ticket #48213] Proposal")
        .text("Yes, let's do it. I received your offer and we agree.").build());
    assertThat(result.kind()).isEqualTo(Inbound.Kind.PERSONAL);
  }

  @ParameterizedTest
  @CsvSource({"noreply@acme.example", "no-reply@acme.example", "donotreply@acme.example",
      "notifications@acme.example", "exmh-users-request@redhat.example", "mailer-daemon@acme.example"})
  void mailFromSystemAddressesIsNeverAnAnswer(String sender) {
    Inbound result = classifier.classify(from(sender).subject("Re: Proposal").text("Thanks").build());
    assertThat(result.kind()).isIn(Inbound.Kind.AUTOMATED, Inbound.Kind.BOUNCE);
  }

  @Test
  void anAcceptedInvitationIsNoMailReply() {
    Inbound result = classifier.classify(from("alice@acme.example").subject("Accepted: Call").calendarMethod("REPLY").build());
    assertThat(result.kind()).isEqualTo(Inbound.Kind.AUTOMATED);
    assertThat(result.reason()).isEqualTo("calendar response");
  }

  @Test
  void anInvitationFromTheContactIsAPersonAnswering() {
    MailMessage invite = from("alice@acme.example").subject("Invitation: Call with Dana").calendarMethod("REQUEST").build();
    assertThat(classifier.classify(invite).kind()).isEqualTo(Inbound.Kind.PERSONAL);
  }

  @Test
  void readReceiptsBySubject() {
    assertThat(classifier.classify(from("alice@acme.example").subject("Read: Proposal").build()).kind())
        .isEqualTo(Inbound.Kind.AUTOMATED);
  }

  @Test
  void noReplySendersAreAutomated() {
    assertThat(classifier.classify(from("no-reply@acme.example").build()).kind()).isEqualTo(Inbound.Kind.AUTOMATED);
    assertThat(classifier.classify(from("noreply+abc@acme.example").build()).kind()).isEqualTo(Inbound.Kind.AUTOMATED);
  }

  @Test
  void anythingElseIsPersonal() {
    Inbound result = classifier.classify(from("alice@acme.example").build());
    assertThat(result).isEqualTo(Inbound.of(Inbound.Kind.PERSONAL, "personal message"));
    assertThat(classifier.classify(from("alice@acme.example").header("Auto-Submitted", "no").build()).kind())
        .isEqualTo(Inbound.Kind.PERSONAL);
  }

  @Test
  void aHumanReplyMentioningWhenTheyAreBackIsPersonal() {
    MailMessage m = from("alice@acme.example").text("Thanks! I'm back on Monday, call me then.").build();
    assertThat(classifier.classify(m).kind()).isEqualTo(Inbound.Kind.PERSONAL);
  }

  @Test
  void aMessageWithoutSenderIsStillClassified() {
    MailMessage m = MailMessage.builder("i2@x", AT).subject("Hello").build();
    assertThat(classifier.classify(m).kind()).isEqualTo(Inbound.Kind.PERSONAL);
  }
}
