package io.secondcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.config.Secret;
import io.secondcall.config.WebSettings;
import io.secondcall.core.BusinessCalendar;
import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.core.FollowUpRules;
import io.secondcall.core.Identity;
import io.secondcall.core.TimeRange;
import io.secondcall.core.WorkingHours;
import io.secondcall.engine.BookedBlocks;
import io.secondcall.engine.EngineSettings;
import io.secondcall.engine.PipelineView;
import io.secondcall.port.CallbackRecord;
import io.secondcall.store.InMemoryStateStore;
import io.secondcall.template.Templates;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The calendar feed: a secret address kept in the state, serving the booked blocks. */
class FeedTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  final InMemoryStateStore store = new InMemoryStateStore();
  final Clock clock = Clock.fixed(NOW, ZONE);
  final EngineSettings settings = new EngineSettings(
      new Identity("Dana Weber", Set.of("dana@northwind.example"), Set.of(), Set.of(), Set.of()),
      new EmailAddress("dana@northwind.example", "Dana Weber"), FollowUpRules.defaults(),
      new BusinessCalendar(ZONE, WorkingHours.DEFAULT, d -> false), "Dana", Map.of());
  final BookedBlocks blocks = new BookedBlocks(store, settings, Templates.load(null, ZONE, clock, Locale.ENGLISH));

  FeedTest() {
    store.save(new Conversation("c1", List.of(new EmailAddress("alice@acme.example", "Alice Martin\r\nX: y")),
        "Proposal", "<m1@northwind.example>", null, NOW.minusSeconds(86_400), NOW.minusSeconds(86_400),
        "<m1@northwind.example>", List.of(), "Hi", 1, 0, 0, null, Conversation.Status.ACTIVE, null, null));
    Instant start = Instant.parse("2026-12-03T13:00:00Z");
    store.saveCallback(new CallbackRecord("c1.promise", "c1", null, new TimeRange(start, start.plusSeconds(900)),
        "+4930901820", CallbackRecord.State.BOOKED, NOW));
    Instant gone = Instant.parse("2026-12-04T13:00:00Z");
    store.saveCallback(new CallbackRecord("c1.gone", "c1", null, new TimeRange(gone, gone.plusSeconds(900)),
        null, CallbackRecord.State.CANCELLED, NOW));
  }

  @Test
  void theTokenIsRandomAndKeptInTheState() {
    Feed first = Feed.open(blocks, store, new SecureRandom());
    Feed again = Feed.open(blocks, store, new SecureRandom());

    assertThat(first.path()).matches("/feed/[A-Za-z0-9_-]{43}\\.ics").isEqualTo(again.path());
    assertThat(store.meta(Feed.TOKEN_KEY)).isPresent();
    assertThat(first.matches(first.path())).isTrue();
    assertThat(first.matches("/feed/guess.ics")).isFalse();
  }

  @Test
  void theFeedHoldsTheBookedBlocksAsTheCalendarFileDoes() {
    String ics = Feed.open(blocks, store, new SecureRandom()).calendar(NOW);

    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
        .contains("UID:c1.promise@secondcall").contains("DTSTART:20261203T130000Z")
        .contains("SUMMARY:Call Alice Martin X: y: Proposal").contains("URL:tel:+4930901820")
        .doesNotContain("c1.gone");
    assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(2);
  }

  @Test
  void thePageShowsTheFeedAndServesItWithoutThePasswordButNotWithoutTheToken() {
    Feed feed = Feed.open(blocks, store, new SecureRandom());
    Site site = new Site(new Gate(new WebSettings("127.0.0.1", 8377, Secret.of("test", "pw")), new SecureRandom(), clock),
        store, store, new PipelineView(store, settings, clock), ZONE, clock, false, feed);
    Map<String, String> local = Map.of("Host", "127.0.0.1:8377");

    assertThat(site.handle(SiteTest.get(feed.path(), local)).contentType()).startsWith("text/calendar");
    assertThat(site.handle(SiteTest.get("/feed/guess.ics", local)).status()).isEqualTo(404);
    assertThat(site.handle(SiteTest.get("/", local)).status()).isEqualTo(401);
  }
}
