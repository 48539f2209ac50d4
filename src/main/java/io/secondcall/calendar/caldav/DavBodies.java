package io.secondcall.calendar.caldav;

import java.util.Collection;

/**
 * The XML bodies of the requests that keep a copy of a calendar collection: the full read, the
 * change report (RFC 6578), the fetch of named resources (RFC 4791 section 7.9) and property reads.
 */
final class DavBodies {

  static final String CALENDARSERVER = "http://calendarserver.org/ns/";

  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  private static final String NAMESPACES =
      " xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\" xmlns:CS=\"" + CALENDARSERVER + "\"";

  private DavBodies() {}

  /**
   * A {@code calendar-query} for every resource of the collection, with etag and data. No
   * VEVENT or time-range filter: the copy holds whole resources, and a resource left out here
   * (a task, an event long past) would look new to every later etag comparison.
   */
  static String allResources() {
    return HEAD
        + "<C:calendar-query" + NAMESPACES + ">\n"
        + "  <D:prop><D:getetag/><C:calendar-data/></D:prop>\n"
        + "  <C:filter><C:comp-filter name=\"VCALENDAR\"/></C:filter>\n"
        + "</C:calendar-query>\n";
  }

  /** A {@code calendar-multiget} of the given hrefs, as the server wrote them. */
  static String multiget(Collection<String> hrefs) {
    StringBuilder body = new StringBuilder(HEAD)
        .append("<C:calendar-multiget").append(NAMESPACES).append(">\n")
        .append("  <D:prop><D:getetag/><C:calendar-data/></D:prop>\n");
    for (String href : hrefs) {
      body.append("  <D:href>").append(escape(href)).append("</D:href>\n");
    }
    return body.append("</C:calendar-multiget>\n").toString();
  }

  /** A {@code sync-collection} report of what changed since {@code token}, with the new etags. */
  static String syncCollection(String token) {
    return HEAD
        + "<D:sync-collection" + NAMESPACES + ">\n"
        + "  <D:sync-token>" + escape(token) + "</D:sync-token>\n"
        + "  <D:sync-level>1</D:sync-level>\n"
        + "  <D:prop><D:getetag/></D:prop>\n"
        + "</D:sync-collection>\n";
  }

  /** A PROPFIND for properties written with their prefixes, e.g. {@code D:sync-token}, {@code CS:getctag}. */
  static String propfind(String... properties) {
    StringBuilder body = new StringBuilder(HEAD).append("<D:propfind").append(NAMESPACES).append("><D:prop>");
    for (String p : properties) {
      body.append('<').append(p).append("/>");
    }
    return body.append("</D:prop></D:propfind>\n").toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
