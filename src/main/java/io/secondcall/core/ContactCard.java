package io.secondcall.core;

/** What the user told us about a contact in {@code contacts}: each field may be null. */
public record ContactCard(String name, String phone, String company) {

  public static final ContactCard EMPTY = new ContactCard(null, null, null);
}
