package io.secondcall.core;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who the user is and whom they never follow up with: decides whether an address is "me",
 * internal, ignored or an external contact (SPEC section 3).
 */
public record Identity(
    String name,
    Set<String> addresses,
    Set<String> internalDomains,
    Set<String> ignoredAddresses,
    Set<String> ignoredDomains) {

  public Identity {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    addresses = lower(addresses);
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("at least one address is needed");
    }
    internalDomains = lower(internalDomains);
    ignoredAddresses = lower(ignoredAddresses);
    ignoredDomains = lower(ignoredDomains);
  }

  private static Set<String> lower(Set<String> values) {
    return values == null
        ? Set.of()
        : values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** One of the user's own addresses, with or without a {@code +tag}. */
  public boolean isMe(EmailAddress a) {
    return a != null && (addresses.contains(a.address()) || addresses.contains(a.baseAddress()));
  }

  /** An address that may be a prospect: not me, not internal, not ignored. */
  public boolean isExternal(EmailAddress a) {
    return a != null
        && !isMe(a)
        && !matchesDomain(a, internalDomains)
        && !ignoredAddresses.contains(a.address())
        && !matchesDomain(a, ignoredDomains);
  }

  private static boolean matchesDomain(EmailAddress a, Set<String> domains) {
    String d = a.domain();
    for (String domain : domains) {
      if (d.equals(domain) || d.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
  }
}
