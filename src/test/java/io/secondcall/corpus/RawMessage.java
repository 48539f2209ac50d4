package io.secondcall.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A message as its raw header fields and body, for rewriting corpus mail without a MIME library
 * in the way: bytes are held as ISO-8859-1 characters, one per byte, so 8-bit headers, broken
 * encodings and bare CRs come out exactly as they went in. Fields keep their folding.
 */
final class RawMessage {

  /** One header field as written: {@code name} and everything after the colon, folds included. */
  record Field(String name, String raw) {
    /** The value unfolded and trimmed, still undecoded (encoded words stay as they are). */
    String value() {
      return raw.replaceAll("\r?\n(?=[ \t])", "").strip();
    }

    boolean is(String other) {
      return name.equalsIgnoreCase(other);
    }
  }

  private final List<Field> fields;
  private final String body;

  private RawMessage(List<Field> fields, String body) {
    this.fields = List.copyOf(fields);
    this.body = body;
  }

  /** Parses a message; a leading mbox {@code From } line (not a header) is dropped. */
  static RawMessage parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (text.startsWith("From ")) {
      int eol = text.indexOf('\n');
      text = eol < 0 ? "" : text.substring(eol + 1);
    }
    int end = headerEnd(text);
    String head = text.substring(0, end);
    String body = end < text.length() ? text.substring(end).replaceFirst("^\r?\n", "") : "";
    List<Field> fields = new ArrayList<>();
    for (String line : head.split("\n", -1)) {
      String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (l.isEmpty()) {
        continue;
      }
      if ((l.startsWith(" ") || l.startsWith("\t")) && !fields.isEmpty()) {
        Field last = fields.remove(fields.size() - 1);
        fields.add(new Field(last.name(), last.raw() + "\n" + l));
        continue;
      }
      int colon = l.indexOf(':');
      // A line without a colon is kept as a nameless field: corpus spam has such garbage.
      fields.add(colon <= 0 ? new Field("", l) : new Field(l.substring(0, colon).strip(), l.substring(colon + 1)));
    }
    return new RawMessage(fields, body);
  }

  /** The mbox {@code From } line's text after the address, e.g. {@code Thu Aug 22 12:36:23 2002}. */
  static Optional<String> mboxDate(byte[] bytes) {
    String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.ISO_8859_1);
    if (!text.startsWith("From ")) {
      return Optional.empty();
    }
    String line = text.lines().findFirst().orElse("");
    String[] parts = line.split("\\s+", 3);
    return parts.length == 3 ? Optional.of(parts[2].strip()) : Optional.empty();
  }

  private static int headerEnd(String text) {
    if (text.startsWith("\n") || text.startsWith("\r\n")) {
      return 0;
    }
    int lf = text.indexOf("\n\n");
    int crlf = text.indexOf("\n\r\n");
    int end = lf < 0 ? crlf : crlf < 0 ? lf : Math.min(lf, crlf);
    return end < 0 ? text.length() : end + 1;
  }

  /** A message from name/value pairs (a null value leaves that field out) and a body. */
  static RawMessage build(String body, String... nameValues) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      if (nameValues[i + 1] != null) {
        fields.add(new Field(nameValues[i], " " + nameValues[i + 1]));
      }
    }
    return new RawMessage(fields, body);
  }

  /** Text to be written as raw 8-bit UTF-8 (as some clients put it in headers), in this class's byte-per-char form. */
  static String utf8(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  List<Field> fields() {
    return fields;
  }

  String body() {
    return body;
  }

  /** The first field of that name, unfolded, or empty. */
  Optional<String> first(String name) {
    return fields.stream().filter(f -> f.is(name)).map(Field::value).findFirst();
  }

  List<String> all(String name) {
    return fields.stream().filter(f -> f.is(name)).map(Field::value).toList();
  }

  boolean has(String name) {
    return fields.stream().anyMatch(f -> f.is(name));
  }

  /** This message with the first field of that name replaced (or appended); further ones stay. */
  RawMessage with(String name, String value) {
    List<Field> out = new ArrayList<>();
    boolean done = false;
    for (Field f : fields) {
      if (f.is(name) && !done) {
        out.add(new Field(f.name(), " " + value));
        done = true;
      } else {
        out.add(f);
      }
    }
    if (!done) {
      out.add(new Field(name, " " + value));
    }
    return new RawMessage(out, body);
  }

  /** Only the fields whose lower-case names are in {@code names}. */
  RawMessage keeping(Set<String> names) {
    return filtered(f -> names.contains(f.name().toLowerCase(Locale.ROOT)));
  }

  RawMessage filtered(Predicate<Field> keep) {
    return new RawMessage(fields.stream().filter(keep).toList(), body);
  }

  /** The bytes, lines ending in LF as Maildir files have them (Dovecot serves CRLF). */
  byte[] bytes() {
    StringBuilder sb = new StringBuilder();
    for (Field f : fields) {
      sb.append(f.name().isEmpty() ? "" : f.name() + ":").append(f.raw()).append('\n');
    }
    sb.append('\n').append(body);
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
