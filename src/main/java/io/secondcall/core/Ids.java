package io.secondcall.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids: the same outreach and step give the same id after any restart or resync. */
public final class Ids {

  private Ids() {}

  /** {@code c} and the first 16 hex digits of SHA-256 of the root Message-ID. */
  public static String conversationId(String rootMessageId) {
    return "c" + sha256Hex(rootMessageId).substring(0, 16);
  }

  /** {@code <conversation id>.<step>}, e.g. {@code c0123456789abcdef.2}. */
  public static String stepId(String conversationId, int step) {
    return conversationId + "." + step;
  }

  /** The conversation id of a step id, or the input itself when it has no step part. */
  public static String conversationOfStep(String stepId) {
    int dot = stepId.indexOf('.');
    return dot < 0 ? stepId : stepId.substring(0, dot);
  }

  /** The domain of Message-IDs secondcall makes up for messages that have none. */
  static final String SYNTHETIC_DOMAIN = "secondcall.invalid";

  /**
   * A stand-in Message-ID for a message that has none, derived from what the message says (date,
   * sender, recipients, subject, size) so that it stays the same when a server renumbers its
   * UIDs or the mailbox moves to another server. Never written into a header: see
   * {@link #isSynthetic}.
   */
  public static String syntheticMessageId(String... content) {
    return "nomsgid-" + sha256Hex(String.join("\u0000", content)).substring(0, 24) + "@" + SYNTHETIC_DOMAIN;
  }

  /** Whether {@code messageId} was made up by {@link #syntheticMessageId}: no other mail knows it. */
  public static boolean isSynthetic(String messageId) {
    return messageId != null && messageId.endsWith("@" + SYNTHETIC_DOMAIN);
  }

  public static String sha256Hex(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
