package io.secondcall.calendar.caldav;

import io.secondcall.calendar.ical.BlockEvent;
import io.secondcall.calendar.ical.IcalReader;
import io.secondcall.core.Loopback;
import io.secondcall.port.CalendarEvent;
import io.secondcall.port.CalendarGateway;
import io.secondcall.port.CallbackBlock;
import io.secondcall.port.ServerAccessException;
import io.secondcall.core.TimeRange;
import io.secondcall.tls.CertificatePin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CalendarGateway} on one CalDAV calendar collection (RFC 4791), e.g. Radicale,
 * Nextcloud or Baïkal, over plain HTTP requests with Basic authentication.
 *
 * <p>The gateway keeps a copy of the calendar's resources in memory and, on each read, asks the
 * server only what changed since the last one: {@code sync-collection} (RFC 6578) where the server
 * supports it, else a comparison of ctag and etags (see {@link CollectionMirror}). Events are
 * expanded here by {@link IcalReader}, as a calendar file's are (RRULE, RDATE, EXDATE, moved and
 * cancelled instances), since servers differ in what they expand and some answer
 * {@code free-busy-query} without any VFREEBUSY. Callback blocks ({@link BlockEvent}) are written
 * as {@code <collection>/<block id>@secondcall.ics} with {@code If-None-Match: *}: the name
 * follows from the block id, so a retry after a crash finds the block already there.
 *
 * <p>Every request waits at most the given timeout for the connection and for the answer.
 * Failures throw {@link ServerAccessException}: transient for no connection, no answer and 5xx;
 * not transient for 401/403 (the login was refused) and for answers that say the collection URL
 * is wrong. Instances are thread-safe.
 */
public final class CalDavCalendarGateway implements CalendarGateway {

  private static final Logger log = LoggerFactory.getLogger(CalDavCalendarGateway.class);
  private static final String XML = "application/xml; charset=utf-8";

  private final URI collection;
  private final DavClient dav;
  private final CollectionMirror mirror;
  private final Clock clock;

  /**
   * @param collectionUrl the calendar collection, e.g. {@code https://dav.example.com/dana/calendar/}
   * @param userZone the zone in which all-day and floating events are read
   * @param timeout the longest wait for a connection, and for each answer
   * @throws IllegalArgumentException for a URL that is not http(s), or plain http to a host that
   *     is not this machine (the password would cross the network readable)
   */
  public CalDavCalendarGateway(URI collectionUrl, String username, String password, ZoneId userZone, Duration timeout) {
    this(collectionUrl, username, password, userZone, timeout, null, Clock.systemUTC());
  }

  /**
   * Like {@link #CalDavCalendarGateway(URI, String, String, ZoneId, Duration)}, trusting exactly the
   * certificate {@code tlsFingerprint} names instead of the JDK trust store (when not null).
   */
  public CalDavCalendarGateway(URI collectionUrl, String username, String password, ZoneId userZone, Duration timeout,
      CertificatePin tlsFingerprint) {
    this(collectionUrl, username, password, userZone, timeout, tlsFingerprint, Clock.systemUTC());
  }

  CalDavCalendarGateway(URI collectionUrl, String username, String password, ZoneId userZone, Duration timeout,
      Clock clock) {
    this(collectionUrl, username, password, userZone, timeout, null, clock);
  }

  private CalDavCalendarGateway(URI collectionUrl, String username, String password, ZoneId userZone,
      Duration timeout, CertificatePin tlsFingerprint, Clock clock) {
    Objects.requireNonNull(collectionUrl, "collectionUrl");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(userZone, "userZone");
    Objects.requireNonNull(timeout, "timeout");
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("username must not be blank");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    String scheme = collectionUrl.getScheme() == null ? "" : collectionUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || collectionUrl.getHost() == null) {
      throw new IllegalArgumentException("not an http(s) URL of a calendar collection: " + collectionUrl);
    }
    if (scheme.equals("http") && !Loopback.isLoopback(collectionUrl.getHost())) {
      throw new IllegalArgumentException("refusing plain http to " + collectionUrl.getHost()
          + ": the password would travel unencrypted; use https");
    }
    String path = collectionUrl.getRawPath() == null ? "" : collectionUrl.getRawPath();
    // Member names resolve against the collection, which only works with the trailing slash.
    this.collection = collectionUrl.resolve(path.endsWith("/") ? path : path + "/");
    this.dav = new DavClient(collection, username, password, timeout, tlsFingerprint);
    this.mirror = new CollectionMirror(collection, dav, new IcalReader(userZone));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * For {@code check}: fails when the URL is not a calendar collection (naming the calendars
   * found), and says whether the server checks the password at all.
   *
   * @return false when the server answers without a password, so it would accept any
   * @throws io.secondcall.port.CalendarSetupException when the URL is not a calendar
   */
  public boolean checkCollection() {
    return new CollectionCheck(collection, dav).passwordChecked();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads only what changed since the previous call (see {@link CollectionMirror}); the
   * first call reads the whole calendar. Own blocks written in between are among the changes.
   */
  @Override
  public List<CalendarEvent> events(TimeRange range) {
    Objects.requireNonNull(range, "range");
    // One lock for reading and expanding: the mirror is not thread-safe, and ical4j does not
    // promise that its recurrence rules are.
    synchronized (mirror) {
      List<CalendarEvent> out = new ArrayList<>();
      for (CollectionMirror.Resource resource : mirror.refresh()) {
        if (resource.events() != null) {
          out.addAll(resource.events().events(range));
        }
      }
      out.sort(Comparator.comparing((CalendarEvent e) -> e.time().start()).thenComparing(CalendarEvent::uid));
      return out;
    }
  }

  @Override
  public boolean createBlock(CallbackBlock block) {
    URI href = href(block.id());
    DavClient.Response response = dav.send("PUT", href, BlockEvent.calendar(block, clock.instant()),
        Map.of("Content-Type", "text/calendar; charset=utf-8", "If-None-Match", "*"));
    switch (response.status()) {
      case 201, 204 -> {
        log.debug("{}: created block {} at {}", dav.where(), block.id(), href.getRawPath());
        return true;
      }
      case 412 -> {
        return false;
      }
      default -> throw dav.unexpected("PUT", href, response);
    }
  }

  @Override
  public void deleteBlock(String blockId) {
    URI href = href(blockId);
    DavClient.Response response = dav.send("DELETE", href, null, Map.of());
    if (response.status() != 200 && response.status() != 204 && response.status() != 404) {
      throw dav.unexpected("DELETE", href, response);
    }
  }

  /**
   * The collection's current sync token (RFC 6578 {@code DAV:sync-token}); it changes whenever
   * a member is added, changed or removed, so comparing tokens tells whether to read again.
   *
   * @return the token, or null when the server does not support collection synchronization
   */
  public String syncToken() {
    String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:sync-token/></D:prop></D:propfind>\n";
    DavClient.Response response = dav.send("PROPFIND", collection, body, Map.of("Content-Type", XML, "Depth", "0"));
    if (response.status() != 207) {
      throw dav.unexpected("PROPFIND", collection, response);
    }
    try {
      String token = Multistatus.property(response.body(), Multistatus.DAV, "sync-token");
      return token == null || token.isEmpty() ? null : token;
    } catch (IllegalArgumentException e) {
      throw dav.unreadable("PROPFIND", collection, e);
    }
  }

  /** The copy of the collection that {@link #events} keeps current; for tests. */
  CollectionMirror mirror() {
    return mirror;
  }

  /** The requests sent so far by kind (see {@link DavClient#requestCounts()}); for tests. */
  Map<String, Integer> requestCounts() {
    return dav.requestCounts();
  }

  /** The collection this gateway reads and writes. */
  public URI collection() {
    return collection;
  }

  private URI href(String blockId) {
    return collection.resolve(ResourceNames.ofBlock(blockId));
  }
}
