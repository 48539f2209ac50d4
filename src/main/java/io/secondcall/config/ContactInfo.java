package io.secondcall.config;

import java.time.ZoneId;

/**
 * What the user told us about a contact in {@code contacts}; every part may be null.
 *
 * @param phone as written in the config; formatting is left to libphonenumber where it is used
 * @param timezone where the contact is, when their number and domain would not tell
 */
public record ContactInfo(String name, String phone, String company, ZoneId timezone) {

  public ContactInfo(String name, String phone, String company) {
    this(name, phone, company, null);
  }
}
