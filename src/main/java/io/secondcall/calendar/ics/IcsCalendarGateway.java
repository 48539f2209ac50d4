package io.secondcall.calendar.ics;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.secondcall.calendar.ical.BlockEvent;
import io.secondcall.calendar.ical.EventSet;
import io.secondcall.calendar.ical.IcalReader;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackBlock;
import io.secondcall.core.TimeRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.fortuna.ical4j.model.component.VEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's calendar as a local iCalendar (RFC 5545) file, e.g. one a sync client keeps in step
 * with a calendar server, or one a calendar app subscribes to.
 *
 * <p>Reads parse the file again only when its modification time, size or inode changed. Events
 * are read and expanded by {@link IcalReader}, as the CalDAV adapter's are (RRULE, RDATE, EXDATE,
 * RECURRENCE-ID overrides, in their own time zone; floating times in the user's zone). A broken VEVENT is logged and skipped; a file that is not
 * iCalendar throws {@link IcsFileException}. A missing file is an empty calendar.
 *
 * <p>Writes splice our block's VEVENT into the text (or cut it out) and replace the file
 * atomically; every other byte of the file stays as it was. The daemon is the only writer we
 * expect; writers in this JVM are serialised per file.
 */
public final class IcsCalendarGateway implements CalendarGateway {

  private static final Logger LOG = LoggerFactory.getLogger(IcsCalendarGateway.class);
  private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private final Clock clock;
  private final Object lock;
  private final IcsParser parser;
  private final IcalReader reader;
  private FileStamp stamp;
  private EventSet snapshot = EventSet.empty();

  /** A calendar in {@code file}; floating times and all-day events are in {@code userZone}. */
  public IcsCalendarGateway(Path file, ZoneId userZone) {
    this(file, userZone, Clock.systemUTC());
  }

  /** As above, with the clock that stamps new blocks (DTSTAMP). */
  public IcsCalendarGateway(Path file, ZoneId userZone, Clock clock) {
    this.file = Objects.requireNonNull(file, "file");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(userZone, "userZone");
    this.lock = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Object());
    this.parser = new IcsParser(file);
    this.reader = new IcalReader(userZone);
  }

  @Override
  public List<CalendarEvent> events(TimeRange range) {
    synchronized (lock) {
      return snapshot().events(range);
    }
  }

  @Override
  public boolean createBlock(CallbackBlock block) {
    synchronized (lock) {
      snapshot(); // refuses a file that is not iCalendar before touching it
      IcsText ics = new IcsText(readRaw().filter(t -> !t.isBlank()).orElse(BlockEvent.EMPTY_CALENDAR));
      if (!blocks(ics, block.id()).isEmpty()) {
        return false;
      }
      int at = ics.insertionPoint()
          .orElseThrow(() -> new IcsFileException(file, "has no END:VCALENDAR line; not writing to it", null));
      String event = BlockEvent.vevent(block, clock.instant()).replace("\r\n", ics.lineBreak());
      // Raw text is bytes as ISO-8859-1 chars, so the event goes in as its UTF-8 bytes.
      String raw = new String(event.getBytes(UTF_8), ISO_8859_1);
      write(ics.text().substring(0, at) + raw + ics.text().substring(at));
      LOG.info("{}: booked callback block {} at {}", file, block.id(), block.time().start());
      return true;
    }
  }

  @Override
  public void deleteBlock(String blockId) {
    synchronized (lock) {
      snapshot();
      Optional<String> text = readRaw();
      if (text.isEmpty()) {
        return;
      }
      IcsText ics = new IcsText(text.get());
      List<IcsText.Event> ours = blocks(ics, blockId);
      if (ours.isEmpty()) {
        return;
      }
      StringBuilder edited = new StringBuilder(ics.text());
      for (int i = ours.size() - 1; i >= 0; i--) {
        edited.delete(ours.get(i).from(), ours.get(i).to());
      }
      write(edited.toString());
      LOG.info("{}: removed callback block {}", file, blockId);
    }
  }

  private static List<IcsText.Event> blocks(IcsText ics, String blockId) {
    return ics.events().stream()
        .filter(e -> e.property(BlockEvent.ID_PROPERTY).filter(blockId::equals).isPresent())
        .toList();
  }

  /** The parsed file, parsed again only when it changed. */
  private EventSet snapshot() {
    try {
      Optional<FileStamp> now = FileStamp.of(file);
      if (now.isEmpty()) {
        stamp = null;
        snapshot = EventSet.empty();
      } else if (!now.get().equals(stamp)) {
        List<VEvent> events = parser.parse(new String(Files.readAllBytes(file), UTF_8));
        snapshot = reader.read(events, file.toString());
        stamp = now.get();
        LOG.debug("{}: read {} events", file, snapshot.size());
      }
      return snapshot;
    } catch (NoSuchFileException e) {
      stamp = null;
      snapshot = EventSet.empty();
      return snapshot;
    } catch (IOException e) {
      throw new IcsFileException(file, "cannot be read: " + IcalReader.describe(e), e);
    }
  }

  /** The file's bytes as ISO-8859-1 chars: one char per byte, so splicing keeps every byte. */
  private Optional<String> readRaw() {
    try {
      return Optional.of(new String(Files.readAllBytes(file), ISO_8859_1));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IcsFileException(file, "cannot be read: " + IcalReader.describe(e), e);
    }
  }

  private void write(String raw) {
    try {
      AtomicFiles.write(file, raw.getBytes(ISO_8859_1));
    } catch (IOException e) {
      throw new IcsFileException(file, "cannot be written: " + IcalReader.describe(e), e);
    }
  }
}
