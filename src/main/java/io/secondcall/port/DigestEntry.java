package io.secondcall.port;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the inbox digest, recorded in the same transaction as the action it reports so
 * that a crash can neither lose it nor report it twice.
 *
 * @param key unique per reported fact, e.g. the step's secondcall id or "bounce:" + Message-ID
 * @param kind what happened: "draft", "bounce", "ended", "login"
 * @param text the line as the user reads it
 */
public record DigestEntry(String key, String conversationId, String kind, String text, Instant createdAt) {

  public DigestEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
