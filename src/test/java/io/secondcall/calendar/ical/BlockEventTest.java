package io.secondcall.calendar.ical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CallbackBlock;
import io.secondcall.core.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockEventTest {

  @Test
  void theUidFollowsFromTheBlockId() {
    assertThat(BlockEvent.uid("c0123456789abcdef.2.call")).isEqualTo("c0123456789abcdef.2.call@secondcall");
  }

  @Test
  void aRenderedBlockReadsBackWithItsIdTextAndTime() {
    TimeRange time = new TimeRange(Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T09:15:00Z"));
    CallbackBlock block = new CallbackBlock("c01.1.call", time, "Call Alice Martin: Proposal, v2; final",
        "Phone: +49 89 1234567\nLast touch: Mon 30 Nov, by mail; no answer", "+49891234567");

    String ics = BlockEvent.calendar(block, Instant.parse("2026-12-01T00:00:00Z"));
    List<CalendarEvent> read = new IcalReader(ZoneId.of("Europe/Berlin")).read(ics, "test")
        .events(new TimeRange(time.start().minusSeconds(3600), time.end().plusSeconds(3600)));

    assertThat(ics).contains("UID:c01.1.call@secondcall", "X-SECONDCALL-ID:c01.1.call", "DTSTART:20261207T090000Z");
    assertThat(read).hasSize(1);
    CalendarEvent e = read.get(0);
    assertThat(e.secondcallId()).isEqualTo("c01.1.call");
    assertThat(e.title()).isEqualTo(block.title());
    assertThat(e.description()).isEqualTo(block.description());
    assertThat(e.time()).isEqualTo(time);
    assertThat(e.isBusy()).isTrue();
  }

  @Test
  void aBlockOfItsOwnIsACalendarObjectResourceWithFoldedLines() {
    TimeRange time = new TimeRange(Instant.parse("2026-12-07T09:00:00.250Z"), Instant.parse("2026-12-07T09:15:00Z"));
    CallbackBlock block = new CallbackBlock("c0123456789abcdef.1.call", time,
        "Call Alice Martin: Proposal for the rollout of the new pricing in all regions", "", "+49 89 1234567");

    String ics = BlockEvent.calendar(block, Instant.parse("2026-12-01T08:00:00.999Z"));

    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nPRODID:-//secondcall//secondcall//EN\r\nVERSION:2.0\r\n")
        .endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")
        .contains("\r\nDTSTAMP:20261201T080000Z\r\nDTSTART:20261207T090000Z\r\n")
        .contains("\r\nSUMMARY:Call Alice Martin: Proposal for the rollout of the new pricing in\r\n  all regions\r\n")
        .contains("\r\nURL:tel:+49891234567\r\n")
        .doesNotContain("DESCRIPTION");
    assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(UTF_8)).hasSizeLessThanOrEqualTo(75));
  }
}
