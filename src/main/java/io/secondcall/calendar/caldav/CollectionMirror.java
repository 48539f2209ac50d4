package io.secondcall.calendar.caldav;

import io.secondcall.calendar.ical.EventSet;
import io.secondcall.calendar.ical.IcalReader;
import io.secondcall.port.ServerAccessException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory copy of every resource of one calendar collection, kept current with as little
 * reading as the server allows.
 *
 * <p>The first refresh reads everything: the collection's sync token and ctag, then one
 * {@code calendar-query} for all resources. Whole resources are kept, not a time window, so a
 * window that slides or widens never needs a new read; the price is memory for the calendar's
 * whole history. Later refreshes ask {@code sync-collection} (RFC 6578) for what changed since
 * the token and fetch only that with one {@code calendar-multiget}. A token the server no longer
 * knows means a full read. A server without sync-collection gets the ctag compared instead
 * ({@code CS:getctag}: unchanged means nothing to do), and when it changed, the members' etags.
 *
 * <p>A refresh that fails part-way leaves the copy as it was, so the next one asks again from the
 * same state. When asking for changes fails {@value #INCREMENTAL_TRIES} times in a row, the
 * whole calendar is read instead: some servers answer an old token with a 500 instead of the
 * {@code valid-sync-token} error (Xandikos after the collection was deleted and made again), and
 * a stale token would otherwise fail every cycle for ever. Not thread-safe on its own; callers
 * hold its lock.
 */
final class CollectionMirror {

  /**
   * One resource as last read.
   *
   * @param events the resource's events, or null when it could not be read (kept so that it is
   *     not fetched again until it changes)
   */
  record Resource(String href, String etag, EventSet events) {}

  private static final Logger log = LoggerFactory.getLogger(CollectionMirror.class);
  private static final String XML = "application/xml; charset=utf-8";
  /** Bounds the follow-up reports a server that truncates its change lists can ask for. */
  private static final int MAX_SYNC_ROUNDS = 20;
  private static final Set<Integer> SYNC_REFUSALS = Set.of(400, 403, 405, 409, 415, 501);
  /** Failed reads of changes in a row after which the whole calendar is read instead. */
  static final int INCREMENTAL_TRIES = 2;

  private final URI collection;
  private final DavClient dav;
  private final IcalReader reader;
  private Map<String, Resource> resources = Map.of();
  private boolean loaded;
  private String syncToken;
  private String ctag;
  private boolean useSyncCollection = true;
  private int incrementalFailures;

  CollectionMirror(URI collection, DavClient dav, IcalReader reader) {
    this.collection = collection;
    this.dav = dav;
    this.reader = reader;
  }

  /** Brings the copy up to date and returns its resources. */
  List<Resource> refresh() {
    if (!loaded || incrementalFailures >= INCREMENTAL_TRIES) {
      fullRead();
      incrementalFailures = 0;
      return List.copyOf(resources.values());
    }
    try {
      if (useSyncCollection && syncToken != null) {
        sync();
      } else {
        compareEtags();
      }
      incrementalFailures = 0;
    } catch (ServerAccessException e) {
      if (++incrementalFailures < INCREMENTAL_TRIES) {
        throw e;
      }
      log.warn("{}: reading the changes failed {} times in a row ({}); reading the whole calendar", dav.where(),
          incrementalFailures, e.getMessage());
      fullRead();
      incrementalFailures = 0;
    }
    return List.copyOf(resources.values());
  }

  /** The token the next sync-collection report will send; null before the first read or without support. */
  String syncToken() {
    return syncToken;
  }

  /** Replaces the stored token, e.g. to see how a token the server does not know is handled. */
  void useSyncToken(String token) {
    this.syncToken = token;
  }

  /** Whether to ask sync-collection at all; turned off when the server refuses the report. */
  void useSyncCollection(boolean use) {
    this.useSyncCollection = use;
  }

  private void fullRead() {
    DavClient.Response props = propfind("0", DavBodies.propfind("D:sync-token", "CS:getctag"));
    DavClient.Response all = dav.send("REPORT", collection, DavBodies.allResources(),
        Map.of("Content-Type", XML, "Depth", "1"));
    if (all.status() != 207) {
      throw dav.unexpected("REPORT", collection, all);
    }
    Map<String, Resource> read = new LinkedHashMap<>();
    for (Multistatus.Member m : parse("REPORT", all).members()) {
      if (m.calendarData() != null && !SyncReport.isCollection(m.href(), collection)) {
        read.put(SyncReport.key(m.href()), resource(m));
      }
    }
    resources = read;
    syncToken = property(props, Multistatus.DAV, "sync-token");
    ctag = property(props, DavBodies.CALENDARSERVER, "getctag");
    loaded = true;
    log.debug("{}: read all {} resources of {}", dav.where(), read.size(), collection.getRawPath());
  }

  private void sync() {
    for (int round = 0; round < MAX_SYNC_ROUNDS; round++) {
      DavClient.Response answer = dav.send("REPORT", collection, DavBodies.syncCollection(syncToken),
          Map.of("Content-Type", XML, "Depth", "0"), SYNC_REFUSALS);
      switch (SyncReport.judge(answer.status(), answer.body())) {
        case INVALID_TOKEN -> {
          log.info("{}: the server no longer knows our sync token; reading the whole calendar", dav.where());
          fullRead();
          return;
        }
        case UNSUPPORTED -> {
          refuseSync("answered " + answer.status());
          return;
        }
        case CHANGES -> { }
      }
      SyncReport report;
      try {
        report = SyncReport.parse(answer.body(), collection);
      } catch (IllegalArgumentException e) {
        throw dav.unreadable("REPORT", collection, e);
      }
      if (report.token() == null) {
        refuseSync("sent no sync token");
        return;
      }
      Map<String, Resource> next = new LinkedHashMap<>(resources);
      report.removed().forEach(href -> next.remove(SyncReport.key(href)));
      if (!apply(report.changed(), next)) {
        return;
      }
      resources = next;
      syncToken = report.token();
      if (!report.truncated()) {
        return;
      }
    }
  }

  private void refuseSync(String why) {
    log.info("{}: sync-collection {}; comparing ctag and etags instead", dav.where(), why);
    useSyncCollection = false;
    compareEtags();
  }

  private void compareEtags() {
    String now = property(propfind("0", DavBodies.propfind("CS:getctag")), DavBodies.CALENDARSERVER, "getctag");
    if (now != null && now.equals(ctag)) {
      return;
    }
    DavClient.Response listing = propfind("1", DavBodies.propfind("D:getetag"));
    Map<String, Resource> next = new LinkedHashMap<>(resources);
    Set<String> present = new HashSet<>();
    List<String> changed = new ArrayList<>();
    for (Multistatus.Member m : parse("PROPFIND", listing).members()) {
      String key = SyncReport.key(m.href());
      if (SyncReport.isCollection(m.href(), collection) || m.status() == 404) {
        continue;
      }
      present.add(key);
      Resource known = resources.get(key);
      if (known == null || m.etag() == null || !m.etag().equals(known.etag())) {
        changed.add(m.href());
      }
    }
    next.keySet().retainAll(present);
    if (!apply(changed, next)) {
      return;
    }
    resources = next;
    ctag = now;
  }

  /**
   * Fetches {@code hrefs} with one multiget into {@code next}; a member the server now calls
   * gone is removed. When the answer leaves some out, the copy cannot be trusted: a full read
   * replaces it and this returns false.
   */
  private boolean apply(List<String> hrefs, Map<String, Resource> next) {
    if (hrefs.isEmpty()) {
      return true;
    }
    DavClient.Response answer = dav.send("REPORT", collection, DavBodies.multiget(hrefs),
        Map.of("Content-Type", XML, "Depth", "1"));
    if (answer.status() != 207) {
      throw dav.unexpected("REPORT", collection, answer);
    }
    Map<String, Resource> fetched = new HashMap<>();
    Set<String> gone = new HashSet<>();
    for (Multistatus.Member m : parse("REPORT", answer).members()) {
      String key = SyncReport.key(m.href());
      if (m.status() == 404) {
        gone.add(key);
      } else if (m.calendarData() != null) {
        fetched.put(key, resource(m));
      }
    }
    for (String href : hrefs) {
      String key = SyncReport.key(href);
      if (!fetched.containsKey(key) && !gone.contains(key)) {
        log.warn("{}: calendar-multiget left out {}; reading the whole calendar", dav.where(), href);
        fullRead();
        return false;
      }
    }
    next.keySet().removeAll(gone);
    next.putAll(fetched);
    return true;
  }

  private Resource resource(Multistatus.Member m) {
    try {
      return new Resource(m.href(), m.etag(), reader.read(m.calendarData(), dav.where() + " " + m.href()));
    } catch (IllegalArgumentException e) {
      log.warn("{}: skipping {}: not readable as iCalendar: {}", dav.where(), m.href(), e.getMessage());
      return new Resource(m.href(), m.etag(), null);
    }
  }

  private DavClient.Response propfind(String depth, String body) {
    DavClient.Response response = dav.send("PROPFIND", collection, body,
        Map.of("Content-Type", XML, "Depth", depth));
    if (response.status() != 207) {
      throw dav.unexpected("PROPFIND", collection, response);
    }
    return response;
  }

  private Multistatus parse(String method, DavClient.Response response) {
    try {
      return Multistatus.parse(response.body());
    } catch (IllegalArgumentException e) {
      throw dav.unreadable(method, collection, e);
    }
  }

  private String property(DavClient.Response response, String namespace, String name) {
    try {
      String value = Multistatus.property(response.body(), namespace, name);
      return value == null || value.isEmpty() ? null : value;
    } catch (IllegalArgumentException e) {
      throw dav.unreadable("PROPFIND", collection, e);
    }
  }
}
