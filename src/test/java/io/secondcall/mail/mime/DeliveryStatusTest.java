package io.secondcall.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

  @Test
  void onlyRecipientsWhoseActionFailedAreReported() {
    String body = """
        Reporting-MTA: dns; mx.example.com

        Final-Recipient: rfc822; Alice@Acme.example
        Action: failed
        Status: 5.1.1

        Final-Recipient: rfc822; bob@acme.example
        Action: delayed
        Status: 4.4.1

        Final-Recipient: rfc822;<carol@acme.example>
        Action: Failed
        Status: 5.2.2
        """.replace("\n", "\r\n");

    assertThat(DeliveryStatus.failedRecipients(body)).containsExactly("alice@acme.example", "carol@acme.example");
  }

  @Test
  void theOriginalRecipientStandsInForAMissingFinalOne() {
    String body = """
        Reporting-MTA: dns; mx.example.com

        Original-Recipient: rfc822; dave@acme.example
        Action: failed
        """;

    assertThat(DeliveryStatus.failedRecipients(body)).containsExactly("dave@acme.example");
  }

  @Test
  void foldedFieldsAndGarbageDoNotBreakTheParse() {
    String body = """
        Final-Recipient:
         rfc822; eve@acme.example
        Action: failed

        Final-Recipient: x400; not an address
        Action: failed

        garbage without a colon
        """;

    assertThat(DeliveryStatus.failedRecipients(body)).containsExactly("eve@acme.example");
  }

  @Test
  void aReportWithoutFailuresReportsNobody() {
    assertThat(DeliveryStatus.failedRecipients("Final-Recipient: rfc822; a@b.example\nAction: delivered\n")).isEmpty();
    assertThat(DeliveryStatus.failedRecipients("")).isEmpty();
  }
}
