package io.secondcall.config;

import io.secondcall.core.Loopback;
import io.secondcall.tls.CertificatePin;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the kinds of value that recur across sections (addresses, domains, paths, URLs,
 * secrets), resolving relative paths against the config file's directory.
 */
final class ValueReader {

  private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
  private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*");
  private static final Pattern LOCAL_PART = Pattern.compile("[^@\\s<>(),;:\"\\[\\]\\\\]+");

  private final Path configFile;
  private final Path configDir;
  private final Map<String, String> env;

  ValueReader(Path configFile, Map<String, String> env) {
    this.configFile = configFile;
    Path parent = configFile.toAbsolutePath().getParent();
    this.configDir = parent == null ? configFile.toAbsolutePath().getRoot() : parent;
    this.env = env;
  }

  /** A bare address such as {@code dana@example.com}, lower-cased; no display name. */
  String email(ConfigNode node) {
    String expected = "an email address such as dana@example.com";
    String text = node.requiredString(expected);
    if (!isEmail(text)) {
      throw node.expected(expected);
    }
    return text.toLowerCase(Locale.ROOT);
  }

  /** A map key that must be an address, as in {@code contacts}; {@code entry} is its value. */
  String emailKey(ConfigNode entry, String key) {
    if (!isEmail(key.strip())) {
      throw ConfigException.expected(configFile, entry.key(), "an email address such as alice@acme.example as the key",
          "\"" + key + "\"");
    }
    return key.strip().toLowerCase(Locale.ROOT);
  }

  private static boolean isEmail(String text) {
    int at = text.lastIndexOf('@');
    return at > 0
        && LOCAL_PART.matcher(text.substring(0, at)).matches()
        && DOMAIN.matcher(text.substring(at + 1)).matches();
  }

  Set<String> emails(ConfigNode list) {
    Set<String> out = new LinkedHashSet<>();
    for (ConfigNode element : list.elements("a list of email addresses such as [dana@example.com]")) {
      out.add(email(element));
    }
    return out;
  }

  /** A domain such as {@code acme.example}; a leading {@code @} is a mistake worth naming. */
  String domain(ConfigNode node) {
    String expected = "a domain name such as acme.example (no @)";
    String text = node.requiredString(expected);
    if (!DOMAIN.matcher(text).matches()) {
      throw node.expected(expected);
    }
    return text.toLowerCase(Locale.ROOT);
  }

  Set<String> domains(ConfigNode list) {
    Set<String> out = new LinkedHashSet<>();
    for (ConfigNode element : list.elements("a list of domain names such as [acme.example]")) {
      out.add(domain(element));
    }
    return out;
  }

  /** A path, absolute or relative to the config file's directory; null when absent. */
  Path path(ConfigNode node, String what) {
    String expected = what + " (absolute, or relative to " + configDir + ")";
    var text = node.string(expected);
    if (text.isEmpty()) {
      return null;
    }
    if (text.get().startsWith("~")) {
      throw node.expected(expected + "; ~ is not expanded");
    }
    try {
      return configDir.resolve(text.get()).normalize();
    } catch (InvalidPathException e) {
      throw node.expected(expected);
    }
  }

  /** An absolute http(s) URL; plain http only to this machine, since credentials travel on it. */
  URI url(ConfigNode node, String example) {
    String expected = "an https URL such as " + example;
    String text = node.requiredString(expected);
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw node.expected(expected);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw node.expected(expected);
    }
    if (scheme.equals("http") && !Loopback.isLoopback(uri.getHost())) {
      throw node.expected(expected + " (plain http is allowed only to a loopback address)");
    }
    return uri;
  }

  /**
   * The password of {@code section}, from {@code password_file} or {@code password_env}; an
   * inline {@code password} is refused.
   */
  Secret secret(ConfigNode section) {
    ConfigNode inline = section.get("password");
    if (inline.isPresent()) {
      throw inline.fail("secrets are never inline: use password_file or password_env");
    }
    ConfigNode file = section.get("password_file");
    ConfigNode variable = section.get("password_env");
    if (file.isPresent() && variable.isPresent()) {
      throw ConfigException.expected(configFile, section.key(),
          "one of password_file or password_env", "both");
    }
    if (file.isPresent()) {
      Path path = path(file, "a password file");
      return Secret.fromFile(configFile, file.key(), path);
    }
    if (variable.isPresent()) {
      return Secret.fromEnv(configFile, variable.key(),
          variable.requiredString("the name of an environment variable"), env);
    }
    throw ConfigException.expected(configFile, section.key() + ".password_file",
        "password_file or password_env (required)", "neither");
  }

  /** An existing regular file, e.g. the Google OAuth client. */
  Path existingFile(ConfigNode node, String what) {
    Path path = path(node, what);
    if (path != null && !Files.isRegularFile(path)) {
      throw ConfigException.expected(configFile, node.key(), what + " that exists",
          "no such file " + path);
    }
    return path;
  }

  /** A pinned certificate fingerprint, or null when the key is absent. */
  CertificatePin pin(ConfigNode node) {
    String text = node.string(CertificatePin.FORMAT).orElse(null);
    if (text == null) {
      return null;
    }
    try {
      return CertificatePin.parse(text);
    } catch (IllegalArgumentException e) {
      throw node.expected(CertificatePin.FORMAT);
    }
  }
}
