package io.secondcall.calendar.caldav;

import io.secondcall.core.SafeText;
import io.secondcall.port.CallbackBlock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A callback block as a calendar object resource. Its UID and file name follow from the block
 * id alone, so a retry after a crash addresses the same resource and {@code If-None-Match: *}
 * turns a second creation into a harmless 412.
 */
final class BlockIcs {

  static final String SECONDCALL_ID = "X-SECONDCALL-ID";
  private static final String SUFFIX = "@secondcall";
  private static final String SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-";

  private BlockIcs() {}

  /** The block's UID: {@code <block id>@secondcall}. */
  static String uid(String blockId) {
    return blockId + SUFFIX;
  }

  /**
   * The resource name in the collection. Characters outside {@code [A-Za-z0-9.-]} become
   * {@code _xx} (UTF-8 bytes in hex), and so does a leading dot, which would hide the file on a
   * server that stores resources as files: distinct ids keep distinct names, safe in a URL path
   * and in the server's file system.
   */
  static String fileName(String blockId) {
    StringBuilder name = new StringBuilder();
    for (byte b : blockId.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (b >= 0 && SAFE.indexOf(c) >= 0 && !(c == '.' && name.length() == 0)) {
        name.append(c);
      } else {
        name.append('_').append(String.format("%02x", b & 0xff));
      }
    }
    return name + SUFFIX + ".ics";
  }

  /** The block as iCalendar text: times in UTC, opaque, our id in {@value #SECONDCALL_ID}. */
  static String render(CallbackBlock block, Instant now) {
    PropertyList props = new PropertyList()
        .add(new Uid(uid(block.id())))
        .add(new DtStamp(now))
        .add(new DtStart<>(block.time().start()))
        .add(new DtEnd<>(block.time().end()))
        // ical4j escapes LF in TEXT values but not a bare CR: SafeText leaves LF the only break.
        .add(new Summary(SafeText.calendarLine(block.title())))
        .add(new Description(SafeText.calendarText(block.description())))
        .add(new Transp(Transp.VALUE_OPAQUE))
        .add(new XProperty(SECONDCALL_ID, block.id()));
    VEvent event = new VEvent(props);
    Calendar calendar = new Calendar()
        .add(new ProdId("-//secondcall//secondcall//EN"))
        .add(ImmutableVersion.VERSION_2_0);
    calendar.add(event);
    return calendar.toString();
  }
}
