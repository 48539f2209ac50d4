package io.secondcall.mail.gmail;

import static io.secondcall.mail.TestMail.daysAgo;
import static io.secondcall.mail.TestMail.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.secondcall.google.GoogleTokens;
import io.secondcall.port.FolderChanges;
import io.secondcall.port.MailFolder;
import io.secondcall.port.ServerAccessException;
import io.secondcall.port.SyncCursor;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 429 and 5xx are waited out (Retry-After first, else exponential backoff); 401 renews the token once. */
class GmailFailuresIT {

  @RegisterExtension
  final GmailFixture fixture = new GmailFixture();
  @BeforeEach
  void oneSentMessage() throws Exception {
    fixture.seed().append("SENT", sent("a@example.com", daysAgo(1), "Offer"));
  }

  @Test
  void serverErrorsAreRetriedWithDoublingWaits() {
    fixture.gmail.failNext(3, 503, "backendError", null);
    try (GmailMailbox mailbox = fixture.mailbox()) {
      FolderChanges changes = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21));

      assertThat(changes.messages()).hasSize(1);
      assertThat(fixture.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
      assertThat(mailbox.quota().calls(Quota.Method.GET_PROFILE)).isEqualTo(4);
    }
  }

  @Test
  void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
    fixture.gmail.failNext(1, 429, "rateLimitExceeded", "7");
    try (GmailMailbox mailbox = fixture.mailbox()) {
      mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21));

      assertThat(fixture.waits).containsExactly(Duration.ofSeconds(7));
    }
  }

  @Test
  void partsOfABatchThatFailAreSentAgainInTheNextBatch() throws Exception {
    fixture.seed().append("SENT", sent("b@example.com", daysAgo(1), "Offer 2"));
    fixture.seed().append("SENT", sent("c@example.com", daysAgo(1), "Offer 3"));
    // getProfile and messages.list pass; then two of the three parts of the batch fail.
    fixture.gmail.failAfter(2, 2, 429, "userRateLimitExceeded", "3");
    try (GmailMailbox mailbox = fixture.mailbox()) {
      FolderChanges changes = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21));

      assertThat(changes.messages()).hasSize(3);
      assertThat(fixture.gmail.batches()).isEqualTo(2);
      assertThat(fixture.waits).containsExactly(Duration.ofSeconds(3));
      assertThat(mailbox.quota().calls(Quota.Method.MESSAGES_GET)).isEqualTo(5);
    }
  }

  @Test
  void aServerThatKeepsFailingIsATransientFailureAfterFiveAttempts() {
    fixture.gmail.failNext(100, 500, "backendError", null);
    try (GmailMailbox mailbox = fixture.mailbox()) {
      ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
          () -> mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21)));

      assertThat(e.isTransient()).isTrue();
      assertThat(e.getMessage()).contains("Gmail getProfile failed: HTTP 500");
      assertThat(fixture.waits).hasSize(GmailCalls.ATTEMPTS - 1);
    }
  }

  @Test
  void aLongRetryAfterIsLeftToTheDaemon() {
    fixture.gmail.failNext(1, 429, "rateLimitExceeded", "3600");
    try (GmailMailbox mailbox = fixture.mailbox()) {
      ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
          () -> mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21)));

      assertThat(e.isTransient()).isTrue();
      assertThat(fixture.waits).isEmpty();
    }
  }

  @Test
  void aDraftIsCreatedAgainAfterARateLimitButNotAfterAServerErrorThatMayHaveLandedIt() throws Exception {
    try (GmailMailbox mailbox = fixture.mailbox()) {
      // After the search for the thread it answers.
      fixture.gmail.failAfter(1, 1, 429, "rateLimitExceeded", null);
      mailbox.saveDraft(io.secondcall.mail.TestMail.draft("c1.1", "Re: Offer"));
      fixture.gmail.failAfter(1, 1, 503, "backendError", null);
      ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
          () -> mailbox.saveDraft(io.secondcall.mail.TestMail.draft("c2.1", "Re: Offer")));

      assertThat(e.isTransient()).isTrue();
      assertThat(fixture.gmail.calls()).filteredOn("drafts.create"::equals).hasSize(3);
      assertThat(fixture.waits).containsExactly(Duration.ofSeconds(1));
    }
  }

  @Test
  void aBadRequestIsNotRetried() {
    fixture.gmail.failNext(1, 400, "invalidArgument", null);
    try (GmailMailbox mailbox = fixture.mailbox()) {
      ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
          () -> mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21)));

      assertThat(e.isTransient()).isFalse();
      assertThat(fixture.waits).isEmpty();
    }
  }

  @Test
  void aTokenGmailCallsInvalidIsRenewedOnceAndTheCallsRepeated() throws Exception {
    fixture.seed().append("SENT", sent("b@example.com", daysAgo(1), "Offer 2"));
    try (GmailMailbox mailbox = fixture.mailbox()) {
      String before = GoogleTokens.read(fixture.account.tokenFile).accessToken();
      fixture.server.expireAccessTokens();

      FolderChanges changes = mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21));

      assertThat(changes.messages()).hasSize(2);
      assertThat(fixture.server.refreshes()).isEqualTo(1);
      assertThat(GoogleTokens.read(fixture.account.tokenFile).accessToken()).isNotEqualTo(before);
    }
  }

  @Test
  void aTokenRefusedEvenAfterRenewalIsAPermanentFailure() {
    fixture.server.rejectEveryToken();
    try (GmailMailbox mailbox = fixture.mailbox()) {
      ServerAccessException e = catchThrowableOfType(ServerAccessException.class,
          () -> mailbox.changes(MailFolder.SENT, SyncCursor.NONE, daysAgo(21)));

      assertThat(e.isTransient()).isFalse();
      assertThat(e.getMessage()).contains("401");
      assertThat(fixture.server.refreshes()).isEqualTo(1);
    }
  }
}
