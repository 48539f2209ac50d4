package io.secondcall.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message-IDs in raw References / In-Reply-To values, and reply subjects, as the generator reads them. */
final class Threading {

  private static final Pattern ID = Pattern.compile("<[^<>\\s]+>");
  private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*(?:re|aw|sv)(?:\\[\\d+\\])?\\s*:\\s*", Pattern.CASE_INSENSITIVE);

  private Threading() {}

  static List<String> ids(String raw) {
    List<String> out = new ArrayList<>();
    if (raw != null) {
      Matcher m = ID.matcher(raw);
      while (m.find()) {
        out.add(m.group());
      }
    }
    return out;
  }

  /** References in order, then In-Reply-To's ids not already there. */
  static List<String> references(RawMessage m) {
    List<String> refs = new ArrayList<>();
    m.all("References").forEach(v -> refs.addAll(ids(v)));
    for (String id : ids(m.first("In-Reply-To").orElse(""))) {
      if (!refs.contains(id)) {
        refs.add(id);
      }
    }
    return refs;
  }

  /** The message this one answers: In-Reply-To's last id, else the last reference. */
  static Optional<String> parent(RawMessage m) {
    List<String> irt = ids(m.first("In-Reply-To").orElse(""));
    if (!irt.isEmpty()) {
      return Optional.of(irt.get(irt.size() - 1));
    }
    List<String> refs = references(m);
    return refs.isEmpty() ? Optional.empty() : Optional.of(refs.get(refs.size() - 1));
  }

  /** The subject the answered message had: one reply prefix less. */
  static String unreplied(String subject) {
    return REPLY_PREFIX.matcher(subject).replaceFirst("");
  }
}
