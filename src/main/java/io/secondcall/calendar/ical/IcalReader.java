package io.secondcall.calendar.ical;

import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.CompatibilityHints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads iCalendar (RFC 5545) text with ical4j into {@link EventSet}s: the one way every calendar
 * adapter reads events, whether from a local file or from the resources of a CalDAV collection.
 * All-day dates, floating times and TZIDs nobody defines are read in the user's zone.
 */
public final class IcalReader {

  private static final Logger LOG = LoggerFactory.getLogger(IcalReader.class);

  static {
    // Exports from Google, Apple and Outlook bend RFC 5545 (bare LF, lower-case names, odd
    // TZIDs); ical4j keeps these hints globally, so they are set here for every adapter. Relaxed
    // validation also turns a TZID ical4j cannot find into a floating time instead of an error.
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
  }

  private final IcalTimes times;
  private final EventMapper mapper;

  /** A reader for a user whose calendar app shows days and floating times in {@code userZone}. */
  public IcalReader(ZoneId userZone) {
    this.times = new IcalTimes(Objects.requireNonNull(userZone, "userZone"));
    this.mapper = new EventMapper(times);
  }

  /** The calendar in {@code text} as ical4j builds it; the caller decides what a failure costs. */
  public static Calendar parse(String text) throws IOException, ParserException {
    return new CalendarBuilder().build(new StringReader(text));
  }

  /**
   * The events of one calendar object, e.g. a CalDAV resource.
   *
   * @param source names the object in log lines, e.g. the server and the resource's path
   * @throws IllegalArgumentException when {@code text} is not a readable iCalendar object
   */
  public EventSet read(String text, String source) {
    Calendar calendar;
    try {
      calendar = parse(text);
    } catch (ParserException | IOException | RuntimeException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
    return read(calendar.<VEvent>getComponents(Component.VEVENT), source);
  }

  /**
   * The usable ones of {@code events}; one that is not (no DTSTART, a date that cannot be read)
   * is logged, naming {@code source}, and skipped: it costs only itself.
   */
  public EventSet read(List<VEvent> events, String source) {
    List<EventSeries> series = new ArrayList<>(events.size());
    for (VEvent event : events) {
      try {
        series.add(mapper.map(event));
      } catch (RuntimeException e) {
        String uid = event.getUid().map(Property::getValue).orElse("without UID");
        LOG.warn("{}: skipping VEVENT {}: {}", source, uid, describe(e));
      }
    }
    return new EventSet(series, times, source);
  }

  /** An exception as one short line for a log or an error message. */
  public static String describe(Exception e) {
    return oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  /** {@code text} on one line of at most 100 characters. */
  public static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= 100 ? line : line.substring(0, 97) + "...";
  }
}
