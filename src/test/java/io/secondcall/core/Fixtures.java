package io.secondcall.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Shared test data: Dana, a consultant in Berlin, writing to prospects. */
final class Fixtures {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static final Identity DANA = new Identity("Dana Berg", Set.of("dana@consult.example"),
      Set.of("consult.example"), Set.of("accounting@bigcorp.example"), Set.of("spam.example"));

  /** German public holidays around the turn of the year 2026/27. */
  static final Holidays GERMAN_HOLIDAYS = date -> Set.of(
      LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26), LocalDate.of(2027, 1, 1)).contains(date);

  private Fixtures() {}

  static Instant berlin(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  static MailMessage.Builder mail(String messageId, Instant date) {
    return MailMessage.builder(messageId, date);
  }

  static Conversation conversation(Instant lastTouch, int touches, int stepsDone) {
    return new Conversation("c1", List.of(EmailAddress.of("alice@acme.example")), "Proposal", "m1@consult.example",
        "t1", lastTouch, lastTouch, "m1@consult.example", List.of(), "Here is my offer", touches, stepsDone, 0,
        null, Conversation.Status.ACTIVE, null, null);
  }
}
