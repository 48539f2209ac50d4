package io.secondcall.core;

/** Which template a step uses. */
public enum StepKind {
  /** The first step after a meeting with the contact: a recap and the way forward (the "second call"). */
  RECAP,
  /** One of the cadence steps: a polite nudge. */
  FOLLOW_UP,
  /** After the cadence: "closing the file", which itself invites an answer. */
  CLOSING,
  /** After closing, one touch every {@code nurture_days}, up to {@code max_touches}. */
  NURTURE
}
