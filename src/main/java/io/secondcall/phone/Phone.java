package io.secondcall.phone;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A valid phone number in two spellings.
 *
 * @param e164 the number for machines and {@code tel:} links, e.g. {@code +4989123456}
 * @param international the number for people, e.g. {@code +49 89 123456}
 */
public record Phone(String e164, String international) {

  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

  public Phone {
    Objects.requireNonNull(e164, "e164");
    Objects.requireNonNull(international, "international");
    if (!E164.matcher(e164).matches()) {
      throw new IllegalArgumentException("not an E.164 number: " + e164);
    }
    if (international.isBlank()) {
      throw new IllegalArgumentException("international format is blank");
    }
  }

  /** RFC 3966 URI that phones and calendar apps dial on a tap, e.g. {@code tel:+4989123456}. */
  public String telUri() {
    return "tel:" + e164;
  }

  @Override
  public String toString() {
    return international;
  }
}
