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

/**
 * The engine on an in-memory mailbox and state, on a fake clock: Dana Weber in Berlin, who writes
 * from two addresses, and her prospect Alice. 8 December 2026 is a holiday.
 */
abstract class EngineFixture {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final String DANA = "dana@northwind.example";
  /** Dana's second address, of her own one-person company. */
  static final String DANA_SOLO = "dana@weber-solo.example";
  static final String ALICE = "alice@acme.example";

  final MutableClock clock = new MutableClock(at("2026-11-30T08:00"));
  final FakeMailbox mail = new FakeMailbox();
  final InMemoryStateStore store = new InMemoryStateStore();
  FollowUpRules rules = FollowUpRules.defaults();

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
  }

  EngineSettings settings() {
    Identity me = new Identity("Dana Weber", Set.of(DANA, DANA_SOLO), Set.of("northwind.example"), Set.of(), Set.of());
    BusinessCalendar calendar = new BusinessCalendar(ZONE, WorkingHours.DEFAULT,
        d -> d.equals(LocalDate.of(2026, 12, 8)));
    return new EngineSettings(me, new EmailAddress(DANA, "Dana Weber"), rules, calendar, "Dana", Map.of());
  }

  CycleReport runAt(String localDateTime) {
    clock.set(at(localDateTime));
    return cycle().run();
  }

  Cycle cycle() {
    EngineSettings s = settings();
    Templates templates = Templates.load(null, ZONE, clock, Locale.ENGLISH);
    return new Cycle(s, mail, mail, store, new FollowUpWriter(s, templates, new DraftComposer()),
        new DigestComposer(), clock);
  }

  MailMessage outreach(String id, String when, String to, String subject) {
    return mail.add(MailFolder.SENT, MailMessage.builder(id, at(when)).from(DANA).to(to).subject(subject),
        "Hi,\n\nhere is the proposal we talked about.\n\nBest,\nDana");
  }

  MailMessage inbound(String id, String when, String from, String subject, String inReplyTo, String text) {
    MailMessage.Builder b = MailMessage.builder(id, at(when)).from(from).to(DANA).subject(subject);
    if (inReplyTo != null) {
      b.inReplyTo(inReplyTo).references(inReplyTo);
    }
    return mail.add(MailFolder.INBOX, b, text);
  }

  Conversation only() {
    assertThat(store.conversations()).hasSize(1);
    return store.conversations().get(0);
  }

  /** The digests delivered so far, as text. */
  List<String> digests() {
    return mail.inboxDeliveries.stream().map(m -> {
      try {
        return m.getContent().toString();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
