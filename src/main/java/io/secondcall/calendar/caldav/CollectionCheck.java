package io.secondcall.calendar.caldav;

import io.secondcall.port.CalendarSetupException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * For {@code check}: whether the configured URL is a calendar collection, and whether the server
 * checks the password at all. A URL one level too high (the user's home, the principal) is the
 * usual mistake, and reads as an empty calendar; a server without authentication accepts any
 * password, so a wrong one would pass unnoticed until it is turned on.
 */
final class CollectionCheck {

  private static final String XML = "application/xml; charset=utf-8";
  private static final String PROPS = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      + "<D:propfind xmlns:D=\"DAV:\" xmlns:C=\"" + Multistatus.CALDAV + "\"><D:prop>"
      + "<D:resourcetype/><D:current-user-principal/><C:calendar-home-set/>"
      + "</D:prop></D:propfind>";

  private final URI collection;
  private final DavClient dav;

  CollectionCheck(URI collection, DavClient dav) {
    this.collection = collection;
    this.dav = dav;
  }

  /**
   * @return whether the server checks passwords: false when it answers without one
   * @throws CalendarSetupException when the URL is not a calendar collection, naming the calendars found
   */
  boolean passwordChecked() {
    DavClient.Response self = propfind(collection, "0");
    if (self.status() == 207) {
      Document d = Multistatus.document(self.body());
      if (!isCalendar(firstResponse(d))) {
        throw notACalendar(d);
      }
    }
    int anonymous = dav.sendWithoutLogin("PROPFIND", collection, PROPS, Map.of("Depth", "0", "Content-Type", XML))
        .status();
    return anonymous / 100 != 2;
  }

  private CalendarSetupException notACalendar(Document self) {
    URI home = href(self, Multistatus.CALDAV, "calendar-home-set");
    URI principal = href(self, Multistatus.DAV, "current-user-principal");
    if (home == null && principal != null) {
      DavClient.Response p = propfind(principal, "0");
      if (p.status() == 207) {
        home = href(Multistatus.document(p.body()), Multistatus.CALDAV, "calendar-home-set");
      }
    }
    // The server's calendar home first; then the URL itself, which may hold calendars of its own.
    Set<String> calendars = new LinkedHashSet<>();
    if (home != null) {
      calendars.addAll(calendarsIn(home));
    }
    calendars.addAll(calendarsIn(collection));
    return new CalendarSetupException("calendar.caldav.url", collection + " is not a calendar collection; "
        + (calendars.isEmpty() ? "no calendar found under it" + (home != null ? " or under " + home : "")
            + ": create one in your calendar app and set calendar.caldav.url to its URL"
            : "set calendar.caldav.url to one of: " + String.join(", ", calendars)));
  }

  private List<String> calendarsIn(URI home) {
    List<String> out = new ArrayList<>();
    DavClient.Response listing = propfind(home, "1");
    if (listing.status() != 207) {
      return out;
    }
    NodeList responses = Multistatus.document(listing.body()).getElementsByTagNameNS(Multistatus.DAV, "response");
    for (int i = 0; i < responses.getLength(); i++) {
      Element response = (Element) responses.item(i);
      String href = text(response, Multistatus.DAV, "href");
      if (href != null && isCalendar(response)) {
        out.add(collection.resolve(href).toString());
      }
    }
    return out;
  }

  private DavClient.Response propfind(URI uri, String depth) {
    return dav.send("PROPFIND", uri, PROPS, Map.of("Depth", depth, "Content-Type", XML), Set.of(207, 404, 405));
  }

  private static Element firstResponse(Document d) {
    NodeList responses = d.getElementsByTagNameNS(Multistatus.DAV, "response");
    return responses.getLength() == 0 ? d.getDocumentElement() : (Element) responses.item(0);
  }

  private static boolean isCalendar(Element response) {
    NodeList types = response.getElementsByTagNameNS(Multistatus.DAV, "resourcetype");
    return types.getLength() > 0
        && ((Element) types.item(0)).getElementsByTagNameNS(Multistatus.CALDAV, "calendar").getLength() > 0;
  }

  /** The href inside the first property {@code namespace:name}, resolved against the collection. */
  private URI href(Document d, String namespace, String name) {
    NodeList props = d.getElementsByTagNameNS(namespace, name);
    if (props.getLength() == 0) {
      return null;
    }
    String href = text((Element) props.item(0), Multistatus.DAV, "href");
    return href == null || href.isBlank() ? null : collection.resolve(href.strip());
  }

  private static String text(Element parent, String namespace, String name) {
    NodeList found = parent.getElementsByTagNameNS(namespace, name);
    Node first = found.getLength() == 0 ? null : found.item(0);
    return first == null ? null : first.getTextContent().strip();
  }
}
