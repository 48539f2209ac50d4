package io.secondcall.config;

/**
 * What the user told us about a contact in {@code contacts}; every part may be null.
 *
 * @param phone as written in the config; formatting is left to libphonenumber where it is used
 */
public record ContactInfo(String name, String phone, String company) {}
