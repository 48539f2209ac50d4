package io.secondcall.calendar.caldav;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@code sync-collection} report (RFC 6578): the members changed or added since
 * the old token, the members removed, and the token to ask with next time.
 *
 * @param changed hrefs (as the server wrote them) to fetch again
 * @param removed hrefs of members that are gone
 * @param token the collection's new sync token, or null when the server sent none
 * @param truncated true when the server sent only part of the changes (507 on the collection);
 *     asking again with {@code token} gives the rest
 */
record SyncReport(List<String> changed, List<String> removed, String token, boolean truncated) {

  /** What a server's answer to a sync-collection report means. */
  enum Outcome { CHANGES, INVALID_TOKEN, UNSUPPORTED }

  SyncReport {
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }

  /**
   * Judges the status of a sync-collection answer: 207 carries changes; 403 or 409 naming the
   * {@code DAV:valid-sync-token} precondition means the old token is no longer known (the server
   * forgot it, or it was never one of its own); other refusals mean no support for the report.
   */
  static Outcome judge(int status, byte[] body) {
    if (status == 207) {
      return Outcome.CHANGES;
    }
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    if ((status == 403 || status == 409) && text.contains("valid-sync-token")) {
      return Outcome.INVALID_TOKEN;
    }
    return Outcome.UNSUPPORTED;
  }

  /**
   * Reads a 207 answer; {@code collection} is the request URL, whose own entry only tells
   * whether the answer was truncated.
   *
   * @throws IllegalArgumentException when the body is not a multistatus document
   */
  static SyncReport parse(byte[] body, URI collection) {
    Objects.requireNonNull(collection, "collection");
    Multistatus answer = Multistatus.parse(body);
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    boolean truncated = false;
    for (Multistatus.Member m : answer.members()) {
      if (isCollection(m.href(), collection)) {
        truncated |= m.status() == 507;
      } else if (m.status() == 404) {
        removed.add(m.href());
      } else {
        changed.add(m.href());
      }
    }
    String token = answer.syncToken() == null || answer.syncToken().isEmpty() ? null : answer.syncToken();
    return new SyncReport(changed, removed, token, truncated);
  }

  /**
   * The key under which a member is kept: its decoded path, since servers differ in what they
   * percent-encode and whether they write absolute URLs.
   */
  static String key(String href) {
    try {
      String path = URI.create(href.strip()).getPath();
      return path == null || path.isEmpty() ? href : path;
    } catch (IllegalArgumentException notAUri) {
      return href;
    }
  }

  static boolean isCollection(String href, URI collection) {
    return trimSlash(key(href)).equals(trimSlash(collection.getPath()));
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
