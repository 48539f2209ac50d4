package io.secondcall.calendar.google;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import io.secondcall.config.GoogleSettings;
import io.secondcall.google.GoogleConnection;
import io.secondcall.google.GoogleFailures;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackBlock;
import io.secondcall.core.TimeRange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Google calendar through the Calendar v3 API.
 *
 * <p>Busy time is computed from {@code events.list} rather than {@code freebusy.query}: Google's
 * free/busy counts opaque all-day events as busy, and the port wants them free (a trade fair
 * on the calendar does not mean the user cannot phone). Callback blocks get a deterministic
 * event id ({@link EventIds}), so a retried insert answers 409 instead of creating a second
 * block; a block deleted earlier keeps its id as a cancelled event and is brought back with
 * {@code events.update}. Deleted (cancelled) events are not listed. Events are read once in full
 * and then kept current with sync tokens ({@link EventSync}), so a cycle transfers only changes.
 */
public final class GoogleCalendarGateway implements CalendarGateway {

  private static final Logger log = LoggerFactory.getLogger(GoogleCalendarGateway.class);

  private final Calendar client;
  private final String calendarId;
  private final EventMapping mapping;
  private final GoogleFailures failures;
  private final EventSync sync;

  /**
   * @param client a Calendar client, authorised and with timeouts set
   * @param calendarId {@code primary} or a calendar's id (usually an address)
   * @param zone the user's zone: blocks are written in it, all-day events begin at its midnight
   */
  public GoogleCalendarGateway(Calendar client, String calendarId, ZoneId zone) {
    this(client, calendarId, zone, new GoogleFailures(URI.create(client.getRootUrl()), GoogleSettings.DEFAULT_TOKEN));
  }

  GoogleCalendarGateway(Calendar client, String calendarId, ZoneId zone, GoogleFailures failures) {
    this.client = Objects.requireNonNull(client, "client");
    this.calendarId = Objects.requireNonNull(calendarId, "calendarId");
    this.mapping = new EventMapping(Objects.requireNonNull(zone, "zone"));
    this.failures = Objects.requireNonNull(failures, "failures");
    this.sync = new EventSync(client, calendarId, mapping, failures);
  }

  /** The calendar on a shared connection (one credential for Gmail and Calendar, one token writer). */
  public static GoogleCalendarGateway on(GoogleConnection connection, String calendarId, ZoneId zone) {
    Calendar client = new Calendar.Builder(connection.transport(), connection.jsonFactory(), connection.initializer())
        .setRootUrl(connection.rootUrl())
        .setApplicationName("secondcall")
        .build();
    return new GoogleCalendarGateway(client, calendarId, zone, connection.failures());
  }

  /**
   * The calendar from the {@code google} settings and the token file.
   *
   * @param timeout connect and read timeout of every request; null means one minute
   * @throws io.secondcall.port.ServerAccessException (not transient) when the client or token file is unusable
   */
  public static GoogleCalendarGateway open(GoogleSettings google, Path tokenFile, String calendarId, ZoneId zone,
      Duration timeout, Clock clock) {
    return on(GoogleConnection.open(google, tokenFile, timeout, clock), calendarId, zone);
  }

  @Override
  public boolean createBlock(CallbackBlock block) {
    Event event = mapping.toEvent(block);
    try {
      client.events().insert(calendarId, event).execute();
      log.info("{} booked callback block {} at {}", calendarId, block.id(), block.time().start());
      return true;
    } catch (GoogleJsonResponseException e) {
      if (e.getStatusCode() != 409) {
        throw failures.of("Google Calendar events.insert", e);
      }
    } catch (IOException e) {
      throw failures.of("Google Calendar events.insert", e);
    }
    return afterConflict(block, event);
  }

  /** The id is taken: by this block (a retry), or by this block deleted earlier (book it again). */
  private boolean afterConflict(CallbackBlock block, Event event) {
    try {
      Event existing = client.events().get(calendarId, event.getId()).execute();
      if (!"cancelled".equals(existing.getStatus())) {
        if (!block.id().equals(EventMapping.secondcallId(existing))) {
          log.warn("{} event {} for callback block {} is not ours; leaving it", calendarId, event.getId(), block.id());
        }
        return false;
      }
      client.events().update(calendarId, event.getId(), event).execute();
      log.info("{} booked callback block {} again at {}", calendarId, block.id(), block.time().start());
      return true;
    } catch (IOException e) {
      throw failures.of("Google Calendar events.get/update", e);
    }
  }

  @Override
  public void deleteBlock(String blockId) {
    try {
      client.events().delete(calendarId, EventIds.forBlock(blockId)).execute();
      log.info("{} cancelled callback block {}", calendarId, blockId);
    } catch (GoogleJsonResponseException e) {
      // 404: never booked; 410: deleted before.
      if (e.getStatusCode() != 404 && e.getStatusCode() != 410) {
        throw failures.of("Google Calendar events.delete", e);
      }
    } catch (IOException e) {
      throw failures.of("Google Calendar events.delete", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The first call reads the calendar from the range's start on; later calls read only what
   * changed since (our own blocks included) and answer from memory, see {@link EventSync}.
   */
  @Override
  public List<CalendarEvent> events(TimeRange range) {
    if (!range.start().isBefore(range.end())) {
      return List.of();
    }
    return sync.events(range);
  }
}
