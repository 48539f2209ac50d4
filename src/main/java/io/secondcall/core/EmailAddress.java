package io.secondcall.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A mailbox address with an optional display name. The address is kept lower-case so that
 * comparisons across headers, config and state agree.
 */
public record EmailAddress(String address, String name) {

  public EmailAddress {
    Objects.requireNonNull(address, "address");
    address = address.strip().toLowerCase(Locale.ROOT);
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      throw new IllegalArgumentException("not an email address: " + address);
    }
    name = name == null || name.isBlank() ? null : name.strip();
  }

  public static EmailAddress of(String address) {
    return new EmailAddress(address, null);
  }

  public String domain() {
    return address.substring(address.lastIndexOf('@') + 1);
  }

  public String localPart() {
    return address.substring(0, address.lastIndexOf('@'));
  }

  /** The local part without a {@code +tag} suffix: {@code me+fu5@x} is the same mailbox as {@code me@x}. */
  public String baseAddress() {
    String local = localPart();
    int plus = local.indexOf('+');
    return (plus > 0 ? local.substring(0, plus) : local) + "@" + domain();
  }

  /** The display name, or a readable guess from the local part ("alice.smith" gives "Alice Smith"). */
  public String displayName() {
    if (name != null) {
      return name;
    }
    StringBuilder sb = new StringBuilder();
    for (String part : localPart().split("[._\\-+]+")) {
      if (part.isEmpty() || part.chars().anyMatch(Character::isDigit)) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.length() > 0 ? sb.toString() : address;
  }

  /** First name for a salutation: the first word of the display name, "Smith" from "Smith, Alice" handled. */
  public String firstName() {
    String display = displayName();
    if (display.equals(address)) {
      return "";
    }
    int comma = display.indexOf(',');
    if (comma > 0 && comma < display.length() - 1) {
      display = display.substring(comma + 1).strip();
    }
    String[] words = display.split("\\s+");
    return words.length > 0 ? words[0] : display;
  }

  @Override
  public String toString() {
    return name == null ? address : name + " <" + address + ">";
  }
}
