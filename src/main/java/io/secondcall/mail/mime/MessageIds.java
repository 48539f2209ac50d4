package io.secondcall.mail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message-ID values as the core keeps them: no angle brackets, no surrounding or folded space. */
public final class MessageIds {

  private static final Pattern BRACKETED = Pattern.compile("<([^<>]+)>");

  private MessageIds() {}

  /** The first id in a Message-ID header, or null when there is none. */
  public static String normalise(String raw) {
    List<String> ids = parse(raw);
    return ids.isEmpty() ? null : ids.get(0);
  }

  /**
   * All ids in an In-Reply-To or References header (RFC 5322 section 3.6.4). Bracketed ids
   * win; headers written without brackets are split on white space and commas and keep the
   * tokens that look like ids.
   */
  public static List<String> parse(String raw) {
    List<String> ids = new ArrayList<>();
    if (raw == null || raw.isBlank()) {
      return ids;
    }
    Matcher m = BRACKETED.matcher(raw);
    while (m.find()) {
      add(ids, m.group(1));
    }
    if (ids.isEmpty()) {
      for (String token : raw.split("[\\s,]+")) {
        if (token.indexOf('@') > 0) {
          add(ids, token.replace("<", "").replace(">", ""));
        }
      }
    }
    return ids;
  }

  private static void add(List<String> ids, String id) {
    String clean = id.replaceAll("\\s+", "");
    if (!clean.isEmpty() && !ids.contains(clean)) {
      ids.add(clean);
    }
  }
}
