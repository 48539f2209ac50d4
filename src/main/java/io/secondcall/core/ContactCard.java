package io.secondcall.core;

/**
 * What the user told us about a contact in {@code contacts}: each field may be null.
 *
 * @param timezone an IANA zone id, already validated with the config
 */
public record ContactCard(String name, String phone, String company, String timezone) {

  public static final ContactCard EMPTY = new ContactCard(null, null, null, null);

  public ContactCard(String name, String phone, String company) {
    this(name, phone, company, null);
  }
}
