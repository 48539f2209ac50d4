package io.secondcall.calendar.ical;

import io.secondcall.core.SafeText;
import io.secondcall.port.CallbackBlock;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * A callback block as iCalendar, for every adapter: the VEVENT the file adapter splices into a
 * calendar file, or a calendar object resource of its own for a CalDAV PUT. Times in UTC,
 * opaque, our id in {@value #ID_PROPERTY}; the UID follows from the block id alone, so a retry
 * after a crash addresses the same event.
 */
public final class BlockEvent {

  /** The private property that finds our blocks again after a restart. */
  public static final String ID_PROPERTY = "X-SECONDCALL-ID";

  private static final String HEAD = "BEGIN:VCALENDAR\r\nPRODID:-//secondcall//secondcall//EN\r\n"
      + "VERSION:2.0\r\nCALSCALE:GREGORIAN\r\n";
  private static final String END = "END:VCALENDAR\r\n";

  /** A calendar without events, as secondcall starts a calendar file. */
  public static final String EMPTY_CALENDAR = HEAD + END;

  private BlockEvent() {}

  /** The UID of a block: stable, so a calendar app that saw the block once sees the same event. */
  public static String uid(String blockId) {
    return blockId + "@secondcall";
  }

  /** The block as a calendar of its own: a CalDAV calendar object resource (RFC 4791 4.1). */
  public static String calendar(CallbackBlock block, Instant now) {
    return HEAD + vevent(block, now) + END;
  }

  /** Blocks as one calendar: the subscribable feed of the pipeline page. */
  public static String calendar(java.util.List<CallbackBlock> blocks, Instant now) {
    StringBuilder out = new StringBuilder(HEAD);
    blocks.forEach(b -> out.append(vevent(b, now)));
    return out.append(END).toString();
  }

  /** The block as the text of one VEVENT, folded, with CRLF line breaks. */
  public static String vevent(CallbackBlock block, Instant now) {
    VEvent event = new VEvent(false);
    event.add(new Uid(uid(block.id())));
    event.add(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
    event.add(new DtStart<>(block.time().start().truncatedTo(ChronoUnit.SECONDS)));
    event.add(new DtEnd<>(block.time().end().truncatedTo(ChronoUnit.SECONDS)));
    // ical4j escapes LF in TEXT values but writes a bare CR (or NEL) as it is: a CR in a
    // display name would end the property and start a forged one. SafeText leaves LF alone.
    event.add(new Summary(SafeText.calendarLine(block.title())));
    String description = SafeText.calendarText(block.description());
    if (!description.isBlank()) {
      event.add(new Description(description));
    }
    event.add(new XProperty(ID_PROPERTY, block.id()));
    event.add(new Transp(Transp.VALUE_OPAQUE));
    String digits = block.phone() == null ? "" : block.phone().replaceAll("[^+0-9]", "");
    if (digits.matches("\\+?[0-9]{3,}")) {
      // A tel: link the phone's calendar app can dial with one tap (RFC 3966).
      event.add(new Url(URI.create("tel:" + digits)));
    }
    StringWriter out = new StringWriter();
    try (FoldingWriter folding = new FoldingWriter(out)) {
      folding.write(event.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
