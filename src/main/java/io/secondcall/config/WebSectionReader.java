package io.secondcall.config;

import io.secondcall.core.Loopback;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code web} section: {@code listen} and {@code password_file} or {@code password_env}. */
final class WebSectionReader {

  /** {@code host:port}, {@code [v6]:port}, or a bare {@code host} for the default port. */
  private static final Pattern LISTEN = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([^\\s:\\[\\]]+))(?::([0-9]{1,5}))?");

  private WebSectionReader() {}

  static WebSettings read(ConfigNode web, ValueReader values) {
    web.section("listen", "password_file", "password_env", "password");
    ConfigNode listen = web.get("listen");
    String text = listen.string("an address and port such as 127.0.0.1:8377, or off")
        .orElse(WebSettings.DEFAULT_HOST + ":" + WebSettings.DEFAULT_PORT);
    if (text.equals("off")) {
      return WebSettings.OFF;
    }
    Matcher m = LISTEN.matcher(text);
    if (!m.matches()) {
      throw listen.expected("an address and port such as 127.0.0.1:8377 or 0.0.0.0:8377, or off");
    }
    String host = m.group(1) != null ? m.group(1) : m.group(2);
    int port = m.group(3) == null ? WebSettings.DEFAULT_PORT : Integer.parseInt(m.group(3));
    if (port > 65_535) {
      throw listen.expected("a port from 0 to 65535");
    }
    boolean hasPassword = web.get("password_file").isPresent() || web.get("password_env").isPresent()
        || web.get("password").isPresent();
    if (!hasPassword) {
      if (!Loopback.isLoopback(host)) {
        throw ConfigException.expected(web.file(), web.key() + ".password_file",
            "a password file (required when web.listen is not a loopback address; the page shows your prospects)",
            "none");
      }
      return new WebSettings(host, port, null);
    }
    return new WebSettings(host, port, values.secret(web));
  }
}
