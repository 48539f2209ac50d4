package io.secondcall.calendar.ics;

import io.secondcall.calendar.ical.IcalReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the VEVENTs of a calendar file with ical4j. A file that ical4j rejects as a whole is read
 * again event by event, so that one broken VEVENT costs only itself (logged and skipped); a file
 * that is not iCalendar at all, or whose calendar frame is broken, is an {@link IcsFileException}.
 */
final class IcsParser {

  private static final Logger LOG = LoggerFactory.getLogger(IcsParser.class);

  private static final String END = "END:VCALENDAR\r\n";

  private final Path file;

  IcsParser(Path file) {
    this.file = file;
  }

  /** The VEVENTs in {@code content}; an empty or blank file is an empty calendar. */
  List<VEvent> parse(String content) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    IcsText ics = new IcsText(text);
    IcsText.ContentLine first = ics.firstLine().orElse(null);
    if (first == null) {
      return List.of();
    }
    if (!first.is("BEGIN:VCALENDAR")) {
      throw new IcsFileException(file, "not an iCalendar file (line " + first.number() + " is '"
          + IcalReader.oneLine(first.text()) + "', expected BEGIN:VCALENDAR)", null);
    }
    try {
      return events(IcalReader.parse(text));
    } catch (ParserException | IOException | RuntimeException whole) {
      return parseEventByEvent(ics, whole);
    }
  }

  private List<VEvent> parseEventByEvent(IcsText ics, Exception whole) {
    String head = frameHead(ics);
    try {
      IcalReader.parse(head + END);
    } catch (ParserException | IOException | RuntimeException e) {
      throw new IcsFileException(file, "cannot be parsed: " + IcalReader.describe(whole), whole);
    }
    List<VEvent> result = new ArrayList<>();
    for (IcsText.Event event : ics.events()) {
      String uid = event.property("UID").orElse("without UID");
      if (!event.terminated()) {
        LOG.warn("{}: skipping VEVENT {} at line {}: no END:VEVENT", file, uid, event.lineNumber());
        continue;
      }
      try {
        result.addAll(events(IcalReader.parse(head + ics.text().substring(event.from(), event.to()) + END)));
      } catch (ParserException | IOException | RuntimeException e) {
        // ical4j's line numbers count in the one-event text, not in the file: leave them out.
        String problem = IcalReader.describe(e).replaceFirst("^Error at line \\d+:\\s*", "");
        LOG.warn("{}: skipping VEVENT {} at line {}: {}", file, uid, event.lineNumber(), problem);
      }
    }
    return result;
  }

  /**
   * The calendar's text outside the VEVENTs (its properties and VTIMEZONEs) without the closing
   * END:VCALENDAR, so that one event can be put after it; a file cut off short gets one added.
   */
  private static String frameHead(IcsText ics) {
    List<IcsText.ContentLine> lines = new ArrayList<>(ics.frame());
    lines.removeIf(l -> l.text().isBlank());
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).is("END:VCALENDAR")) {
        lines.remove(i);
        break;
      }
    }
    StringBuilder head = new StringBuilder();
    for (IcsText.ContentLine line : lines) {
      String physical = ics.text().substring(line.from(), line.to());
      head.append(physical.endsWith("\n") ? physical : physical + "\r\n");
    }
    return head.toString();
  }

  private static List<VEvent> events(Calendar calendar) {
    return calendar.getComponents(Component.VEVENT);
  }
}
