package io.secondcall.web;

import io.secondcall.calendar.ical.BlockEvent;
import io.secondcall.engine.BookedBlocks;
import io.secondcall.port.StateStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The callback blocks as a calendar to subscribe to, at {@code /feed/<token>.ics}: for the
 * {@code ics} calendar provider, whose file a phone cannot see. The token is the only key (calendar
 * apps cannot log in); it is random, kept in the state database (mode 0600 in a 0700 directory)
 * and shown only on the page.
 */
final class Feed {

  static final String TOKEN_KEY = "web.feed_token";
  /** Blocks of the last week stay in the feed, so today's calls do not vanish at their start. */
  private static final Duration PAST = Duration.ofDays(7);

  private final BookedBlocks blocks;
  private final String token;

  private Feed(BookedBlocks blocks, String token) {
    this.blocks = blocks;
    this.token = token;
  }

  /** The feed, with the token stored in {@code store} (made and stored on first use). */
  static Feed open(BookedBlocks blocks, StateStore store, SecureRandom random) {
    String[] token = new String[1];
    store.inTransaction(() -> {
      token[0] = store.meta(TOKEN_KEY).orElse(null);
      if (token[0] == null) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        token[0] = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.setMeta(TOKEN_KEY, token[0]);
      }
    });
    return new Feed(blocks, token[0]);
  }

  String path() {
    return "/feed/" + token + ".ics";
  }

  /** Whether {@code path} is this feed's, compared in constant time. */
  boolean matches(String path) {
    return MessageDigest.isEqual(path().getBytes(StandardCharsets.UTF_8), path.getBytes(StandardCharsets.UTF_8));
  }

  String calendar(Instant now) {
    return BlockEvent.calendar(blocks.from(now.minus(PAST)), now);
  }
}
