package io.secondcall.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CallbackBlock;
import io.secondcall.core.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockIcsTest {

  @Test
  void theResourceNameAndUidFollowFromTheBlockId() {
    assertThat(BlockIcs.uid("c0123456789abcdef.2.call")).isEqualTo("c0123456789abcdef.2.call@secondcall");
    assertThat(BlockIcs.fileName("c0123456789abcdef.2.call")).isEqualTo("c0123456789abcdef.2.call@secondcall.ics");
  }

  @Test
  void oddIdsGiveSafeAndDistinctNames() {
    List<String> names = List.of("a/b", "a_2fb", "../x", "ä b", "a?b#c").stream().map(BlockIcs::fileName).toList();

    assertThat(names).doesNotHaveDuplicates();
    assertThat(names).allMatch(n -> n.matches("[A-Za-z0-9._@-]+") && !n.startsWith("."));
    assertThat(BlockIcs.fileName("a/b")).isEqualTo("a_2fb@secondcall.ics");
  }

  @Test
  void aRenderedBlockReadsBackWithItsIdTextAndTime() {
    TimeRange time = new TimeRange(Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T09:15:00Z"));
    CallbackBlock block = new CallbackBlock("c01.1.call", time, "Call Alice Martin: Proposal, v2; final",
        "Phone: +49 89 1234567\nLast touch: Mon 30 Nov, by mail; no answer", "+49891234567");

    String ics = BlockIcs.render(block, Instant.parse("2026-12-01T00:00:00Z"));
    List<CalendarEvent> read = new EventExpander(ZoneId.of("Europe/Berlin"))
        .events(ics, new TimeRange(time.start().minusSeconds(3600), time.end().plusSeconds(3600)));

    assertThat(ics).contains("UID:c01.1.call@secondcall", "X-SECONDCALL-ID:c01.1.call", "DTSTART:20261207T090000Z");
    assertThat(read).hasSize(1);
    CalendarEvent e = read.get(0);
    assertThat(e.secondcallId()).isEqualTo("c01.1.call");
    assertThat(e.title()).isEqualTo(block.title());
    assertThat(e.description()).isEqualTo(block.description());
    assertThat(e.time()).isEqualTo(time);
    assertThat(e.isBusy()).isTrue();
  }
}
