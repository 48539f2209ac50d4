package io.secondcall.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An auto-reply (out of office) to the user's mail: it pauses a sequence, it never ends it.
 *
 * @param returnDate the first day the person is back, when the text names it: "back on 3
 *     December" gives 3 December, "until 4 December" gives 5 December. The next step moves to
 *     the first business day on or after it.
 * @param reason a short human phrase, e.g. "auto-reply (Auto-Submitted: auto-replied)"
 */
public record AutoReply(Optional<LocalDate> returnDate, String reason) {

  public AutoReply {
    Objects.requireNonNull(returnDate, "returnDate");
    Objects.requireNonNull(reason, "reason");
  }
}
