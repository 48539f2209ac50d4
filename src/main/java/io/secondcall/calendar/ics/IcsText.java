package io.secondcall.calendar.ics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The text of an iCalendar file as content lines and VEVENT spans, with character offsets into
 * the text. Writes splice our blocks in and out at these offsets, so that every other byte of
 * the file stays as it was; the parser's fallback uses the spans to read events one by one.
 */
final class IcsText {

  /** One unfolded content line and where its physical lines are in the text. */
  record ContentLine(String text, int from, int to, int number) {

    /** The property name, upper case: the text before the first ';' or ':'. */
    String name() {
      int end = 0;
      while (end < text.length() && text.charAt(end) != ';' && text.charAt(end) != ':') {
        end++;
      }
      return text.substring(0, end).strip().toUpperCase(Locale.ROOT);
    }

    /** The raw value: the text after the first ':' that is not inside a quoted parameter. */
    String value() {
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (c == ':' && !quoted) {
          return text.substring(i + 1).strip();
        }
      }
      return "";
    }

    boolean is(String line) {
      return text.strip().equalsIgnoreCase(line);
    }
  }

  /** A BEGIN:VEVENT ... END:VEVENT span; unterminated when the file cuts it off. */
  record Event(List<ContentLine> lines, boolean terminated) {

    int from() {
      return lines.get(0).from();
    }

    int to() {
      return lines.get(lines.size() - 1).to();
    }

    int lineNumber() {
      return lines.get(0).number();
    }

    Optional<String> property(String name) {
      return lines.stream().filter(l -> l.name().equals(name)).map(ContentLine::value).findFirst();
    }
  }

  private final String text;
  private final List<ContentLine> lines;
  private final List<Event> events = new ArrayList<>();
  private final List<ContentLine> frame = new ArrayList<>();

  IcsText(String text) {
    this.text = text;
    this.lines = unfold(text);
    split();
  }

  String text() {
    return text;
  }

  List<Event> events() {
    return events;
  }

  /** The lines outside every VEVENT: the calendar's own properties and its VTIMEZONEs. */
  List<ContentLine> frame() {
    return frame;
  }

  /** The first content line, if any: a calendar file starts with BEGIN:VCALENDAR. */
  Optional<ContentLine> firstLine() {
    return lines.stream().filter(l -> !l.text().isBlank()).findFirst();
  }

  /** Where a new VEVENT goes: at the start of the last END:VCALENDAR line. */
  Optional<Integer> insertionPoint() {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).is("END:VCALENDAR")) {
        return Optional.of(lines.get(i).from());
      }
    }
    return Optional.empty();
  }

  /** The line break the file uses, CRLF (RFC 5545) unless it only has bare LFs. */
  String lineBreak() {
    int lf = text.indexOf('\n');
    return lf > 0 && text.charAt(lf - 1) != '\r' ? "\n" : "\r\n";
  }

  private void split() {
    List<ContentLine> current = null;
    for (ContentLine line : lines) {
      if (current == null) {
        if (line.is("BEGIN:VEVENT")) {
          current = new ArrayList<>(List.of(line));
        } else {
          frame.add(line);
        }
      } else if (line.is("END:VEVENT")) {
        current.add(line);
        events.add(new Event(List.copyOf(current), true));
        current = null;
      } else if (line.is("BEGIN:VEVENT")) {
        events.add(new Event(List.copyOf(current), false));
        current = new ArrayList<>(List.of(line));
      } else if (line.is("END:VCALENDAR")) {
        events.add(new Event(List.copyOf(current), false));
        current = null;
        frame.add(line);
      } else {
        current.add(line);
      }
    }
    if (current != null) {
      events.add(new Event(List.copyOf(current), false));
    }
  }

  /** RFC 5545 3.1: a line starting with a space or a tab continues the one before. */
  private static List<ContentLine> unfold(String text) {
    List<ContentLine> result = new ArrayList<>();
    StringBuilder logical = null;
    int from = 0;
    int number = 0;
    int lineNo = 0;
    int pos = 0;
    while (pos < text.length()) {
      int lf = text.indexOf('\n', pos);
      int next = lf < 0 ? text.length() : lf + 1;
      int end = lf < 0 ? text.length() : (lf > pos && text.charAt(lf - 1) == '\r' ? lf - 1 : lf);
      String physical = text.substring(pos, end);
      lineNo++;
      boolean continuation = logical != null && !physical.isEmpty()
          && (physical.charAt(0) == ' ' || physical.charAt(0) == '\t');
      if (continuation) {
        logical.append(physical, 1, physical.length());
      } else {
        if (logical != null) {
          result.add(new ContentLine(logical.toString(), from, pos, number));
        }
        logical = new StringBuilder(physical);
        from = pos;
        number = lineNo;
      }
      pos = next;
    }
    if (logical != null) {
      result.add(new ContentLine(logical.toString(), from, text.length(), number));
    }
    return result;
  }
}
