package io.secondcall.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Identity;
import io.secondcall.core.MailMessage;
import io.secondcall.core.WorkingHours;
import io.secondcall.port.MailFolder;
import io.secondcall.store.InMemoryStateStore;
import io.secondcall.template.DigestComposer;
import io.secondcall.template.DraftComposer;
import io.secondcall.template.Templates;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SPEC section 10 for the digest: a crash just before or just after its APPEND to the inbox
 * never loses an entry and never delivers one twice. The entries are marked delivered and the
 * digest id is recorded ({@code digest.inflight}) before the APPEND; the next cycle looks in the
 * inbox to decide whether that digest has to go out again.
 */
class DigestCrashTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final String DANA = "dana@northwind.example";
  static final String ALICE = "alice@acme.example";
  static final String BOB = "bob@globex.example";

  final MutableClock clock = new MutableClock(at("2026-11-30T08:00"));
  final FakeMailbox mail = new FakeMailbox();
  final CrashingSink sink = new CrashingSink(mail);
  final InMemoryStateStore store = new InMemoryStateStore();

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant();
  }

  CycleReport runAt(String local) {
    clock.set(at(local));
    Identity me = new Identity("Dana Weber", Set.of(DANA), Set.of("northwind.example"), Set.of(), Set.of());
    EngineSettings s = new EngineSettings(me, new EmailAddress(DANA, "Dana Weber"), FollowUpRules.defaults(),
        new BusinessCalendar(ZONE, WorkingHours.DEFAULT, d -> false), "Dana", Map.of());
    Templates templates = Templates.load(null, ZONE, clock, Locale.ENGLISH);
    return new Cycle(s, mail, sink, store, new FollowUpWriter(s, templates, new DraftComposer()),
        new DigestComposer(), clock).run();
  }

  void outreach(String id, String when, String to) {
    mail.add(MailFolder.SENT, MailMessage.builder(id, at(when)).from(DANA).to(to).subject("Proposal"),
        "Hi,\n\nhere is the proposal.\n\nBest,\nDana");
  }

  /** Outreach to Alice, due Thursday; the cycle that drafts it crashes at the digest. */
  String crashAtTheDigest(boolean afterAppend) {
    outreach("p1@northwind.example", "2026-11-30T10:00", ALICE);
    sink.crashBeforeNextDelivery = !afterAppend;
    sink.crashAfterNextDelivery = afterAppend;
    assertThatThrownBy(() -> runAt("2026-12-03T09:30")).isInstanceOf(SimulatedCrash.class);

    assertThat(mail.drafts).as("premise: the draft was written before the digest").hasSize(1);
    assertThat(store.pendingDigestEntries()).as("premise: the entries are marked delivered").isEmpty();
    assertThat(store.meta(Digests.INFLIGHT)).as("premise: the digest is recorded as in flight").isPresent();
    assertThat(mail.inboxDeliveries).as("premise: the APPEND did or did not land").hasSize(afterAppend ? 1 : 0);
    return store.meta(Digests.INFLIGHT).orElseThrow();
  }

  @Test
  void aCrashJustBeforeTheAppendIsMadeGoodByTheNextCycleOnce() {
    String inflight = crashAtTheDigest(false);

    runAt("2026-12-03T09:35");
    runAt("2026-12-03T09:40");

    assertThat(mail.inboxDeliveries).extracting(DigestCrashTest::id).containsExactly(inflight);
    assertThat(entries(ALICE)).as("Alice's entry, in all digests").hasSize(1);
    assertThat(store.meta(Digests.INFLIGHT)).isEmpty();
  }

  @Test
  void aCrashJustAfterTheAppendIsNotDeliveredAgain() {
    String inflight = crashAtTheDigest(true);

    runAt("2026-12-03T09:35");
    runAt("2026-12-03T09:40");

    assertThat(mail.inboxDeliveries).extracting(DigestCrashTest::id).containsExactly(inflight);
    assertThat(entries(ALICE)).hasSize(1);
    assertThat(store.meta(Digests.INFLIGHT)).isEmpty();
  }

  @Test
  void newEntriesAfterACrashBeforeTheAppendGoInADigestOfTheirOwnAndNothingIsRepeated() {
    String inflight = crashAtTheDigest(false);
    // Sent on Monday too, but found only now: due at once, so the next cycle has news of its own.
    outreach("p2@northwind.example", "2026-11-30T10:05", BOB);

    runAt("2026-12-03T09:35");

    assertThat(mail.inboxDeliveries).hasSize(2);
    assertThat(id(mail.inboxDeliveries.get(0))).isEqualTo(inflight);
    assertThat(entries(ALICE)).hasSize(1);
    assertThat(entries(BOB)).hasSize(1);
    assertThat(lines(mail.inboxDeliveries.get(0))).as("the recovered digest is the one that was lost")
        .anyMatch(l -> l.contains(ALICE)).noneMatch(l -> l.contains(BOB));
  }

  @Test
  void newEntriesAfterACrashAfterTheAppendGoInANewDigestAndNothingIsRepeated() {
    String inflight = crashAtTheDigest(true);
    outreach("p2@northwind.example", "2026-11-30T10:05", BOB);

    runAt("2026-12-03T09:35");

    assertThat(mail.inboxDeliveries).hasSize(2);
    assertThat(id(mail.inboxDeliveries.get(1))).isNotEqualTo(inflight);
    assertThat(entries(ALICE)).hasSize(1);
    assertThat(entries(BOB)).hasSize(1);
  }

  /** The digest lines about {@code contact} in every digest delivered so far. */
  List<String> entries(String contact) {
    return mail.inboxDeliveries.stream().flatMap(m -> lines(m).stream())
        .filter(l -> l.startsWith("  - ") && l.contains(contact))
        .toList();
  }

  static List<String> lines(MimeMessage digest) {
    try {
      return digest.getContent().toString().lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String id(MimeMessage digest) {
    return FakeMailbox.header(digest, "X-Secondcall-Id");
  }
}
