package io.secondcall.calendar.caldav;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A WebDAV {@code 207 Multi-Status} body (RFC 4918 section 13) reduced to what a calendar
 * reader needs: per member its href, status, etag and calendar data, plus the collection's
 * sync token (RFC 6578) when the server sent one.
 *
 * <p>The parser is namespace-aware and refuses DOCTYPEs, so a hostile or broken server cannot
 * make it read local files or expand entities (XXE, billion laughs).
 */
record Multistatus(List<Member> members, String syncToken) {

  static final String DAV = "DAV:";
  static final String CALDAV = "urn:ietf:params:xml:ns:caldav";

  /**
   * One {@code response} element.
   *
   * @param href as the server wrote it (percent-encoded, usually an absolute path)
   * @param status the HTTP status code of the member's found properties, or of the member itself
   *     when it has no properties (e.g. 404 for a removed member in a sync report)
   * @param etag the {@code getetag} value, or null
   * @param calendarData the {@code calendar-data} text, or null
   */
  record Member(String href, int status, String etag, String calendarData) {}

  Multistatus {
    members = List.copyOf(members);
  }

  /** Parses a multistatus body; throws {@link IllegalArgumentException} when it is not one. */
  static Multistatus parse(byte[] body) {
    Element root = document(body).getDocumentElement();
    if (!DAV.equals(root.getNamespaceURI()) || !"multistatus".equals(root.getLocalName())) {
      throw new IllegalArgumentException("not a multistatus document: root element is " + root.getTagName());
    }
    List<Member> members = new ArrayList<>();
    String syncToken = null;
    for (Element child : children(root)) {
      if (isDav(child, "response")) {
        members.add(member(child));
      } else if (isDav(child, "sync-token")) {
        syncToken = child.getTextContent().strip();
      }
    }
    return new Multistatus(members, syncToken);
  }

  /** The first property with this namespace and name among the members' found properties, e.g. a PROPFIND answer. */
  static String property(byte[] body, String namespace, String name) {
    var found = document(body).getElementsByTagNameNS(namespace, name);
    return found.getLength() == 0 ? null : found.item(0).getTextContent().strip();
  }

  static Document document(byte[] body) {
    try {
      return builder().parse(new ByteArrayInputStream(body));
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("not a multistatus document: " + e.getMessage(), e);
    }
  }

  private static Member member(Element response) {
    String href = null;
    int memberStatus = 0;
    int propStatus = 0;
    String etag = null;
    String data = null;
    for (Element child : children(response)) {
      if (isDav(child, "href") && href == null) {
        href = child.getTextContent().strip();
      } else if (isDav(child, "status")) {
        memberStatus = statusCode(child.getTextContent());
      } else if (isDav(child, "propstat")) {
        int status = 0;
        Element prop = null;
        for (Element p : children(child)) {
          if (isDav(p, "status")) {
            status = statusCode(p.getTextContent());
          } else if (isDav(p, "prop")) {
            prop = p;
          }
        }
        // Properties reported as 404 are absent; only a 2xx propstat carries values.
        if (prop != null && status / 100 == 2) {
          propStatus = status;
          for (Element value : children(prop)) {
            if (isDav(value, "getetag")) {
              etag = value.getTextContent().strip();
            } else if (CALDAV.equals(value.getNamespaceURI()) && "calendar-data".equals(value.getLocalName())) {
              data = value.getTextContent();
            }
          }
        }
      }
    }
    if (href == null) {
      throw new IllegalArgumentException("a multistatus response without href");
    }
    return new Member(href, memberStatus != 0 ? memberStatus : propStatus, etag, data);
  }

  /** The code in a status line such as {@code HTTP/1.1 200 OK}; 0 when unreadable. */
  static int statusCode(String line) {
    String[] parts = line.strip().split("\\s+");
    if (parts.length >= 2 && parts[1].matches("\\d{3}")) {
      return Integer.parseInt(parts[1]);
    }
    return 0;
  }

  private static boolean isDav(Element e, String name) {
    return DAV.equals(e.getNamespaceURI()) && name.equals(e.getLocalName());
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  private static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      // The default handler prints "[Fatal Error]" lines to stderr before throwing.
      b.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXParseException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
          throw e;
        }
      });
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
    }
  }

}
