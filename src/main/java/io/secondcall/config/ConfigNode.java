package io.secondcall.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One value of the YAML tree with its dotted key, so that every check can say where it failed.
 * A YAML {@code null} ({@code key:} or {@code key: ~}) counts as absent: the default applies.
 */
final class ConfigNode {

  private static final int MAX_SHOWN = 60;

  private final Path file;
  private final String key;
  private final JsonNode node;

  private ConfigNode(Path file, String key, JsonNode node) {
    this.file = file;
    this.key = key;
    this.node = node;
  }

  static ConfigNode root(Path file, JsonNode node) {
    return new ConfigNode(file, "", node);
  }

  Path file() {
    return file;
  }

  /** The dotted key, e.g. {@code mail.imap.port}. */
  String key() {
    return key;
  }

  boolean isPresent() {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  /** The child {@code name}; absent when this node is absent. */
  ConfigNode get(String name) {
    JsonNode child = node == null ? null : node.get(name);
    return new ConfigNode(file, key.isEmpty() ? name : key + "." + name, child);
  }

  /**
   * This node as a map that may hold only {@code allowed} keys; absent counts as an empty map.
   * An unknown key fails, naming the closest allowed key when it looks like a typo.
   */
  ConfigNode section(String... allowed) {
    if (!isPresent()) {
      return this;
    }
    if (!node.isObject()) {
      throw expected("a map of " + String.join(", ", allowed));
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!Arrays.asList(allowed).contains(name)) {
        String where = key.isEmpty() ? name : key + "." + name;
        String hint = KeySuggestion.closest(name, allowed)
            .map(k -> "did you mean " + k + "?")
            .orElse(allowed.length == 0
                ? "expected no keys here"
                : "expected one of " + String.join(", ", allowed));
        throw new ConfigException(file, where, "unknown key, " + hint);
      }
    }
    return this;
  }

  /** The entries of a map whose keys are data (contact addresses), in file order. */
  Map<String, ConfigNode> entries() {
    Map<String, ConfigNode> out = new LinkedHashMap<>();
    if (!isPresent()) {
      return out;
    }
    if (!node.isObject()) {
      throw expected("a map");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(e.getKey(), new ConfigNode(file, key + ".\"" + e.getKey() + "\"", e.getValue()));
    }
    return out;
  }

  /** The elements of a list; absent gives an empty list. */
  List<ConfigNode> elements(String expectedList) {
    List<ConfigNode> out = new ArrayList<>();
    if (!isPresent()) {
      return out;
    }
    if (!node.isArray()) {
      throw expected(expectedList);
    }
    for (int i = 0; i < node.size(); i++) {
      out.add(new ConfigNode(file, key + "[" + i + "]", node.get(i)));
    }
    return out;
  }

  /** A non-blank string, stripped; fails when absent. */
  String requiredString(String expected) {
    if (!isPresent()) {
      throw expected(expected + " (required)");
    }
    return string(expected).orElseThrow();
  }

  /** A non-blank string, stripped, or empty when absent. Numbers are not taken as strings. */
  Optional<String> string(String expected) {
    if (!isPresent()) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw expected(expected);
    }
    return Optional.of(node.asText().strip());
  }

  int integer(int fallback, int min, int max) {
    if (!isPresent()) {
      return fallback;
    }
    String expected = "a whole number from " + min + " to " + max;
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw expected(expected);
    }
    int value = node.intValue();
    if (value < min || value > max) {
      throw expected(expected);
    }
    return value;
  }

  boolean bool(boolean fallback) {
    if (!isPresent()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw expected("true or false");
    }
    return node.booleanValue();
  }

  /** One of {@code values} (case-insensitive), upper-cased for {@code Enum.valueOf}. */
  <E extends Enum<E>> E choice(Class<E> type, E fallback) {
    if (!isPresent()) {
      return fallback;
    }
    E[] values = type.getEnumConstants();
    String allowed = String.join(" | ", Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
    if (node.isTextual()) {
      for (E v : values) {
        if (v.name().equalsIgnoreCase(node.asText().strip())) {
          return v;
        }
      }
    }
    throw expected("one of " + allowed);
  }

  /** Fails with {@code expected}, describing what was found. */
  ConfigException expected(String expected) {
    return ConfigException.expected(file, key, expected, found());
  }

  /** Fails with a free-form detail about this key. */
  ConfigException fail(String detail) {
    return new ConfigException(file, key, detail);
  }

  /** What the file holds here, for messages: {@code "Mars/Olympus"}, {@code 12}, {@code a list}. */
  String found() {
    if (!isPresent()) {
      return "nothing";
    }
    if (node.isTextual()) {
      String text = node.asText();
      if (text.length() > MAX_SHOWN) {
        text = text.substring(0, MAX_SHOWN) + "...";
      }
      return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a map";
    }
    return node.asText();
  }
}
