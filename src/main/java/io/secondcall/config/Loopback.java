package io.secondcall.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a host is this machine, decided from its spelling alone: a name other than
 * {@code localhost} is never looked up, because a DNS answer is not something to trust with a
 * plain-text password.
 */
final class Loopback {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Loopback() {}

  static boolean isLoopback(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("localhost.")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    // Only literals reach InetAddress, and for a literal it parses without any lookup.
    if (!IPV4.matcher(h).matches() && !(h.indexOf(':') >= 0 && h.matches("[0-9a-f:.]+"))) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
