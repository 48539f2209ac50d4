package io.secondcall.template;

import io.secondcall.core.EmailAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The inbox digest of one cycle.
 *
 * @param digestId stable id, written as {@code X-Secondcall-Id}
 * @param to the user; the digest is also from the user
 * @param lines what was prepared or needs the user; at least one
 * @param date when the cycle ran
 * @param zone the user's time zone, for the date in the body
 */
public record Digest(String digestId, EmailAddress to, List<DigestLine> lines, Instant date, ZoneId zone) {

  public Digest {
    Objects.requireNonNull(digestId, "digestId");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(zone, "zone");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a digest reports at least one thing");
    }
  }
}
