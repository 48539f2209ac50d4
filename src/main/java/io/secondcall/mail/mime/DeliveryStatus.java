package io.secondcall.mail.mime;

import io.secondcall.core.EmailAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code message/delivery-status} part of a delivery status notification
 * (RFC 3464): a block of per-message fields, then one block per recipient.
 */
public final class DeliveryStatus {

  private DeliveryStatus() {}

  /** Whether a part of this type (lower-case, no parameters) is a delivery report (RFC 3464, RFC 6533). */
  public static boolean isReport(String mimeType) {
    return "message/delivery-status".equals(mimeType) || "message/global-delivery-status".equals(mimeType);
  }

  /** The failed recipients of a report part, as addresses; what is no address is left out. */
  public static List<EmailAddress> failedAddresses(String body) {
    List<EmailAddress> out = new ArrayList<>();
    for (String address : failedRecipients(body)) {
      try {
        out.add(EmailAddress.of(address));
      } catch (IllegalArgumentException e) {
        // Not an address: nothing to end a sequence for.
      }
    }
    return out;
  }

  /**
   * Addresses of the recipients whose block says {@code Action: failed}, from their
   * {@code Final-Recipient} (or {@code Original-Recipient} when that is missing), lower-case.
   */
  public static List<String> failedRecipients(String body) {
    List<String> failed = new ArrayList<>();
    for (Map<String, String> block : blocks(body)) {
      String action = block.getOrDefault("action", "").strip().toLowerCase(Locale.ROOT);
      if (!action.startsWith("failed")) {
        continue;
      }
      String recipient = block.getOrDefault("final-recipient", block.get("original-recipient"));
      String address = address(recipient);
      if (address != null && !failed.contains(address)) {
        failed.add(address);
      }
    }
    return failed;
  }

  /** {@code rfc822; <a@b>} gives {@code a@b}; anything without an {@code @} gives null. */
  private static String address(String field) {
    if (field == null) {
      return null;
    }
    int semicolon = field.indexOf(';');
    String value = (semicolon >= 0 ? field.substring(semicolon + 1) : field).strip();
    value = value.replace("<", "").replace(">", "").strip().toLowerCase(Locale.ROOT);
    return value.indexOf('@') > 0 && !value.contains(" ") ? value : null;
  }

  private static List<Map<String, String>> blocks(String body) {
    List<Map<String, String>> blocks = new ArrayList<>();
    Map<String, String> current = new HashMap<>();
    String lastName = null;
    for (String line : body.split("\r?\n|\r", -1)) {
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          blocks.add(current);
          current = new HashMap<>();
        }
        lastName = null;
      } else if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
        current.merge(lastName, " " + line.strip(), String::concat);
      } else {
        int colon = line.indexOf(':');
        if (colon > 0) {
          lastName = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
          current.putIfAbsent(lastName, line.substring(colon + 1).strip());
        }
      }
    }
    if (!current.isEmpty()) {
      blocks.add(current);
    }
    return blocks;
  }
}
