package io.secondcall.corpus;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;

/**
 * The ICS file after the scans: it parses with ical4j; every content line is a well-formed
 * property without control or bidi characters; the owner's own events are still there; every
 * other VEVENT is a callback block of secondcall's, carrying its {@code X-SECONDCALL-ID} and only
 * the properties secondcall writes, so no name or subject from mail added a property or an event;
 * no property value holds a control or bidi character (an escaped LF in SUMMARY still splits the
 * title in a calendar app, an ESC still reaches a terminal calendar).
 */
final class CalendarRules {

  /** What {@code BlockEvent} writes, plus what a calendar app may add to an event it touched. */
  static final Set<String> BLOCK_PROPERTIES = Set.of("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION",
      "X-SECONDCALL-ID", "TRANSP", "URL", "SEQUENCE", "STATUS", "CREATED", "LAST-MODIFIED");
  static final String ID = "X-SECONDCALL-ID";
  private static final Pattern CONTENT_LINE = Pattern.compile("[A-Za-z0-9-]+(?:;[^:]*)?:.*");

  final Violations problems = new Violations(
      "the calendar parses; every VEVENT secondcall wrote carries its X-SECONDCALL-ID, only its own properties,"
          + " and no control or bidi character from mail",
      "problem(s)");
  private final List<String> blocks = new ArrayList<>();

  CalendarRules(Path ics, List<String> ownUids) throws IOException {
    String text = Files.readString(ics, StandardCharsets.UTF_8);
    lines(text);
    Calendar calendar;
    try {
      calendar = new CalendarBuilder().build(new StringReader(text));
    } catch (ParserException e) {
      problems.add(ics + " does not parse: " + e.getMessage());
      return;
    }
    List<String> seen = new ArrayList<>();
    for (Component c : calendar.getComponents()) {
      if (!c.getName().equals(Component.VEVENT)) {
        continue;
      }
      String uid = value(c, "UID");
      seen.add(uid);
      if (ownUids.contains(uid)) {
        continue;
      }
      String id = value(c, ID);
      String summary = value(c, "SUMMARY");
      if (id.isBlank()) {
        problems.add("VEVENT " + uid + " \"" + summary + "\" has no " + ID);
      } else {
        blocks.add(summary);
      }
      for (Property p : c.getProperties()) {
        if (!BLOCK_PROPERTIES.contains(p.getName().toUpperCase(java.util.Locale.ROOT))) {
          problems.add("VEVENT " + uid + " \"" + summary + "\" has a property secondcall does not write: "
              + p.getName() + ":" + p.getValue());
        }
        String v = p.getName().equalsIgnoreCase("DESCRIPTION") ? p.getValue().replace("\n", " ") : p.getValue();
        Printable.unsafe(v).ifPresent(u -> problems.add("VEVENT " + uid + " " + p.getName() + " holds " + u));
      }
    }
    for (String own : ownUids) {
      if (!seen.contains(own)) {
        problems.add("the owner's own event " + own + " is gone");
      }
    }
  }

  /** Summaries of the callback blocks found, for the summary of the run. */
  List<String> blocks() {
    return blocks;
  }

  /**
   * Every unfolded content line is NAME[;PARAMS]:VALUE: a CR or LF that reached the file raw
   * would have started a line of its own. (Unprintable values are reported per property below.)
   */
  private void lines(String text) {
    String unfolded = text.replaceAll("\r?\n[ \t]", "");
    for (String line : unfolded.split("\r?\n")) {
      if (line.isEmpty()) {
        continue;
      }
      if (!CONTENT_LINE.matcher(line).matches()) {
        problems.add("not an iCalendar content line: \"" + Printable.of(line) + "\"");
      }
    }
  }

  private static String value(Component c, String name) {
    return c.getProperty(name).map(Property::getValue).orElse("");
  }
}
