package io.secondcall.core;

import static io.secondcall.core.Fixtures.DANA;
import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.core.FollowUpRules.ReplyMatch;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReplyMatcherTest {

  private static final Instant LAST_TOUCH = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant LATER = LAST_TOUCH.plusSeconds(3600);
  private static final Set<String> IDS = Set.of("m1@consult.example", "m2@consult.example");

  private final Conversation conversation = Fixtures.conversation(LAST_TOUCH, 1, 0);

  private static MailMessage.Builder from(String sender, Instant at) {
    return MailMessage.builder("r@x.example", at).from(sender).to("dana@consult.example").subject("Re: Proposal");
  }

  private static ReplyMatcher matcher(ReplyMatch match) {
    return new ReplyMatcher(DANA, match);
  }

  @ParameterizedTest
  @EnumSource(ReplyMatch.class)
  void aMessageReferencingTheConversationIsAReplyInEveryMode(ReplyMatch match) {
    MailMessage m = from("someone@elsewhere.example", LATER).references("x@y", "m2@consult.example").build();
    assertThat(matcher(match).answers(m, conversation, IDS)).isTrue();
    MailMessage inReplyTo = from("someone@elsewhere.example", LATER).inReplyTo("m1@consult.example").build();
    assertThat(matcher(match).answers(inReplyTo, conversation, IDS)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(ReplyMatch.class)
  void theSameGmailThreadIsAReplyInEveryMode(ReplyMatch match) {
    MailMessage m = from("someone@elsewhere.example", LATER).threadId("t1").build();
    assertThat(matcher(match).answers(m, conversation, IDS)).isTrue();
    MailMessage other = from("someone@elsewhere.example", LATER).threadId("t2").build();
    assertThat(matcher(match).answers(other, conversation, IDS)).isFalse();
  }

  @Test
  void missingThreadIdsDoNotMatchEachOther() {
    Conversation noThread = new Conversation("c2", List.of(EmailAddress.of("alice@acme.example")), "Proposal", "m1@x",
        null, LAST_TOUCH, LAST_TOUCH, "m1@x", List.of(), "", 1, 0, 0, null, Conversation.Status.ACTIVE, null, null);
    assertThat(matcher(ReplyMatch.THREAD).answers(from("bob@other.example", LATER).build(), noThread, Set.of())).isFalse();
  }

  @Test
  void contactModeAcceptsTheContactInAnyThread() {
    MailMessage m = from("Alice@Acme.example", LATER).subject("Different topic").build();
    assertThat(matcher(ReplyMatch.THREAD).answers(m, conversation, IDS)).isFalse();
    assertThat(matcher(ReplyMatch.CONTACT).answers(m, conversation, IDS)).isTrue();
    assertThat(matcher(ReplyMatch.CONTACT).answers(from("alice+sales@acme.example", LATER).build(), conversation, IDS))
        .isTrue();
  }

  @Test
  void domainModeAcceptsAColleague() {
    MailMessage colleague = from("carol@acme.example", LATER).build();
    assertThat(matcher(ReplyMatch.CONTACT).answers(colleague, conversation, IDS)).isFalse();
    assertThat(matcher(ReplyMatch.DOMAIN).answers(colleague, conversation, IDS)).isTrue();
    assertThat(matcher(ReplyMatch.DOMAIN).answers(from("carol@sub.acme.example", LATER).build(), conversation, IDS))
        .isFalse();
  }

  @Test
  void domainModeOnAFreeMailDomainActsLikeContactMode() {
    Conversation gmail = new Conversation("c3", List.of(EmailAddress.of("alice.smith@gmail.com")), "Proposal", "m1@x",
        null, LAST_TOUCH, LAST_TOUCH, "m1@x", List.of(), "", 1, 0, 0, null, Conversation.Status.ACTIVE, null, null);
    ReplyMatcher domain = matcher(ReplyMatch.DOMAIN);
    assertThat(domain.answers(from("stranger@gmail.com", LATER).build(), gmail, Set.of())).isFalse();
    assertThat(domain.answers(from("alice.smith@gmail.com", LATER).build(), gmail, Set.of())).isTrue();
    assertThat(ReplyMatcher.isFreeMail("GMX.de")).isTrue();
    assertThat(ReplyMatcher.isFreeMail("acme.example")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(ReplyMatch.class)
  void aMessageNotAfterTheLastTouchIsNoReply(ReplyMatch match) {
    assertThat(matcher(match).answers(from("alice@acme.example", LAST_TOUCH.minusSeconds(60)).inReplyTo("m1@consult.example")
        .build(), conversation, IDS)).isFalse();
    assertThat(matcher(match).answers(from("alice@acme.example", LAST_TOUCH).inReplyTo("m1@consult.example")
        .build(), conversation, IDS)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(ReplyMatch.class)
  void theUsersOwnMessageIsNeverAReply(ReplyMatch match) {
    MailMessage own = from("dana@consult.example", LATER).inReplyTo("m1@consult.example").threadId("t1").build();
    assertThat(matcher(match).answers(own, conversation, IDS)).isFalse();
  }

  @Test
  void aMessageWithoutSenderIsNoReply() {
    MailMessage m = MailMessage.builder("r@x", LATER).inReplyTo("m1@consult.example").build();
    assertThat(matcher(ReplyMatch.CONTACT).answers(m, conversation, IDS)).isFalse();
  }
}
