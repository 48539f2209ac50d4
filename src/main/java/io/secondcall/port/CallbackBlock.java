package io.secondcall.port;

import io.secondcall.core.TimeRange;
import java.util.Objects;

/**
 * A callback block to put into the user's calendar: time to phone a prospect.
 *
 * @param id the stable secondcall id of the block (e.g. {@code c0123456789abcdef.2.call}); providers
 *     derive their own deterministic ids from it (a CalDAV UID, a base32hex Google event id) and
 *     store it in a private property ({@code X-SECONDCALL-ID}, a private extended property
 *     {@code secondcallId}) so that the block is found again after a restart
 * @param title e.g. {@code Call Alice Martin: Proposal}
 * @param description plain text: phone number, last touch, talking points
 * @param phone the number in E.164 ({@code +4989123456}), or null
 */
public record CallbackBlock(String id, TimeRange time, String title, String description, String phone) {

  public CallbackBlock {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
  }
}
