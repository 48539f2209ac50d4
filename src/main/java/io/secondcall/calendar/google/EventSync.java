package io.secondcall.calendar.google;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import io.secondcall.calendar.google.EventCache.Change;
import io.secondcall.google.GoogleFailures;
import io.secondcall.port.CalendarEvent;
import io.secondcall.core.TimeRange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a calendar's events into an {@link EventCache} and keeps it current with Google's sync
 * tokens, so that a cycle transfers only what changed since the last one.
 *
 * <p>The full read lists single events ({@code singleEvents=true}) with {@code timeMin} only:
 * {@code events.list} refuses {@code timeMin}, {@code timeMax}, {@code orderBy}, {@code q},
 * {@code iCalUID}, {@code updatedMin} and the extended-property filters together with a
 * {@code syncToken}, and the later incremental reads must repeat the other parameters of the full
 * read. So there is no end bound and no server-side ordering; the cache filters and sorts. An
 * incremental read reports deleted events too (as {@code status: "cancelled"}, often with the
 * id only). A 410 means the token expired: the cache is dropped and the calendar read again.
 */
final class EventSync {

  private static final Logger log = LoggerFactory.getLogger(EventSync.class);
  private static final int PAGE_SIZE = 2500;
  /** Google cuts all-day events at timeMin in the calendar's zone, not the user's: read a day more. */
  private static final Duration ZONE_MARGIN = Duration.ofDays(1);

  private final Calendar client;
  private final String calendarId;
  private final EventMapping mapping;
  private final GoogleFailures failures;
  private final EventCache cache = new EventCache();

  EventSync(Calendar client, String calendarId, EventMapping mapping, GoogleFailures failures) {
    this.client = Objects.requireNonNull(client, "client");
    this.calendarId = Objects.requireNonNull(calendarId, "calendarId");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  /**
   * The events overlapping {@code range}, after bringing the cache up to date: incrementally
   * when it covers the range's start, otherwise (first call, a range reaching further back, an
   * expired token) by reading everything from the range's start on.
   */
  synchronized List<CalendarEvent> events(TimeRange range) {
    if (cache.covers(range.start())) {
      try {
        update();
        return cache.overlapping(range);
      } catch (GoogleJsonResponseException e) {
        if (e.getStatusCode() != 410) {
          throw failures.of("Google Calendar events.list (sync)", e);
        }
        log.info("{} sync token no longer valid; reading the calendar again from {}", calendarId,
            cache.windowStart());
        Instant start = cache.windowStart();
        cache.clear();
        fullRead(start);
      } catch (IOException e) {
        throw failures.of("Google Calendar events.list (sync)", e);
      }
    } else {
      Instant start = cache.windowStart() == null || range.start().isBefore(cache.windowStart())
          ? range.start() : cache.windowStart();
      fullRead(start);
    }
    return cache.overlapping(range);
  }

  /** Every page of changes first, then applied at once: a failure halfway leaves the cache and token as they were. */
  private void update() throws IOException {
    List<Change> changes = new ArrayList<>();
    String pageToken = null;
    Events page;
    do {
      page = client.events().list(calendarId)
          .setSingleEvents(true)
          .setMaxResults(PAGE_SIZE)
          .setSyncToken(cache.syncToken())
          .setPageToken(pageToken)
          .execute();
      for (Event item : items(page)) {
        changes.add("cancelled".equals(item.getStatus())
            ? Change.removed(item.getId())
            : new Change(item.getId(), mapping.toCalendarEvent(item)));
      }
      pageToken = page.getNextPageToken();
    } while (pageToken != null);
    cache.apply(changes, page.getNextSyncToken());
    log.debug("{} synced {} changes; {} events cached", calendarId, changes.size(), cache.size());
  }

  private void fullRead(Instant windowStart) {
    Map<String, CalendarEvent> events = new LinkedHashMap<>();
    String pageToken = null;
    Events page;
    try {
      do {
        page = client.events().list(calendarId)
            .setSingleEvents(true)
            .setMaxResults(PAGE_SIZE)
            .setTimeMin(new DateTime(windowStart.minus(ZONE_MARGIN).toEpochMilli(), 0))
            .setPageToken(pageToken)
            .execute();
        for (Event item : items(page)) {
          if (!"cancelled".equals(item.getStatus())) {
            events.put(item.getId(), mapping.toCalendarEvent(item));
          }
        }
        pageToken = page.getNextPageToken();
      } while (pageToken != null);
    } catch (IOException e) {
      throw failures.of("Google Calendar events.list", e);
    }
    cache.replace(windowStart, events, page.getNextSyncToken());
    log.debug("{} read {} events from {}", calendarId, events.size(), windowStart);
  }

  private static List<Event> items(Events page) {
    return page.getItems() == null ? List.of() : page.getItems();
  }
}
