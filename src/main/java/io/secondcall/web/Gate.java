package io.secondcall.web;

import io.secondcall.config.WebSettings;
import io.secondcall.core.Loopback;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may see the page and act on it. Directly on loopback: anyone on this machine, but only
 * under a loopback host name (a web site that rebinds its own name to 127.0.0.1 is refused).
 * Through a TLS reverse proxy on this machine: only with the password (HTTP Basic). Listening
 * on any other address: only through such a proxy, never plain HTTP.
 * Actions (POST) need the session's CSRF token, a same-origin Origin header and the session
 * cookie, which is SameSite=Strict and HttpOnly. After {@link Guesses#MAX} wrong passwords in
 * {@link Guesses#WINDOW}, nobody gets in until the window has passed: slow enough that guessing
 * a password over the network takes years.
 */
final class Gate {

  static final String SESSION_COOKIE = "sc_session";
  private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final WebSettings settings;
  private final SecureRandom random;
  private final Clock clock;
  private final Guesses guesses = new Guesses();
  /** Signs session ids into CSRF tokens; new at each start, which ends every session. */
  private final byte[] key = new byte[32];

  Gate(WebSettings settings, SecureRandom random, Clock clock) {
    this.settings = settings;
    this.random = random;
    this.clock = clock;
    random.nextBytes(key);
  }

  /** Why the request may not go on, as the answer to give; empty when it may. */
  Optional<Response> refusal(Request r) {
    boolean proxied = viaTlsProxy(r);
    if (settings.isPublic() && !proxied) {
      return Optional.of(Response.text(403, "This page is served over HTTPS only, through a reverse proxy on this"
          + " machine that sets X-Forwarded-Proto: https (see the README)."));
    }
    if (!proxied && !r.header("host").map(Gate::hostName).filter(Loopback::isLoopback).isPresent()) {
      return Optional.of(Response.text(403, "Open the page as http://127.0.0.1:" + settings.port() + "/"));
    }
    // Through a proxy the page is public whatever it listens on (and a script that rebound a name
    // to 127.0.0.1 could forge the header): then only with the password.
    if (proxied && settings.password() == null) {
      return Optional.of(Response.text(403, "Set web.password_file to use the page through a proxy (see the README)."));
    }
    if (r.path().startsWith("/feed/")) {
      return Optional.empty(); // the secret in the URL is the key: calendar apps cannot log in
    }
    if (settings.password() != null) {
      if (guesses.tooMany(clock.instant())) {
        return Optional.of(Response.text(429, "Too many wrong passwords; try again in a few minutes."));
      }
      if (!passwordMatches(r)) {
        if (r.header("authorization").isPresent()) {
          guesses.wrong(clock.instant());
        }
        return Optional.of(Response.text(401, "The password of web.password_file is needed.")
            .with("WWW-Authenticate", "Basic realm=\"secondcall\", charset=\"UTF-8\""));
      }
    }
    if (r.method().equals("POST")) {
      Optional<String> session = session(r);
      boolean sameOrigin = r.header("origin").filter(origin(r)::equals).isPresent();
      boolean token = session.isPresent() && equal(token(session.get()), r.param("csrf"));
      if (!sameOrigin || !token) {
        return Optional.of(Response.text(403, "This action did not come from the page itself; reload the page and try again."));
      }
    }
    return Optional.empty();
  }

  /** The session id of the cookie, when it is one of ours in form. */
  Optional<String> session(Request r) {
    return r.cookie(SESSION_COOKIE).filter(s -> SESSION.matcher(s).matches());
  }

  String newSession() {
    byte[] id = new byte[32];
    random.nextBytes(id);
    return B64.encodeToString(id);
  }

  String cookie(String session, Request r) {
    return SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict" + (viaTlsProxy(r) ? "; Secure" : "");
  }

  /** The CSRF token of a session: an HMAC of its id, so no token table is kept. */
  String token(String session) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return B64.encodeToString(mac.doFinal(session.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The request came from a TLS-terminating proxy on this machine. */
  boolean viaTlsProxy(Request r) {
    return r.peer() != null && r.peer().isLoopbackAddress()
        && r.header("x-forwarded-proto").map(p -> p.strip().toLowerCase(Locale.ROOT)).filter("https"::equals).isPresent();
  }

  /** What a same-origin Origin header says: the scheme the browser used and the host it asked for. */
  String origin(Request r) {
    boolean tls = viaTlsProxy(r);
    String host = (tls ? r.header("x-forwarded-host") : Optional.<String>empty())
        .or(() -> r.header("host")).orElse("");
    return (tls ? "https://" : "http://") + host.strip().toLowerCase(Locale.ROOT);
  }

  private boolean passwordMatches(Request r) {
    Optional<String> auth = r.header("authorization").filter(a -> a.regionMatches(true, 0, "Basic ", 0, 6));
    if (auth.isEmpty()) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(auth.get().substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    return colon >= 0 && equal(settings.password().reveal(), decoded.substring(colon + 1));
  }

  /** Compares in time that does not depend on where the strings differ. */
  private static boolean equal(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** "127.0.0.1:8377" is 127.0.0.1, "[::1]:8377" is ::1. */
  static String hostName(String hostHeader) {
    String h = hostHeader.strip();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(1, end);
    }
    int colon = h.lastIndexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }
}
