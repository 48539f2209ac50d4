package io.secondcall.core;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a host is this machine, decided from its spelling alone: where a plain-text password
 * may go (IMAP without TLS, CalDAV over http). Only {@code localhost} and IP literals count. Any
 * other name would be looked up when connecting, and a DNS answer is not something to trust with
 * a password: that includes {@code localhost.} (glibc resolves the absolute name through DNS,
 * not /etc/hosts) and {@code *.localhost}.
 */
public final class Loopback {

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-f]{1,4}");

  private Loopback() {}

  /**
   * True for {@code localhost} in any case, 127.0.0.0/8, {@code ::1} and 127.0.0.0/8 mapped to
   * IPv6 ({@code ::ffff:127.0.0.1}), with or without the brackets of a URL around an IP literal.
   */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    int[] v4 = ipv4(h);
    if (v4 != null) {
      return v4[0] == 127;
    }
    int[] v6 = ipv6(h);
    return v6 != null && (isOne(v6) || isMappedLoopback(v6));
  }

  /** The four octets of a dotted-quad literal, or null. */
  private static int[] ipv4(String s) {
    var m = IPV4.matcher(s);
    if (!m.matches()) {
      return null;
    }
    int[] octets = new int[4];
    for (int i = 0; i < 4; i++) {
      octets[i] = Integer.parseInt(m.group(i + 1));
      if (octets[i] > 255) {
        return null;
      }
    }
    return octets;
  }

  /** The eight 16-bit groups of an IPv6 literal (RFC 4291 section 2.2 text forms), or null. */
  private static int[] ipv6(String s) {
    if (!IPV6.matcher(s).matches()) {
      return null;
    }
    int gap = s.indexOf("::");
    if (gap != s.lastIndexOf("::")) {
      return null;
    }
    int[] head = groups(gap < 0 ? s : s.substring(0, gap), gap < 0);
    int[] tail = gap < 0 ? new int[0] : groups(s.substring(gap + 2), true);
    if (head == null || tail == null) {
      return null;
    }
    int given = head.length + tail.length;
    if (gap < 0 ? given != 8 : given > 7) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    return all;
  }

  /** Colon-separated hex groups; a dotted quad may end the address and counts as two groups. */
  private static int[] groups(String s, boolean endsAddress) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int[] v4 = endsAddress ? ipv4(parts[parts.length - 1]) : null;
    int hexCount = v4 == null ? parts.length : parts.length - 1;
    int[] out = new int[v4 == null ? hexCount : hexCount + 2];
    for (int i = 0; i < hexCount; i++) {
      if (!HEX_GROUP.matcher(parts[i]).matches()) {
        return null;
      }
      out[i] = Integer.parseInt(parts[i], 16);
    }
    if (v4 != null) {
      out[hexCount] = (v4[0] << 8) | v4[1];
      out[hexCount + 1] = (v4[2] << 8) | v4[3];
    }
    return out;
  }

  private static boolean isOne(int[] g) {
    return g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0 && g[6] == 0 && g[7] == 1;
  }

  /** {@code ::ffff:127.x.y.z}, which Java connects to as the IPv4 address itself. */
  private static boolean isMappedLoopback(int[] g) {
    return g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff && (g[6] >> 8) == 127;
  }
}
